// Download tracking on both engines, against data built here with hand-computed answers: which sales
// are "not accessed yet", which counts are unusual (threshold and 99th percentile), engagement shares and
// medians per product, coverage, and the audited access-resend contact.
import { expect, it } from "vitest";
import { listAudit } from "@/lib/audit";
import type { Sale } from "@/lib/chariow";
import { buildAccessMessage, downloadsReport, recordAccessContact } from "@/lib/downloads";
import { upsertSales } from "@/lib/mirror";
import { saleDetail, saleSummary, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const NOW = new Date("2026-05-10T12:00:00.000Z");
const OPTS = { source: "detail" as const, receivedAt: "2026-05-10T12:00:00.000Z", timeZone: "Africa/Abidjan" };
const ACTOR = { id: "u1", email: "owner@example.com", role: "owner" as const };
const hoursAfter = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();

describeEachEngine("Download tracking", ({ db }) => {
  const put = (sales: Sale[], raw?: unknown[]) => upsertSales(db().db, sales, { ...OPTS, raw });
  const paid = (id: string, completedAt: string, facts: Partial<SaleFacts> = {}) =>
    saleDetail({ id, status: "completed", createdAt: completedAt, completedAt, productId: "prd_ebook", customerId: `cus_${id}`, ...facts });

  async function seedNotAccessed() {
    await put([
      paid("na_old", "2026-05-01T09:00:00.000Z", { downloadTotal: 0 }),
      paid("na_settled", "2026-05-05T10:00:00.000Z", { status: "settled", productId: "prd_course", productType: "course", downloadTotal: 0 }),
      paid("na_edge", "2026-05-07T12:00:00.000Z", { downloadTotal: 0 }), // exactly 3 days before NOW
      paid("recent", "2026-05-09T10:00:00.000Z", { downloadTotal: 0 }),
      paid("unknown_detail", "2026-05-01T09:00:00.000Z", { downloadTotal: null }),
      paid("downloaded", "2026-05-01T09:00:00.000Z", { downloadTotal: 2, downloadLastAt: "2026-05-02T09:00:00.000Z" }),
      paid("service", "2026-05-01T09:00:00.000Z", { productId: "prd_coach", productType: "service", downloadTotal: 0 }),
      saleDetail({ id: "failed", status: "failed", createdAt: "2026-05-01T09:00:00.000Z", productId: "prd_ebook", downloadTotal: 0 }),
    ]);
    // A list summary carries no download block (§5): its count is unknown, not 0.
    await upsertSales(db().db, [saleSummary({ id: "summary_only", status: "completed", createdAt: "2026-05-01T09:00:00.000Z", completedAt: "2026-05-01T09:00:00.000Z", productId: "prd_ebook" })], { ...OPTS, source: "list" });
  }

  it("lists as not accessed exactly the paid sales with 0 known downloads paid at least N days ago, oldest first", async () => {
    await seedNotAccessed();
    const ids = async (days: number) => (await downloadsReport(db().db, { days }, NOW)).notAccessed.map((s) => s.saleId);
    expect(await ids(3)).toEqual(["na_old", "na_settled", "na_edge"]);
    expect(await ids(7)).toEqual(["na_old"]);
    expect(await ids(1)).toEqual(["na_old", "na_settled", "na_edge", "recent"]);
    expect((await downloadsReport(db().db, { days: 3 }, NOW)).notAccessed.map((s) => s.daysSincePayment)).toEqual([9, 5, 3]);
  });

  it("counts coverage over the paid sales of products with files only", async () => {
    await seedNotAccessed();
    // Paid sales of products with files: na_old, na_settled, na_edge, recent, unknown_detail, downloaded,
    // summary_only = 7 (the service and the failed sale are out); counts known for 5 of them.
    expect((await downloadsReport(db().db, { days: 3 }, NOW)).coverage).toEqual({ paidSales: 7, known: 5 });
  });

  it("decides whether a product has files from its payloads before its type", async () => {
    const fileList = (id: string) => ({ id, status: "completed", post_purchase: { files: [{ id: "fil_1", name: "guide.pdf", download_url: "https://cdn/x" }], licences: [], instructions: "Ouvrez le PDF." } });
    const noFiles = (id: string) => ({ id, status: "completed", post_purchase: { files: [], licences: [], instructions: "Rendez-vous par e-mail." } });
    await put(
      [
        paid("svc_with_file", "2026-05-01T09:00:00.000Z", { productId: "prd_svc_file", productType: "service", downloadTotal: 0 }),
        paid("dl_without_file", "2026-05-01T09:00:00.000Z", { productId: "prd_no_file", productType: "downloadable", downloadTotal: 0 }),
      ],
      [fileList("svc_with_file"), noFiles("dl_without_file")],
    );
    expect((await downloadsReport(db().db, { days: 3 }, NOW)).notAccessed.map((s) => s.saleId)).toEqual(["svc_with_file"]);
  });

  async function seedCounts() {
    // 196 ordinary buyers (1, 2 or 3 downloads) and four heavy ones: 9, 12, 30, 50. 200 known counts:
    // the 99th percentile by nearest rank is the 198th smallest = 12, so only 30 and 50 are above it.
    const sales: Sale[] = [];
    for (let i = 0; i < 196; i++) sales.push(paid(`n${String(i).padStart(3, "0")}`, "2026-04-01T09:00:00.000Z", { downloadTotal: 1 + (i % 3), downloadLastAt: "2026-04-02T09:00:00.000Z" }));
    for (const n of [9, 12, 30, 50]) sales.push(paid(`heavy${n}`, "2026-04-01T09:00:00.000Z", { downloadTotal: n, downloadLastAt: "2026-04-03T09:00:00.000Z", customerId: `cus_heavy${n}` }));
    sales.push(paid("unknown", "2026-04-01T09:00:00.000Z", { downloadTotal: null }));
    sales.push(saleDetail({ id: "failed_heavy", status: "failed", createdAt: "2026-04-01T09:00:00.000Z", productId: "prd_ebook", downloadTotal: 100 }));
    await put(sales);
  }

  it("flags exactly the sales above the store's 99th percentile of known counts", async () => {
    await seedCounts();
    const u = (await downloadsReport(db().db, { days: 3 }, NOW)).unusual;
    expect([u.rule, u.p99, u.limit, u.knownCounts]).toEqual(["p99", 12, 12, 200]);
    // Every paid sale of a product with files is in the sales list (the page pages through it): the 196
    // ordinary, the 4 heavy and the unknown one; not the failed sale.
    const recent = (await downloadsReport(db().db, { days: 3 }, NOW)).recentSales;
    expect(recent).toHaveLength(201);
    expect(recent.some((s) => s.saleId === "failed_heavy")).toBe(false);
    expect(u.sales.map((s) => [s.saleId, s.downloadTotal, s.customerId])).toEqual([
      ["heavy50", 50, "cus_heavy50"],
      ["heavy30", 30, "cus_heavy30"],
    ]);
  });

  it("flags exactly the sales above a given threshold instead", async () => {
    await seedCounts();
    const ids = async (threshold: number) => (await downloadsReport(db().db, { days: 3, threshold }, NOW)).unusual.sales.map((s) => s.saleId);
    expect(await ids(5)).toEqual(["heavy50", "heavy30", "heavy12", "heavy9"]);
    expect(await ids(12)).toEqual(["heavy50", "heavy30"]);
    expect(await ids(2)).toHaveLength(4 + 65); // i % 3 === 2 gives 3 downloads for 65 of the 196
  });

  it("computes per product the share of buyers who downloaded and the median hours to the first download", async () => {
    const paidA = "2026-04-01T08:00:00.000Z";
    await put([
      paid("a1", paidA, { downloadTotal: 0 }),
      paid("a2", paidA, { downloadTotal: 1, downloadLastAt: hoursAfter(paidA, 2) }),
      paid("a3", paidA, { downloadTotal: 1, downloadLastAt: hoursAfter(paidA, 10) }),
      paid("a4", paidA, { downloadTotal: 3, downloadLastAt: hoursAfter(paidA, 1) }), // last ≠ first: not in the median
      paid("a5", paidA, { downloadTotal: null }),
      saleDetail({ id: "a_failed", status: "failed", createdAt: paidA, productId: "prd_ebook", downloadTotal: 5 }),
      paid("b1", paidA, { productId: "prd_course", productType: "course", downloadTotal: 1, downloadLastAt: hoursAfter(paidA, 4) }),
      paid("b2", paidA, { productId: "prd_course", productType: "course", downloadTotal: 1, downloadLastAt: hoursAfter(paidA, 5) }),
      paid("b3", paidA, { productId: "prd_course", productType: "course", downloadTotal: 1, downloadLastAt: hoursAfter(paidA, 30) }),
      paid("b4", paidA, { productId: "prd_course", productType: "course", downloadTotal: 0 }),
    ]);
    const e = (await downloadsReport(db().db, { days: 3 }, NOW)).engagement;
    expect(e.map((p) => [p.productId, p.paidSales, p.knownSales, p.downloaded, p.share, p.medianHoursToFirst, p.firstDownloadSample])).toEqual([
      ["prd_ebook", 5, 4, 3, 0.75, 6, 2], // median of 2 h and 10 h
      ["prd_course", 4, 4, 3, 0.75, 5, 3], // median of 4 h, 5 h, 30 h
    ]);
  });

  it("builds the access-resend message with the product's instructions and audits the contact; refuses an unpaid sale", async () => {
    await seedNotAccessed();
    // Another sale of the same product whose stored payload carries the instructions.
    await put([paid("with_payload", "2026-04-20T09:00:00.000Z", { downloadTotal: 1 })], [{ id: "with_payload", status: "completed", post_purchase: { files: [], licences: [], instructions: "Téléchargez le PDF et la checklist." } }]);
    const fr = await buildAccessMessage(db().db, "na_old", "fr");
    expect(fr.message).toContain("Téléchargez le PDF et la checklist.");
    expect(fr.message).toContain("Product prd_ebook");
    expect(fr.instructionsKnown).toBe(true);
    expect(fr.whatsapp).toEqual({ ok: false, reason: "missing" }); // no Pulse gave a phone
    expect(fr.mailto).toMatch(/^mailto:ama%40example\.com\?subject=/);
    const en = await buildAccessMessage(db().db, "na_settled", "en");
    expect([en.instructionsKnown, en.message.startsWith("Hello Ama")]).toEqual([false, true]);
    await recordAccessContact(db().db, ACTOR, "na_old", "email");
    expect((await listAudit(db().db, { action: "downloads." })).map((a) => [a.action, a.target, a.actorEmail])).toEqual([["downloads.contact_email", "na_old", "owner@example.com"]]);
    await expect(buildAccessMessage(db().db, "failed", "fr")).rejects.toMatchObject({ status: 404 });
    await expect(recordAccessContact(db().db, ACTOR, "failed", "whatsapp")).rejects.toMatchObject({ status: 404 });
  });
});
