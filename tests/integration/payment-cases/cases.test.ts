// "Charged but sale failed" cases (issue 20) on both engines: a case opens only from a sale the mirror holds
// as failed, copies the sale's facts (checked against the hand-made sale, and kept when the mirror row
// changes later), at most one not resolved per sale (the service's 409 and the database's own unique
// index), the status moves allowed and refused with their stamps, and one audit entry per change that
// names the fields changed but never their values.
import type { Kysely } from "kysely";
import { beforeEach, expect, it } from "vitest";
import type { Actor } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { upsertSales } from "@/lib/mirror";
import { CaseAlreadyOpenError, getCase, moveCase, openCase, updateCaseFields, type OpenCaseInput } from "@/lib/payment-cases";
import { saleDetail } from "../../factories/sales";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const ZONE = "Africa/Abidjan";
const NOW = new Date("2026-03-12T09:00:00Z");
const opts = { timeZone: ZONE, now: NOW };
const fields = (saleId: string, o: Partial<OpenCaseInput> = {}): OpenCaseInput => ({
  saleId,
  operatorReference: "MP260310.1005.A12345",
  smsText: "Vous avez payé 4 900 FCFA à CHARIOW. Réf: MP260310.1005.A12345. Solde: 1 250 FCFA.",
  amountDebited: "4 900",
  currency: "XOF",
  debitedOn: "2026-03-10",
  debitedTime: "10:05",
  note: null,
  ...o,
});

async function statusOf(p: Promise<unknown>): Promise<{ status: number; code: string; field?: string } | "ok"> {
  try {
    await p;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, code: error.code, ...(error.field ? { field: error.field } : {}) };
    throw error;
  }
}

