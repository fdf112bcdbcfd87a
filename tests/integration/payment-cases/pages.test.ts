// The case pages rendered whole on both engines, as the server sends them before JavaScript, in French:
// the list shows one row per case of the status in the URL with each status's count and the CSV link; the
// case page shows its status, the moves allowed from it, both summary downloads, the link back to the sale
// and its history. Cases are opened through the service from hand-made failed sales.
import type { ReactElement, ReactNode } from "react";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { moveCase, openCase } from "@/lib/payment-cases";
import type { Member } from "@/lib/team";
import { attributesOf, renderHtml } from "@/tests/support/render";
import { saleDetail } from "../../factories/sales";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member, requirePermission: async () => state.member, requireMember: async () => state.member }));
vi.mock("@/lib/i18n/request", () => ({ currentLocale: async () => "fr" }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/messages");
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "fr", messages: await loadMessages("fr"), namespace }) };
});
vi.stubEnv("AUTH_SECRET", "payment-cases-pages-test-secret-0123456789");

const listPage = (await import("@/app/(dashboard)/payments/cases/page")).default as (p: { searchParams: Promise<Record<string, string>> }) => Promise<ReactNode>;
const casePage = (await import("@/app/(dashboard)/payments/cases/[id]/page")).default as (p: { params: Promise<{ id: string }> }) => Promise<ReactNode>;
const ZONE = "Africa/Abidjan";
const render = async (node: Promise<ReactNode>) => renderHtml((await node) as ReactElement, "fr", ZONE);
const fields = (saleId: string) => ({ saleId, operatorReference: `REF-${saleId}`, smsText: null, amountDebited: "4900", currency: "XOF", debitedOn: "2026-03-10", debitedTime: null, note: null });

describeEachEngine("Payment case pages", ({ db }) => {
  const k = () => db().db as Kysely<Database>;
  let owner: Member;
  beforeEach(async () => {
    state.db = k();
    const made = await makeMember(k(), "owner");
    owner = made.member;
    state.member = owner;
    await upsertSales(k(), ["s1", "s2", "s3"].map((id) => saleDetail({ id, status: "failed", failedAt: "2026-03-10T10:05:00.000Z" })), { source: "detail", receivedAt: "2026-03-11T00:00:00.000Z", timeZone: ZONE });
  });

  it("lists the cases of the URL's status with the counts, and links each case and the CSV of the filter", async () => {
    const actor = { id: owner.id, email: owner.email, role: owner.role };
    const opts = { timeZone: ZONE, now: new Date("2026-03-12T09:00:00Z") };
    const a = await openCase(k(), actor, fields("s1"), opts);
    const b = await openCase(k(), actor, fields("s2"), { ...opts, now: new Date("2026-03-12T10:00:00Z") });
    const c = await openCase(k(), actor, fields("s3"), opts);
    await moveCase(k(), actor, b.id, "sent", { now: new Date("2026-03-12T11:00:00Z") });

    const all = await render(listPage({ searchParams: Promise.resolve({}) }));
    expect(attributesOf(all, "tr", "data-row-id")).toHaveLength(3);
    expect(all.replace(/\u202f/g, " ")).toContain("Tous (3)");
    expect(all).toContain("Ouverts (2)");
    expect(all).toContain("Envoyés à Chariow (1)");
    const open = await render(listPage({ searchParams: Promise.resolve({ status: "open" }) }));
    expect(attributesOf(open, "tr", "data-row-id").sort()).toEqual([a.id, c.id].sort());
    expect(attributesOf(open, "a", "href")).toContain("/api/payment-cases/export.csv?status=open&preset=excel-fr");
  });

  it("shows a case: status, the moves from it, the two summaries, the sale link and the history", async () => {
    const actor = { id: owner.id, email: owner.email, role: owner.role };
    const c = await openCase(k(), actor, fields("s1"), { timeZone: ZONE, now: new Date("2026-03-12T09:00:00Z") });
    await moveCase(k(), actor, c.id, "sent");
    const html = await render(casePage({ params: Promise.resolve({ id: c.id }) }));
    expect(html).toMatch(/data-testid="case-status"[^>]*>Envoyé à Chariow</);
    expect(html).toContain('data-testid="case-move-resolved"');
    expect(html).toContain('data-testid="case-move-open"');
    expect(html).not.toContain('data-testid="case-move-sent"');
    const hrefs = attributesOf(html, "a", "href");
    expect(hrefs).toEqual(expect.arrayContaining([`/api/payment-cases/${c.id}/summary.txt`, `/api/payment-cases/${c.id}/summary.pdf`, "/sales/s1"]));
    expect(attributesOf(html, "span", "data-action")).toEqual(["payment_case.status_changed", "payment_case.opened"]);
    expect(html).toContain("REF-s1");
  });
});
