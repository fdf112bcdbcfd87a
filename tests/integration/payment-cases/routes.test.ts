// The case routes through their real handlers on both engines, signed in as each role: opening from a
// failed sale (409 with the existing case, 422 from a paid one, 400 naming the field), the list by status,
// the moves, the text and PDF summaries (every fact Chariow's support asks for, written here by hand from
// the seeded sale; the PDF's structure walked independently: header, xref offsets, trailer) and the CSV
// (French headers, codes in the cells; support may not export).
import { inflateSync } from "node:zlib";
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeEach, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import type { Member } from "@/lib/team";
import { saleDetail } from "../../factories/sales";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown, locale: "fr" as "fr" | "en" }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.mock("@/lib/i18n/request", () => ({ currentLocale: async () => state.locale }));
vi.mock("next-intl/server", () => import("@/tests/support/next-intl-server"));
vi.mock("@/lib/store/store-info", () => ({ getStoreName: async () => "Savoirs Numériques" }));

const casesRoute = await import("@/app/api/payment-cases/route");
const caseRoute = await import("@/app/api/payment-cases/[id]/route");
const statusRoute = await import("@/app/api/payment-cases/[id]/status/route");
const textRoute = await import("@/app/api/payment-cases/[id]/summary.txt/route");
const pdfRoute = await import("@/app/api/payment-cases/[id]/summary.pdf/route");
const csvRoute = await import("@/app/api/payment-cases/export.csv/route");