describeEachEngine("Payment cases", ({ db }) => {
  const k = () => db().db as Kysely<Database>;
  let actor: Actor;
  let other: Actor;

  beforeEach(async () => {
    actor = (await makeMember(k(), "support")).actor;
    other = (await makeMember(k(), "owner")).actor;
    const sales = [
      saleDetail({ id: "sal_failed", status: "failed", originalMinor: 4_900, createdAt: "2026-03-10T10:00:00.000Z", failedAt: "2026-03-10T10:05:00.000Z", paymentMethod: "orange_money", gateway: "cinetpay", email: "awa@example.com", name: "Awa Koné", productId: "prd_guide" }),
      saleDetail({ id: "sal_paid", status: "completed" }),
      saleDetail({ id: "sal_abandoned", status: "abandoned" }),
      saleDetail({ id: "sal_failed_eur", status: "failed", currency: "EUR", originalMinor: 7_920 }),
    ];
    await upsertSales(k(), sales, { source: "detail", receivedAt: "2026-03-11T00:00:00.000Z", timeZone: ZONE });
  });

  it("opens only from a failed sale, with the sale's facts copied in", async () => {
    expect(await statusOf(openCase(k(), actor, fields("sal_paid"), opts))).toEqual({ status: 422, code: "sale_not_failed" });
    expect(await statusOf(openCase(k(), actor, fields("sal_abandoned"), opts))).toEqual({ status: 422, code: "sale_not_failed" });
    expect(await statusOf(openCase(k(), actor, fields("sal_nowhere"), opts))).toEqual({ status: 404, code: "not_found" });
    expect(await k().selectFrom("payment_cases").select("id").execute()).toEqual([]);

    const c = await openCase(k(), actor, fields("sal_failed"), opts);
    expect(c).toMatchObject({
      saleId: "sal_failed",
      status: "open",
      // What the hand-made sale above says (tests/factories/sales.ts: transaction "txn_<id>", failure insufficient_funds).
      sale: {
        amount: { minor: 4_900, currency: "XOF" },
        productName: "Product prd_guide",
        createdAt: "2026-03-10T10:00:00.000Z",
        failedAt: "2026-03-10T10:05:00.000Z",
        paymentMethod: "orange_money",
        gateway: "cinetpay",
        transactionId: "txn_sal_failed",
        failureCode: "insufficient_funds",
        customerEmail: "awa@example.com",
        customerName: "Awa Koné",
      },
      operatorReference: "MP260310.1005.A12345",
      amountDebited: { minor: 4_900, currency: "XOF" },
      debitedOn: "2026-03-10",
      debitedTime: "10:05",
      openedBy: actor.email,
      createdAt: NOW.toISOString(),
      sentAt: null,
      resolvedAt: null,
    });
    expect(c.id).toMatch(/^case_[0-9a-f]{12}$/);
  });

  it("keeps the facts support was told when the mirror's sale changes later", async () => {
    const c = await openCase(k(), actor, fields("sal_failed"), opts);
    await upsertSales(k(), [saleDetail({ id: "sal_failed", status: "failed", originalMinor: 9_900, productId: "prd_other", email: "new@example.com", updatedAt: "2026-03-12T00:00:00.000Z" })], { source: "detail", receivedAt: "2026-03-12T08:00:00.000Z", timeZone: ZONE });
    expect((await k().selectFrom("sales").select("amount").where("id", "=", "sal_failed").executeTakeFirstOrThrow()).amount).toBe(9_900);
    expect((await getCase(k(), c.id))?.sale).toMatchObject({ amount: { minor: 4_900, currency: "XOF" }, productName: "Product prd_guide", customerEmail: "awa@example.com" });
  });

  it("reads amounts as the SMS writes them, in the currency's decimals, and refuses the rest by field", async () => {
    expect((await openCase(k(), actor, fields("sal_failed_eur", { amountDebited: "79,20", currency: "eur" }), opts)).amountDebited).toEqual({ minor: 7_920, currency: "EUR" });
    const refused = async (o: Partial<OpenCaseInput>) => statusOf(openCase(k(), actor, fields("sal_failed", o), opts));
    expect(await refused({ amountDebited: "49.999", currency: "EUR" })).toMatchObject({ status: 400, field: "amountDebited" });
    expect(await refused({ amountDebited: "0" })).toMatchObject({ status: 400, field: "amountDebited" });
    expect(await refused({ amountDebited: "4900.5" })).toMatchObject({ status: 400, field: "amountDebited" }); // XOF has no decimals
    expect(await refused({ operatorReference: "  ", smsText: null })).toMatchObject({ status: 400, field: "operatorReference" });
    expect(await refused({ debitedOn: "2026-02-30" })).toMatchObject({ status: 400, field: "debitedOn" });
    expect(await refused({ debitedOn: "2026-03-13" })).toMatchObject({ status: 400, field: "debitedOn" }); // after today (12 March in Abidjan)
    expect(await refused({ debitedTime: "25:00" })).toMatchObject({ status: 400, field: "debitedTime" });
    // Only the reference or only the SMS is enough.
    expect(await refused({ operatorReference: null })).toBe("ok");
  });

  it("allows one case not resolved per sale: a second answers 409 with the first, and the database refuses it too", async () => {
    const first = await openCase(k(), actor, fields("sal_failed"), opts);
    const again = openCase(k(), other, fields("sal_failed"), opts);
    await expect(again).rejects.toBeInstanceOf(CaseAlreadyOpenError);
    await expect(again).rejects.toMatchObject({ status: 409, code: "case_already_open", caseId: first.id });
    // The unique index holds on its own, whatever the service checks first.
    const row = await k().selectFrom("payment_cases").selectAll().where("id", "=", first.id).executeTakeFirstOrThrow();
    await expect(k().insertInto("payment_cases").values({ ...row, id: "case_direct", status: "sent" }).execute()).rejects.toThrow();
    // Once resolved, a new case may open; the resolved one cannot reopen while the new one is not resolved.
    await moveCase(k(), actor, first.id, "resolved", { now: NOW });
    const second = await openCase(k(), actor, fields("sal_failed"), opts);
    expect(second.id).not.toBe(first.id);
    await expect(moveCase(k(), actor, first.id, "open", { now: NOW })).rejects.toMatchObject({ status: 409, caseId: second.id });
    expect((await getCase(k(), first.id))?.status).toBe("resolved");
  });

  it("moves open → sent → resolved with their stamps, back from sent, reopens, and refuses the rest", async () => {
    const c = await openCase(k(), actor, fields("sal_failed"), opts);
    const at = (iso: string) => ({ now: new Date(iso) });
    expect(await moveCase(k(), actor, c.id, "sent", at("2026-03-12T10:00:00Z"))).toMatchObject({ status: "sent", sentAt: "2026-03-12T10:00:00.000Z", resolvedAt: null, updatedAt: "2026-03-12T10:00:00.000Z" });
    expect(await moveCase(k(), actor, c.id, "open", at("2026-03-12T11:00:00Z"))).toMatchObject({ status: "open", sentAt: "2026-03-12T10:00:00.000Z" });
    await moveCase(k(), actor, c.id, "sent", at("2026-03-12T12:00:00Z"));
    expect(await moveCase(k(), other, c.id, "resolved", at("2026-03-13T09:00:00Z"))).toMatchObject({ status: "resolved", sentAt: "2026-03-12T12:00:00.000Z", resolvedAt: "2026-03-13T09:00:00.000Z" });
    expect(await statusOf(moveCase(k(), actor, c.id, "sent", at("2026-03-13T10:00:00Z")))).toEqual({ status: 409, code: "case_move_refused", field: "status" });
    expect(await moveCase(k(), actor, c.id, "open", at("2026-03-14T09:00:00Z"))).toMatchObject({ status: "open", resolvedAt: null });
    expect(await statusOf(moveCase(k(), actor, "case_nope", "sent"))).toEqual({ status: 404, code: "not_found" });

    const audit = await k().selectFrom("audit_log").select(["action", "actor_email", "target", "details"]).where("target", "=", c.id).orderBy("id").execute();
    expect(audit.map((a) => [a.action, a.actor_email, a.details ? JSON.parse(a.details) : null])).toEqual([
      ["payment_case.opened", actor.email, { saleId: "sal_failed", amountDebited: 4_900, currency: "XOF" }],
      ["payment_case.status_changed", actor.email, { saleId: "sal_failed", from: "open", to: "sent" }],
      ["payment_case.status_changed", actor.email, { saleId: "sal_failed", from: "sent", to: "open" }],
      ["payment_case.status_changed", actor.email, { saleId: "sal_failed", from: "open", to: "sent" }],
      ["payment_case.status_changed", other.email, { saleId: "sal_failed", from: "sent", to: "resolved" }],
      ["payment_case.status_changed", actor.email, { saleId: "sal_failed", from: "resolved", to: "open" }],
    ]);
  });

  it("edits the member's fields, auditing which changed and never their values", async () => {
    const c = await openCase(k(), actor, fields("sal_failed"), opts);
    const same = { ...fields("sal_failed"), saleId: undefined };
    const later = { timeZone: ZONE, now: new Date("2026-03-12T15:00:00Z") };
    // Nothing changed: nothing written, nothing audited.
    expect((await updateCaseFields(k(), other, c.id, same, later)).updatedAt).toBe(NOW.toISOString());
    const edited = await updateCaseFields(k(), other, c.id, { ...same, smsText: "Paiement de 5 000 FCFA, réf X9", amountDebited: "5000", note: "Client rappelé" }, later);
    expect(edited).toMatchObject({ smsText: "Paiement de 5 000 FCFA, réf X9", amountDebited: { minor: 5_000, currency: "XOF" }, note: "Client rappelé", updatedAt: "2026-03-12T15:00:00.000Z", status: "open" });
    const audit = await k().selectFrom("audit_log").select(["action", "details"]).where("target", "=", c.id).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["payment_case.opened", "payment_case.updated"]);
    expect(JSON.parse(audit[1]!.details!)).toEqual({ saleId: "sal_failed", fields: ["smsText", "amountDebited", "note"] });
    expect(audit[1]!.details).not.toContain("X9");
    expect(await statusOf(updateCaseFields(k(), other, "case_nope", same, later))).toEqual({ status: 404, code: "not_found" });
  });
});
