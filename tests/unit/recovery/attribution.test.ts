// Recovery attribution: same customer (id, else e-mail), same product, strictly later, within the window.
import { describe, expect, it } from "vitest";
import { attributeRecoveries, sameCustomer, type AttributionSale } from "@/lib/recovery/attribution";

const lead: AttributionSale = { id: "sal_lead", customerId: "cus_1", customerEmail: "awa@example.com", productId: "prd_1", at: "2026-05-01T10:00:00Z" };
const pay = (o: Partial<AttributionSale>): AttributionSale => ({ id: "sal_pay", customerId: "cus_1", customerEmail: "awa@example.com", productId: "prd_1", at: "2026-05-03T10:00:00Z", ...o });

describe("sameCustomer", () => {
  it("compares ids when both have one, else e-mails (case-insensitive)", () => {
    expect(sameCustomer({ customerId: "cus_1", customerEmail: "a@x.io" }, { customerId: "cus_2", customerEmail: "a@x.io" })).toBe(false);
    expect(sameCustomer({ customerId: null, customerEmail: "A@x.io" }, { customerId: "cus_2", customerEmail: "a@x.io" })).toBe(true);
    expect(sameCustomer({ customerId: null, customerEmail: null }, { customerId: null, customerEmail: null })).toBe(false);
  });
});

describe("attributeRecoveries", () => {
  it("links the earliest later payment of the same customer and product", () => {
    const m = attributeRecoveries([lead], [pay({ id: "sal_b", at: "2026-05-05T00:00:00Z" }), pay({ id: "sal_a" })]);
    expect(m.get("sal_lead")?.id).toBe("sal_a");
  });

  it("ignores another product, another customer, an earlier payment, and one after the window", () => {
    const payments = [
      pay({ id: "p_other_product", productId: "prd_2" }),
      pay({ id: "p_other_customer", customerId: "cus_2" }),
      pay({ id: "p_before", at: "2026-04-30T10:00:00Z" }),
      pay({ id: "p_late", at: "2026-05-15T10:00:01Z" }),
    ];
    expect(attributeRecoveries([lead], payments).size).toBe(0);
    // Exactly 14 days later is still inside the default window; a longer window takes the late one.
    expect(attributeRecoveries([lead], [pay({ id: "p_edge", at: "2026-05-15T10:00:00Z" })]).get("sal_lead")?.id).toBe("p_edge");
    expect(attributeRecoveries([lead], payments, 30).get("sal_lead")?.id).toBe("p_late");
  });

  it("falls back to the e-mail when the lead has no customer id", () => {
    const m = attributeRecoveries([{ ...lead, customerId: null }], [pay({ customerId: "cus_9", customerEmail: "AWA@example.com" })]);
    expect(m.get("sal_lead")?.id).toBe("sal_pay");
  });

  it("a payment naming the lead (its exact link) recovers it by link — any time, product or customer — before the window rule", () => {
    const linked = pay({ id: "p_link", productId: "prd_2", customerId: "cus_9", at: "2026-07-30T10:00:00Z", recoveryLeadId: "sal_lead" });
    const m = attributeRecoveries([lead], [pay({ id: "p_window" }), linked]);
    expect(m.get("sal_lead")).toMatchObject({ id: "p_link", by: "link" });
    expect(attributeRecoveries([lead], [pay({ id: "p_window" })]).get("sal_lead")).toMatchObject({ id: "p_window", by: "window" });
    // Naming another lead recovers nothing here; the earliest of two links wins.
    expect(attributeRecoveries([lead], [pay({ id: "p_other", productId: "prd_2", recoveryLeadId: "sal_other" })]).size).toBe(0);
    const second = { ...linked, id: "p_link2", at: "2026-08-30T10:00:00Z" };
    expect(attributeRecoveries([lead], [second, linked]).get("sal_lead")?.id).toBe("p_link");
  });
});
