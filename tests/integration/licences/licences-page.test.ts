// The licences list as the page reads it (issue 15), on both engines against licences built here with
// the expected orders written out by hand: sort by each column in both directions (unknown values
// last), pages of 25 that neither overlap nor skip, and the search by customer or sale reference (a `_`
// or `%` typed by the member matches itself, not any character).
import { expect, it } from "vitest";
import { licencesListSchema, listLicences } from "@/lib/licences";
import { upsertSaleLicences } from "@/lib/mirror";
import { describeEachEngine } from "../db/engines";

const NOW = new Date("2026-05-10T12:00:00.000Z");
const FILLERS = Array.from({ length: 26 }, (_, i) => String(i).padStart(2, "0"));

describeEachEngine("Licences list (page)", ({ db }) => {
  async function seed() {
    const put = (saleId: string, l: Parameters<typeof upsertSaleLicences>[2][number]) => upsertSaleLicences(db().db, saleId, [l]);
    await put("sal_x_1", { id: "lic_1", key: "AAAA-1", status: "active", activations: 1, maxActivations: 3, expiresAt: "2026-06-01T00:00:00.000Z", productId: "prd_e", productName: "Ebook", customerName: "Awa Diallo", customerEmail: "awa@example.com" });
    await put("sal_y_2", { id: "lic_2", key: "BBBB-2", status: "revoked", activations: 0, maxActivations: 3, expiresAt: "2026-05-20T00:00:00.000Z", productId: "prd_c", productName: "Cours", customerName: "Kofi Mensah", customerEmail: "kofi@example.com" });
    // No name, no expiry, no activation count: sorts by e-mail / product id, unknowns last.
    await put("salAx9", { id: "lic_3", key: "CCCC-3", status: "pending_activation", activations: null, maxActivations: null, expiresAt: null, productId: "prd_z", customerEmail: "zoe@example.com" });
    await put("sal_w_4", { id: "lic_4", key: "DDDD-4", status: "active", activations: 3, maxActivations: 3, expiresAt: "2026-07-01T00:00:00.000Z", productId: "prd_a", productName: "Audio", customerName: "Bintou", customerEmail: "bintou@example.com" });
    for (const n of FILLERS) {
      await put(`sal_f${n}`, { id: `lic_f${n}`, key: `FFFF-${n}`, status: "expired", activations: 2, maxActivations: 2, expiresAt: `2027-01-${String(Number(n) + 1).padStart(2, "0")}T00:00:00.000Z`, productId: "prd_f", productName: "Fichier", customerName: `Filler ${n}`, customerEmail: `f${n}@example.com` });
    }
  }
  const page = async (query: Record<string, unknown>) => listLicences(db().db, licencesListSchema.parse(query), { now: NOW });
  const ids = async (query: Record<string, unknown>) => (await page({ size: 50, ...query })).rows.map((r) => r.licenceId);
  const fillers = FILLERS.map((n) => `lic_f${n}`);

  it("sorts by every column both ways, unknown values last, the licence id breaking ties", async () => {
    await seed();
    expect(await ids({})).toEqual(["lic_2", "lic_1", "lic_4", ...fillers, "lic_3"]); // soonest expiry first by default
    expect(await ids({ sort: "expires_at", dir: "desc" })).toEqual([...[...fillers].reverse(), "lic_4", "lic_1", "lic_2", "lic_3"]);
    expect(await ids({ sort: "customer", dir: "asc" })).toEqual(["lic_1", "lic_4", ...fillers, "lic_2", "lic_3"]);
    expect(await ids({ sort: "product", dir: "asc" })).toEqual(["lic_4", "lic_2", "lic_1", ...fillers, "lic_3"]); // audio, cours, ebook, fichier, prd_z
    expect(await ids({ sort: "status", dir: "desc" })).toEqual(["lic_2", "lic_3", ...fillers, "lic_1", "lic_4"]);
    expect(await ids({ sort: "activations", dir: "desc" })).toEqual(["lic_4", ...fillers, "lic_1", "lic_2", "lic_3"]);
    expect(await ids({ sort: "activations", dir: "asc" })).toEqual(["lic_2", "lic_1", ...fillers, "lic_4", "lic_3"]);
  });

  it("pages by 25 with the total, the pages neither overlapping nor skipping", async () => {
    await seed();
    const first = await page({});
    const second = await page({ page: 2 });
    expect([first.total, first.rows.length, first.hasMore]).toEqual([30, 25, true]);
    expect([second.total, second.rows.length, second.hasMore]).toEqual([30, 5, false]);
    expect([...first.rows, ...second.rows].map((r) => r.licenceId)).toEqual(["lic_2", "lic_1", "lic_4", ...fillers, "lic_3"]);
    expect((await page({ page: 3 })).rows).toEqual([]);
    // The filters hold across pages and in the total.
    expect(await page({ status: "active" })).toMatchObject({ total: 2, hasMore: false });
    // Keys leave masked.
    expect(first.rows[0].maskedKey).toBe("BBB••••");
  });

  it("finds a licence by customer name or e-mail, or by sale reference, typed characters matching themselves", async () => {
    await seed();
    expect(await ids({ q: "KOFI" })).toEqual(["lic_2"]);
    expect(await ids({ q: "zoe@" })).toEqual(["lic_3"]);
    expect(await ids({ q: "sal_x" })).toEqual(["lic_1"]); // not salAx9: "_" is not a wildcard here
    expect(await ids({ q: "filler 1" })).toEqual(["lic_f10", "lic_f11", "lic_f12", "lic_f13", "lic_f14", "lic_f15", "lic_f16", "lic_f17", "lic_f18", "lic_f19"]);
    expect(await ids({ q: "100%" })).toEqual([]);
    expect((await page({ q: "example.com", status: "active" })).total).toBe(2);
  });
});