const ORIGIN = "http://dash.test";
const ZONE = "Africa/Lagos"; // UTC+1: the local times differ from UTC
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function send(handler: unknown, method: string, path: string, opts: { body?: unknown; params?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { host: "dash.test", origin: ORIGIN, ...(opts.body !== undefined ? { "content-type": "application/json" } : {}) };
  return (handler as Handler)(new NextRequest(`${ORIGIN}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }), { params: Promise.resolve(opts.params ?? {}) });
}
const json = async (res: Response) => (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads of JSON bodies

const OPEN = {
  saleId: "sal_failed",
  operatorReference: "CI260310.1105.B77123",
  smsText: "Transfert de 4 900 FCFA vers CHARIOW effectué.\nRéf: CI260310.1105.B77123",
  amountDebited: "4 900",
  currency: "XOF",
  debitedOn: "2026-03-10",
  debitedTime: "11:05",
  note: "Le client a envoyé une capture d'écran.",
};

/** The objects of a PDF at the offsets its xref table gives, checked one by one; the inflated page streams. */
function walkPdf(pdf: Buffer): { objects: number; streams: string[] } {
  const text = pdf.toString("latin1");
  expect(text.startsWith("%PDF-1.")).toBe(true);
  expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe("xref");
  const header = /^xref\s+(\d+) (\d+)\s+/.exec(text.slice(startxref))!;
  const [first, count] = [Number(header[1]), Number(header[2])];
  let at = startxref + header[0].length;
  let objects = 0;
  for (let i = 0; i < count; i += 1, at += 20) {
    const entry = text.slice(at, at + 20);
    const m = /^(\d{10}) (\d{5}) ([nf])/.exec(entry);
    expect(m, `xref entry ${i}`).not.toBeNull();
    if (m![3] !== "n") continue;
    const offset = Number(m![1]);
    expect(text.slice(offset, offset + 30), `object ${first + i}`).toMatch(new RegExp(`^${first + i} ${Number(m![2])} obj`));
    objects += 1;
  }
  expect(text.slice(at)).toMatch(/^trailer\s*<<[^]*\/Size (\d+)[^]*\/Root \d+ 0 R/);
  const streams: string[] = [];
  for (const s of text.matchAll(/\/Filter \/FlateDecode[^]*?>>\s*stream\r?\n/g)) {
    const start = s.index! + s[0].length;
    const end = text.indexOf("endstream", start);
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      // a font or image stream with trailing bytes: not a page's text
    }
  }
  return { objects, streams };
}

describeEachEngine("Payment case routes", ({ db }) => {
  const members: Partial<Record<Role, Member>> = {};
  const k = () => db().db as Kysely<Database>;
  const signIn = (role: Role) => (state.member = members[role]);

  beforeEach(async () => {
    state.db = k();
    state.locale = "fr";
    for (const role of ["owner", "admin", "marketing", "support"] as const) members[role] = (await makeMember(k(), role)).member;
    await k().insertInto("app_settings").values({ key: "store_timezone", value: ZONE, updated_at: new Date().toISOString() }).execute();
    await upsertSales(
      k(),
      [
        saleDetail({ id: "sal_failed", status: "failed", originalMinor: 4_900, createdAt: "2026-03-10T10:00:00.000Z", failedAt: "2026-03-10T10:05:00.000Z", paymentMethod: "orange_money", gateway: "cinetpay", email: "awa@example.com", name: "Awa Koné", productId: "prd_guide" }),
        saleDetail({ id: "sal_paid", status: "completed" }),
      ],
      { source: "detail", receivedAt: "2026-03-11T00:00:00.000Z", timeZone: ZONE },
    );
  });

  async function openAs(role: Role, body: Record<string, unknown> = OPEN) {
    signIn(role);
    return send(casesRoute.POST, "POST", "/api/payment-cases", { body });
  }

  it("opens a case as support, refuses a second (409 with the first), a paid sale (422) and a case with neither reference nor SMS (400)", async () => {
    const res = await openAs("support");
    expect(res.status).toBe(200);
    const opened = (await json(res)).case;
    expect(opened).toMatchObject({ saleId: "sal_failed", status: "open", amountDebited: { minor: 4_900, currency: "XOF" } });

    const twice = await openAs("marketing");
    expect(twice.status).toBe(409);
    expect(await json(twice)).toMatchObject({ error: { code: "case_already_open" }, caseId: opened.id });
    const paid = await openAs("owner", { ...OPEN, saleId: "sal_paid" });
    expect(paid.status).toBe(422);
    expect((await json(paid)).error.code).toBe("sale_not_failed");
    const bare = await openAs("owner", { ...OPEN, operatorReference: "", smsText: "" });
    expect(bare.status).toBe(400);
    expect((await json(bare)).error.field).toBe("operatorReference");
  });

  it("lists by status, moves the case, and shows its history", async () => {
    const id = (await json(await openAs("support"))).case.id as string;
    signIn("marketing");
    expect((await send(statusRoute.POST, "POST", `/api/payment-cases/${id}/status`, { body: { status: "sent" }, params: { id } })).status).toBe(200);
    const refused = await send(statusRoute.POST, "POST", `/api/payment-cases/${id}/status`, { body: { status: "sent" }, params: { id } });
    expect(refused.status).toBe(200); // already sent: nothing to do
    const list = async (status: string) => json(await send(casesRoute.GET, "GET", `/api/payment-cases?status=${status}`));
    expect((await list("sent")).cases.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await list("open")).cases).toEqual([]);
    expect((await list("all")).counts).toEqual({ open: 0, sent: 1, resolved: 0 });
    const detail = await json(await send(caseRoute.GET, "GET", `/api/payment-cases/${id}`, { params: { id } }));
    expect(detail.audit.map((a: { action: string }) => a.action)).toEqual(["payment_case.status_changed", "payment_case.opened"]);
    const patched = await send(caseRoute.PATCH, "PATCH", `/api/payment-cases/${id}`, { body: { ...OPEN, saleId: undefined, amountDebited: "4 900,5" }, params: { id } });
    expect(patched.status).toBe(400);
    expect((await json(patched)).error.field).toBe("amountDebited");
  });

  it("summarises the case as text with every fact Chariow's support asks for, in French and in English", async () => {
    const id = (await json(await openAs("support"))).case.id as string;
    signIn("support");
    const res = await send(textRoute.GET, "GET", `/api/payment-cases/${id}/summary.txt`, { params: { id } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="chariow-case-${id}.txt"`);
    const fr = (await res.text()).replace(/[\u202f\u00a0]/g, " ");
    for (const fact of [
      `Dossier ${id} : client débité, vente échouée`,
      "Statut : Ouvert",
      "Boutique : Savoirs Numériques",
      "Référence de la vente : sal_failed",
      "Produit : Product prd_guide",
      "Montant de la vente : 4 900 XOF",
      // Created 10:00 UTC = 11:00 in Lagos (UTC+1); failed 10:05 UTC = 11:05.
      "Vente créée : 2026-03-10T10:00:00Z (UTC) · 10 mars 2026, 11:00 (Lagos (UTC+1))",
      "Vente échouée : 2026-03-10T10:05:00Z (UTC) · 10 mars 2026, 11:05 (Lagos (UTC+1))",
      "Moyen de paiement : Orange Money (orange_money)",
      "Passerelle de paiement : CinetPay (cinetpay)",
      "Identifiant de transaction : txn_sal_failed",
      "Échec : Solde insuffisant sur le compte du client (insufficient_funds)",
      "Nom : Awa Koné",
      "E-mail : awa@example.com",
      "Référence opérateur : CI260310.1105.B77123",
      "Montant débité : 4 900 XOF",
      "Débité le : 10 mars 2026 à 11:05 (Lagos (UTC+1))",
      "Texte du SMS : Transfert de 4 900 FCFA vers CHARIOW effectué.\n    Réf: CI260310.1105.B77123",
      "Note : Le client a envoyé une capture d'écran.",
      "Envoyé à Chariow : pas encore",
    ])
      expect(fr).toContain(fact);
    expect(await k().selectFrom("audit_log").select(["action", "target", "details"]).where("action", "=", "payment_case.summary").execute()).toEqual([{ action: "payment_case.summary", target: id, details: JSON.stringify({ saleId: "sal_failed", format: "text" }) }]);

    state.locale = "en";
    const en = await (await send(textRoute.GET, "GET", `/api/payment-cases/${id}/summary.txt`, { params: { id } })).text();
    for (const fact of ["Sale reference: sal_failed", "Sale amount: XOF 4,900", "Sale failed: 2026-03-10T10:05:00Z (UTC) · Mar 10, 2026, 11:05 AM (Lagos (GMT+1))", "Failure: Insufficient funds on the customer's account (insufficient_funds)", "Operator reference: CI260310.1105.B77123", "Debited on: Mar 10, 2026 at 11:05 (Lagos (GMT+1))"])
      expect(en.replace(/[\u202f\u00a0]/g, " ")).toContain(fact);
  });

  it("renders the summary as a well-formed PDF whose text carries the same facts, accents included", async () => {
    const id = (await json(await openAs("owner"))).case.id as string;
    const res = await send(pdfRoute.GET, "GET", `/api/payment-cases/${id}/summary.pdf`, { params: { id } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="chariow-case-${id}.pdf"`);
    const pdf = Buffer.from(await res.arrayBuffer());
    const { objects, streams } = walkPdf(pdf);
    expect(objects).toBeGreaterThan(5);
    expect(streams.some((s) => /BT[^]*TJ[^]*ET/.test(s))).toBe(true); // a page with text-showing operators
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    for (const fact of [`Dossier ${id} : client débité, vente échouée`, "Référence de la vente : sal_failed", "Montant de la vente : 4 900 XOF", "Échec : Solde insuffisant sur le compte du client (insufficient_funds)", "Référence opérateur : CI260310.1105.B77123", "Débité le : 10 mars 2026 à 11:05", "E-mail : awa@example.com", "Le client a envoyé une capture d'écran."])
      expect(flat).toContain(fact);
  });

  it("exports the cases as CSV for roles that may export, with French headers over the codes; support gets 403", async () => {
    const id = (await json(await openAs("support"))).case.id as string;
    signIn("support");
    expect((await send(csvRoute.GET, "GET", "/api/payment-cases/export.csv")).status).toBe(403);
    signIn("marketing");
    const res = await send(csvRoute.GET, "GET", "/api/payment-cases/export.csv?preset=standard");
    expect(res.status).toBe(200);
    const csv = (await res.text()).replace(/^\uFEFF/, "").trim();
    const lines = csv.split(/\r?\n/);
    expect(lines[0]).toBe(
      "Dossier,Statut,Vente,Produit,Montant de la vente,Devise de la vente,Code d’échec,Moyen de paiement,E-mail du client,Référence opérateur,Texte du SMS,Montant débité,Devise débitée,Jour du débit,Heure du débit,Note,Ouvert par,Ouvert le (Africa/Lagos),Dernière modification (Africa/Lagos),Envoyé à Chariow le (Africa/Lagos),Résolu le (Africa/Lagos)",
    );
    // The SMS keeps its line break inside its quoted cell.
    expect(csv).toContain(`${id},open,sal_failed,Product prd_guide,4900,XOF,insufficient_funds,orange_money,awa@example.com,CI260310.1105.B77123,"Transfert de 4 900 FCFA vers CHARIOW effectué.\nRéf: CI260310.1105.B77123",4900,XOF,2026-03-10,11:05,Le client a envoyé une capture d'écran.,`);
    const empty = await send(csvRoute.GET, "GET", "/api/payment-cases/export.csv?preset=standard&status=resolved");
    expect((await empty.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/)).toHaveLength(1);
  });
});
