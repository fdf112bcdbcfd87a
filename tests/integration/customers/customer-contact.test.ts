// A customer's contact on both engines, from sales and Pulse bodies built here: the phone comes from the
// newest sale Pulse that carries one (the sales list and detail have none, chariow-api.md §8), made
// international with the Pulse's country — or the sale's when the Pulse has none — for the wa.me link;
// a local number without any country gives no WhatsApp link but says why; the e-mail as a mailto: link.
import { expect, it } from "vitest";
import { getCustomerContact } from "@/lib/customers/contact";
import { upsertSales } from "@/lib/mirror";
import { saleDetail, saleSummary } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const NOW = "2026-05-02T12:00:00Z";

describeEachEngine("customer contact", ({ db }) => {
  async function pulse(saleId: string, event: string, receivedAt: string, customer: Record<string, unknown>) {
    await db().db
      .insertInto("pulse_deliveries")
      .values({ delivery_id: `${event}-${saleId}`, dedupe_key: `${event}-${saleId}`, pulse_id: null, event, object_id: saleId, applied_key: `${event}|${saleId}`, received_at: receivedAt, status: "applied", detail: null, body: JSON.stringify({ event, customer }), processed_at: receivedAt })
      .execute();
  }

  it("reads the phone of the newest Pulse that has one and builds the wa.me and mailto links", async () => {
    await upsertSales(
      db().db,
      [
        saleDetail({ id: "s_old", customerId: "cus_awa", createdAt: "2026-03-01T10:00:00Z", country: "CI" }),
        saleDetail({ id: "s_new", customerId: "cus_awa", status: "failed", createdAt: "2026-04-01T10:00:00Z", country: "CI" }),
        saleDetail({ id: "s_other", customerId: "cus_kofi", createdAt: "2026-04-02T10:00:00Z", country: "SN" }),
      ],
      { source: "detail", receivedAt: NOW, timeZone: "UTC" },
    );
    await pulse("s_old", "successful.sale", "2026-03-01T10:01:00Z", { phone: "01 02 03 04 05", country: "CI" });
    // The newest: a local Ivorian number (no trunk zero dropped in CI) in the {formatted} shape.
    await pulse("s_new", "failed.sale", "2026-04-01T10:01:00Z", { phone: { country_code: "+225", formatted: "07 07 12 34 56" }, country: { code: "CI", name: "Côte d'Ivoire" } });
    await pulse("s_other", "successful.sale", "2026-04-02T10:01:00Z", { phone: "+221 77 000 00 00", country: "SN" });

    const contact = await getCustomerContact(db().db, "cus_awa", "awa+shop@example.com");
    expect(contact).toEqual({
      phone: "07 07 12 34 56",
      whatsappUrl: "https://wa.me/2250707123456",
      whatsappProblem: null,
      email: "awa+shop@example.com",
      mailtoUrl: "mailto:awa%2Bshop@example.com",
    });
  });

  it("takes the sale's country for a local number, and says why when there is none", async () => {
    await upsertSales(
      db().db,
      [
        saleDetail({ id: "s_fr", customerId: "cus_fr", createdAt: "2026-04-01T10:00:00Z", country: "FR" }),
        // A list summary: no context country either.
        saleSummary({ id: "s_nowhere", customerId: "cus_nowhere", createdAt: "2026-04-01T10:00:00Z", country: null }),
      ],
      { source: "detail", receivedAt: NOW, timeZone: "UTC" },
    );
    // France drops its trunk zero after the country code.
    await pulse("s_fr", "successful.sale", "2026-04-01T10:01:00Z", { phone: "06 12 34 56 78" });
    await pulse("s_nowhere", "successful.sale", "2026-04-01T10:01:00Z", { phone: "07 07 12 34 56" });
    expect(await getCustomerContact(db().db, "cus_fr", null)).toEqual({ phone: "06 12 34 56 78", whatsappUrl: "https://wa.me/33612345678", whatsappProblem: null, email: null, mailtoUrl: null });
    expect(await getCustomerContact(db().db, "cus_nowhere", "x@example.com")).toMatchObject({ phone: "07 07 12 34 56", whatsappUrl: null, whatsappProblem: "no_country", mailtoUrl: "mailto:x@example.com" });
    // No Pulse at all: no phone.
    expect(await getCustomerContact(db().db, "cus_unknown", null)).toMatchObject({ phone: null, whatsappUrl: null, whatsappProblem: "missing" });
  });
});
