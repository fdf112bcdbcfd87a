// Orders to ship on both engines, from sales built for the test: the worklist holds exactly the paid
// sales with a shipping address, oldest payment first; marking shipped / not shippable moves them between
// the lists and audits each one; a reason is required; the courier CSV has the couriers' column order.
import { parse } from "csv-parse/sync";
import { NextRequest } from "next/server";
import { expect, it, vi } from "vitest";
import { listAudit } from "@/lib/audit";
import { upsertSales } from "@/lib/mirror";
import { COURIER_COLUMNS, exportOrdersCsv, listOrders, updateFulfilment } from "@/lib/orders";
import { createUser } from "@/lib/team";
import { saleDetail } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

// The route is driven for real (wrapper, zod, service, database); only the session and getDb are the test's.
const current = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => current.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => current.db }));
const ordersRoute = await import("@/app/api/orders/route");

const NOW = "2026-05-02T12:00:00Z";
const ADDRESS = { address: "Lot 12, Rue 45", city: "Abidjan", state: "Lagunes", zip: "01000", country: "CI" };
const HEADERS = { name: "Nom", phone: "Téléphone", address: "Adresse", city: "Ville", state: "Région", country: "Pays", zip: "Code postal", product: "Produit", reference: "Référence" };

describeEachEngine("Orders to ship", ({ db }) => {
  async function seed() {
    await upsertSales(
      db().db,
      [
        // Paid with an address, out of order on purpose: the list must sort by payment time.
        saleDetail({ id: "ship_late", status: "completed", name: "Kofi Mensah", createdAt: "2026-04-20T09:00:00Z", completedAt: "2026-04-20T09:01:00Z", productId: "prd_box", shipping: { ...ADDRESS, address: "=HYPERLINK(\"x\")", city: "Bouaké" } }),
        saleDetail({ id: "ship_early", status: "settled", name: "Awa Diallo", createdAt: "2026-04-01T08:00:00Z", completedAt: "2026-04-01T08:05:00Z", productId: "prd_box", shipping: { ...ADDRESS, country: "SN", city: "Dakar", zip: "12500" } }),
        saleDetail({ id: "ship_mid", status: "completed", name: "Ama Koné", createdAt: "2026-04-10T10:00:00Z", completedAt: "2026-04-10T10:02:00Z", productId: "prd_box", shipping: ADDRESS }),
        // Not to ship: failed or abandoned with an address, paid without address, paid with a blank address, awaiting payment.
        saleDetail({ id: "failed_addr", status: "failed", createdAt: "2026-04-02T10:00:00Z", productId: "prd_box", shipping: ADDRESS }),
        saleDetail({ id: "abandoned_addr", status: "abandoned", createdAt: "2026-04-03T10:00:00Z", productId: "prd_box", shipping: ADDRESS }),
        saleDetail({ id: "paid_no_addr", status: "completed", createdAt: "2026-04-04T10:00:00Z", country: "CI" }),
        saleDetail({ id: "paid_blank_addr", status: "completed", createdAt: "2026-04-05T10:00:00Z", shipping: { ...ADDRESS, address: "   " } }),
        saleDetail({ id: "awaiting_addr", status: "awaiting_payment", createdAt: "2026-04-06T10:00:00Z", shipping: ADDRESS }),
      ],
      { source: "detail", receivedAt: NOW, timeZone: "Africa/Abidjan" },
    );
    // Only Pulses carry the customer's phone (chariow-api.md §8): one for ship_mid.
    await db().db
      .insertInto("pulse_deliveries")
      .values({ delivery_id: "d1", dedupe_key: "d1", pulse_id: null, event: "successful.sale", object_id: "ship_mid", applied_key: "successful.sale|ship_mid", received_at: NOW, status: "applied", detail: null, body: JSON.stringify({ customer: { phone: "+2250707123456", country: "CI" } }), processed_at: NOW })
      .execute();
    const owner = await createUser(db().db, { email: "owner@example.com", password: "correct horse battery", role: "owner", name: "Owner" }, null);
    return { actor: { id: owner.id, email: owner.email, role: owner.role }, owner };
  }
  const ids = async (filter?: "to_ship" | "shipped" | "not_shippable" | "all") => (await listOrders(db().db, { filter })).map((o) => o.saleId);

  it("lists exactly the paid sales with a shipping address, oldest payment first, with the full address and phone", async () => {
    await seed();
    expect(await ids()).toEqual(["ship_early", "ship_mid", "ship_late"]);
    expect(await ids("all")).toEqual(["ship_early", "ship_mid", "ship_late"]);
    expect(await ids("shipped")).toEqual([]);
    const mid = (await listOrders(db().db)).find((o) => o.saleId === "ship_mid");
    expect(mid).toMatchObject({ customerName: "Ama Koné", phone: "+2250707123456", address: "Lot 12, Rue 45", city: "Abidjan", state: "Lagunes", zip: "01000", country: "CI", fulfilment: "to_ship", paidAt: "2026-04-10T10:02:00Z" });
  });

  it("marks shipped and not shippable, moving orders between the lists, each change audited", async () => {
    const { actor } = await seed();
    await updateFulfilment(db().db, actor, { state: "shipped", saleIds: ["ship_early", "ship_late"], carrier: "DHL", trackingReference: "JD014600" });
    await updateFulfilment(db().db, actor, { state: "not_shippable", saleIds: ["ship_mid"], reason: "Adresse incomplète" });
    expect(await ids()).toEqual([]);
    expect(await ids("shipped")).toEqual(["ship_early", "ship_late"]);
    expect(await ids("not_shippable")).toEqual(["ship_mid"]);
    expect((await listOrders(db().db, { filter: "shipped" }))[0]).toMatchObject({ carrier: "DHL", trackingReference: "JD014600", reason: null });
    // Back to ship after a mistake.
    await updateFulfilment(db().db, actor, { state: "to_ship", saleIds: ["ship_mid"] });
    expect(await ids()).toEqual(["ship_mid"]);

    const audit = await listAudit(db().db, { action: "orders." });
    expect(audit.map((e) => [e.action, e.target, e.actorEmail]).reverse()).toEqual([
      ["orders.fulfilment_updated", "ship_early", "owner@example.com"],
      ["orders.fulfilment_updated", "ship_late", "owner@example.com"],
      ["orders.fulfilment_updated", "ship_mid", "owner@example.com"],
      ["orders.fulfilment_updated", "ship_mid", "owner@example.com"],
    ]);
    expect(audit[3].details).toEqual({ state: "shipped", previousState: "to_ship", carrier: "DHL", trackingReference: "JD014600" });
    expect(audit[1].details).toEqual({ state: "not_shippable", previousState: "to_ship", reason: "Adresse incomplète" });
    expect(audit[0].details).toEqual({ state: "to_ship", previousState: "not_shippable" });
  });

  it("refuses a sale that is not a paid order with an address, and changes nothing", async () => {
    const { actor } = await seed();
    await expect(updateFulfilment(db().db, actor, { state: "shipped", saleIds: ["ship_mid", "failed_addr"], carrier: null, trackingReference: null })).rejects.toMatchObject({ status: 404 });
    await expect(updateFulfilment(db().db, actor, { state: "shipped", saleIds: ["paid_no_addr"], carrier: null, trackingReference: null })).rejects.toMatchObject({ status: 404 });
    expect(await ids()).toEqual(["ship_early", "ship_mid", "ship_late"]);
    expect(await listAudit(db().db, { action: "orders." })).toEqual([]);
  });

  it("requires a reason for not shippable: 400 naming the field through the route, and at service level", async () => {
    const { actor, owner } = await seed();
    current.db = db().db;
    current.member = { id: owner.id, email: owner.email, name: owner.name, role: "owner", createdAt: NOW };
    const post = (body: unknown) =>
      ordersRoute.POST(new NextRequest("http://dash.test/api/orders", { method: "POST", headers: { host: "dash.test", "content-type": "application/json", "sec-fetch-site": "same-origin" }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
    for (const body of [{ state: "not_shippable", saleIds: ["ship_mid"] }, { state: "not_shippable", saleIds: ["ship_mid"], reason: "   " }]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { field?: string } }).error.field).toBe("reason");
    }
    // @ts-expect-error -- a caller bypassing the types still meets the schema
    await expect(updateFulfilment(db().db, actor, { state: "not_shippable", saleIds: ["ship_mid"] })).rejects.toThrow(/reason/);
    expect(await ids()).toEqual(["ship_early", "ship_mid", "ship_late"]);
    // The same route with a reason works and audits.
    const ok = await post({ state: "not_shippable", saleIds: ["ship_mid"], reason: "Client injoignable" });
    expect(ok.status).toBe(200);
    expect(await ids("not_shippable")).toEqual(["ship_mid"]);
    // Support may mark (fulfilment:write is everyone's); the list route answers the same worklist.
    current.member = { id: "u-support", email: "support@example.com", name: null, role: "support", createdAt: NOW };
    const list = await ordersRoute.GET(new NextRequest("http://dash.test/api/orders?state=to_ship", { headers: { host: "dash.test" } }), { params: Promise.resolve({}) });
    expect(((await list.json()) as { orders: { saleId: string }[] }).orders.map((o) => o.saleId)).toEqual(["ship_early", "ship_late"]);
  });

  it("exports the courier CSV: exact rows in the couriers' column order, formula-safe, audited", async () => {
    const { actor } = await seed();
    const res = await exportOrdersCsv(db().db, { filter: "to_ship", preset: "excel-fr", headers: HEADERS, actor, day: "2026-05-02" });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for accents
    const rows = parse(new TextDecoder().decode(bytes), { delimiter: ";" }) as string[][];
    expect(rows).toEqual([
      COURIER_COLUMNS.map((c) => HEADERS[c]),
      ["Awa Diallo", "", "Lot 12, Rue 45", "Dakar", "Lagunes", "SN", "12500", "Product prd_box", "ship_early"],
      // A leading "+" is neutralised like a formula: Excel would otherwise turn the phone into 2.25E+12.
      ["Ama Koné", "'+2250707123456", "Lot 12, Rue 45", "Abidjan", "Lagunes", "CI", "01000", "Product prd_box", "ship_mid"],
      ["Kofi Mensah", "", "'=HYPERLINK(\"x\")", "Bouaké", "Lagunes", "CI", "01000", "Product prd_box", "ship_late"],
    ]);
    // A selection exports only its orders; an order already shipped can still be exported by id under "all".
    await updateFulfilment(db().db, actor, { state: "shipped", saleIds: ["ship_mid"], carrier: null, trackingReference: null });
    const sel = await exportOrdersCsv(db().db, { filter: "all", saleIds: ["ship_late", "ship_mid"], preset: "standard", headers: HEADERS, actor, day: "2026-05-02" });
    const selRows = parse(await sel.text()) as string[][];
    expect(selRows.slice(1).map((r) => r[8])).toEqual(["ship_mid", "ship_late"]);
    await new Promise((r) => setTimeout(r, 20));
    const audit = await listAudit(db().db, { action: "orders.export" });
    expect(audit.map((e) => e.details)).toEqual([
      { filter: "all", saleIds: ["ship_late", "ship_mid"], rows: 2, preset: "standard", completed: true },
      { filter: "to_ship", saleIds: null, rows: 3, preset: "excel-fr", completed: true },
    ]);
  });
});
