// Every CSV export through the one route helper (lib/csv/export-route.ts): the header in the member's
// language — French and English written out here by hand — with instant columns naming the store's zone,
// the preset following the language unless asked, and the rows the same in both languages (values stay
// Chariow's and the app's codes, docs/export.md).
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { parse } from "csv-parse/sync";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import type { Member } from "@/lib/team";
import { saleDetail } from "../../factories/sales";
import { makeMember } from "../../factories/team";
import { discoverCsvRoutes } from "../../support/export-routes";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown, locale: "fr" as "fr" | "en" }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/i18n/request", () => ({ currentLocale: async () => state.locale }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
// next-intl's server entry needs a Next request: the same catalogues through its plain translator.
vi.mock("next-intl/server", () => import("@/tests/support/next-intl-server"));

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: Record<string, { GET: Handler }> = {
  sales: await import("@/app/api/sales/export.csv/route"),
  payoutSales: await import("@/app/api/settlements/export.csv/route"),
  payouts: await import("@/app/api/settlements/timeline/export.csv/route"),
  recovery: await import("@/app/api/recovery/export.csv/route"),
  downloads: await import("@/app/api/downloads/export.csv/route"),
  licences: await import("@/app/api/licences/export.csv/route"),
  orders: await import("@/app/api/orders/export.csv/route"),
  affiliates: await import("@/app/api/affiliates/export.csv/route"),
  invitations: await import("@/app/api/affiliates/invitations/export.csv/route"),
  audit: await import("@/app/api/audit/export.csv/route"),
  pulseLog: await import("@/app/api/pulses/log/export.csv/route"),
  sendLog: await import("@/app/api/notifications/send-log/export.csv/route"),
  paymentCases: await import("@/app/api/payment-cases/export.csv/route"),
  payments: await import("@/app/api/payments/export.csv/route"),
  team: await import("@/app/api/team/members/export.csv/route"),
  revenue: await import("@/app/api/analytics/revenue/[table]/export.csv/route"),
} as Record<string, { GET: Handler }>;

const Z = "(Europe/Paris)";
/**
 * `sameRows: false`: the audit log gains an entry per export (so its rows change between two calls), and
 * the team export writes roles in the member's language (tests/integration/csv/table-exports.test.ts).
 */
type Case = { route: string; path: string; params?: Record<string, string>; fr: string[]; en: string[]; sameRows?: false };

const SALE_FR = ["Référence", `Créée le ${Z}`, "Statut", "Statut du paiement", "ID client", "Nom du client", "E-mail du client", "ID produit", "Produit", "Canal", "Devise", "Prix", "Remise", "Payé", "Frais de paiement", "Frais de service", "Net versé", "Devise du versement", `Payée le ${Z}`, `Versement prévu le ${Z}`, `Versée le ${Z}`, "Code promo", "Campagne", "Pays", "Passerelle de paiement", "Moyen de paiement", "ID de transaction", "Taux de change", "Code d’échec", "Message d’échec", "Code affilié"];
const SALE_EN = ["Reference", `Created at ${Z}`, "Status", "Payment status", "Customer ID", "Customer name", "Customer email", "Product ID", "Product", "Channel", "Currency", "Price", "Discount", "Paid", "Gateway fee", "Service fee", "Net paid out", "Payout currency", `Paid at ${Z}`, `Payout due ${Z}`, `Paid out at ${Z}`, "Discount code", "Campaign", "Country", "Payment gateway", "Payment method", "Transaction ID", "Exchange rate", "Failure code", "Failure message", "Affiliate code"];
const DL_SALE_FR = ["Vente", "Statut", `Payée le ${Z}`, "Nom du client", "E-mail du client", "ID produit", "Produit", "Payé", "Devise", "Téléchargements", `Dernier téléchargement le ${Z}`];
const DL_SALE_EN = ["Sale", "Status", `Paid at ${Z}`, "Customer name", "Customer email", "Product ID", "Product", "Paid", "Currency", "Downloads", `Last download at ${Z}`];

const CASES: Case[] = [
  { route: "sales", path: "/api/sales/export.csv", fr: SALE_FR, en: SALE_EN },
  {
    route: "payoutSales", path: "/api/settlements/export.csv?currency=XOF&day=2026-03-29",
    fr: ["Vente", "Statut", "Produit", "E-mail du client", `Payée le ${Z}`, "Brut", "Frais de paiement déclarés", "Frais de service déclarés", "Net (versement Chariow)", "Devise", `Dû le ${Z}`, `Versé le ${Z}`, "En retard"],
    en: ["Sale", "Status", "Product", "Customer email", `Paid at ${Z}`, "Gross", "Reported gateway fee", "Reported service fee", "Net (Chariow payout)", "Currency", `Due at ${Z}`, `Paid out at ${Z}`, "Overdue"],
  },
  {
    route: "payouts", path: "/api/settlements/timeline/export.csv",
    fr: [`Jour d'échéance ${Z}`, "Devise", "Statut", `Dû le ${Z}`, `Versé le ${Z}`, "Ventes", "Ventes versées", "Ventes incomplètes", "Brut", "Net (versement Chariow)", "Retenu par Chariow (brut − net)", "Frais de passerelle déclarés", "Frais de service déclarés"],
    en: [`Due day ${Z}`, "Currency", "Status", `Due at ${Z}`, `Paid out at ${Z}`, "Sales", "Sales paid out", "Incomplete sales", "Gross", "Net (Chariow payout)", "Kept by Chariow (gross − net)", "Reported gateway fee", "Reported service fee"],
  },
  {
    route: "recovery", path: "/api/recovery/export.csv?ids=lead1&from=2026-03-01&to=2026-03-31",
    fr: ["Vente", "Statut", `Échouée ou abandonnée le ${Z}`, "Nom du client", "E-mail du client", "Produit", "Montant", "Devise", "Catégorie d'échec", "Code d'échec", "Message d'échec (Chariow)", "Canal", "Lien de paiement", "Suivi", "Note", "Assignée à", "Récupérée par la vente", "Montant récupéré", "Devise du montant récupéré"],
    en: ["Sale", "Status", `Failed or abandoned at ${Z}`, "Customer name", "Customer email", "Product", "Amount", "Currency", "Failure category", "Failure code", "Failure message (Chariow)", "Channel", "Payment link", "Follow-up", "Note", "Assigned to", "Recovered by sale", "Recovered amount", "Recovered amount currency"],
  },
  { route: "downloads", path: "/api/downloads/export.csv?list=sales", fr: DL_SALE_FR, en: DL_SALE_EN },
  { route: "downloads", path: "/api/downloads/export.csv?list=not-accessed", fr: [...DL_SALE_FR, "Jours depuis le paiement"], en: [...DL_SALE_EN, "Days since payment"] },
  { route: "downloads", path: "/api/downloads/export.csv?list=unusual", fr: [...DL_SALE_FR, "Règle", "Seuil"], en: [...DL_SALE_EN, "Rule", "Limit"] },
  {
    route: "downloads", path: "/api/downloads/export.csv?list=engagement",
    fr: ["ID produit", "Produit", "Ventes payées", "Ventes avec données de téléchargement", "Ventes téléchargées", "Part téléchargée (%)", "Délai médian avant le 1er téléchargement (heures)", "Ventes téléchargées une seule fois"],
    en: ["Product ID", "Product", "Paid sales", "Sales with download data", "Sales downloaded", "Downloaded share (%)", "Median time to first download (hours)", "Sales downloaded exactly once"],
  },
  {
    route: "licences", path: "/api/licences/export.csv",
    fr: ["ID de la licence", "Clé de licence", "Statut", "Activations", "Activations maximum", `Expire le ${Z}`, "ID produit", "Produit", "Nom du client", "E-mail du client", "Vente"],
    en: ["Licence ID", "Licence key", "Status", "Activations", "Maximum activations", `Expires at ${Z}`, "Product ID", "Product", "Customer name", "Customer email", "Sale"],
  },
  {
    route: "orders", path: "/api/orders/export.csv",
    fr: ["Nom", "Téléphone", "Adresse", "Ville", "Région", "Pays", "Code postal", "Produit", "Référence"],
    en: ["Name", "Phone", "Address", "City", "State", "Country", "Zip", "Product", "Reference"],
  },
  {
    route: "affiliates", path: "/api/affiliates/export.csv",
    fr: ["Code affilié", "Nom", "E-mail", "Statut", "Origine", `Inscrit le ${Z}`, "Taux de commission (%)", "Devise", "Ventes payées", "Chiffre d'affaires", "Commission"],
    en: ["Affiliate code", "Name", "Email", "Status", "Source", `Joined at ${Z}`, "Commission rate (%)", "Currency", "Paid sales", "Revenue", "Commission"],
  },
  {
    route: "invitations", path: "/api/affiliates/invitations/export.csv",
    fr: ["E-mail", "Statut", "Acceptée via", "Code affilié", `Envoyée le ${Z}`, `Expire le ${Z}`, "Envoyée par", `Enregistrée le ${Z}`],
    en: ["Email", "Status", "Accepted via", "Affiliate code", `Sent at ${Z}`, `Expires at ${Z}`, "Sent by", `Recorded at ${Z}`],
  },
  {
    route: "audit", path: "/api/audit/export.csv", sameRows: false,
    fr: ["N°", `Date ${Z}`, "Par", "Action", "Cible", "Détails", "Adresse IP"],
    en: ["No.", `Date ${Z}`, "By", "Action", "Target", "Details", "IP address"],
  },
  {
    route: "pulseLog", path: "/api/pulses/log/export.csv",
    fr: [`Reçu le ${Z}`, "Événement", "Pulse", "ID d'envoi", "Résultat", "Pourquoi"],
    en: [`Received at ${Z}`, "Event", "Pulse", "Delivery ID", "Result", "Why"],
  },
  {
    route: "sendLog", path: "/api/notifications/send-log/export.csv",
    fr: [`Créé le ${Z}`, "Destinataire", "Type", "Sujet", "Canal", "Statut", "Tentatives", "Dernière erreur", `Envoyé le ${Z}`],
    en: [`Created at ${Z}`, "To", "Kind", "Topic", "Channel", "Status", "Attempts", "Last error", `Sent at ${Z}`],
  },
  {
    route: "paymentCases", path: "/api/payment-cases/export.csv",
    fr: ["Dossier", "Statut", "Vente", "Produit", "Montant de la vente", "Devise de la vente", "Code d’échec", "Moyen de paiement", "E-mail du client", "Référence opérateur", "Texte du SMS", "Montant débité", "Devise débitée", "Jour du débit", "Heure du débit", "Note", "Ouvert par", `Ouvert le ${Z}`, `Dernière modification ${Z}`, `Envoyé à Chariow le ${Z}`, `Résolu le ${Z}`],
    en: ["Case", "Status", "Sale", "Product", "Sale amount", "Sale currency", "Failure code", "Payment method", "Customer email", "Operator reference", "SMS text", "Amount debited", "Currency debited", "Day debited", "Time debited", "Note", "Opened by", `Opened at ${Z}`, `Last change ${Z}`, `Sent to Chariow at ${Z}`, `Resolved at ${Z}`],
  },
  {
    route: "payments", path: "/api/payments/export.csv?currency=XOF&range=all",
    fr: ["Code du moyen de paiement", "Moyen de paiement", "Type", "Code pays", "Pays", "Paiements tentés", "Payés", "Échoués", "Taux de réussite", "Taux de réussite, période précédente", "Paniers abandonnés", "Valeur des paiements échoués", "Valeur des paniers abandonnés", "Temps médian de paiement, de (s)", "Temps médian de paiement, à (s)", "Devise"],
    en: ["Payment method code", "Payment method", "Kind", "Country code", "Country", "Payments tried", "Paid", "Failed", "Success rate", "Success rate, previous period", "Abandoned checkouts", "Value of failed payments", "Value of abandoned checkouts", "Median pay time from (s)", "Median pay time to (s)", "Currency"],
  },
  { route: "team", path: "/api/team/members/export.csv", sameRows: false, fr: ["E-mail", "Nom", "Rôle", `Créé le ${Z}`], en: ["Email", "Name", "Role", `Created at ${Z}`] },
  {
    route: "revenue", path: "/api/analytics/revenue/payment_method/export.csv?currency=XOF&range=all", params: { table: "payment_method" },
    fr: ["Moyen de paiement", "Nom", "Ventes payées", "Chiffre d’affaires", "Remise accordée", "Remise moyenne", "Tentatives", "Part du chiffre d’affaires", "Devise"],
    en: ["Payment method", "Name", "Paid sales", "Revenue", "Discount given", "Average discount", "Attempts", "Revenue share", "Currency"],
  },
];

it("every export route goes through the one helper, and each is covered here", () => {
  const found = discoverCsvRoutes();
  for (const route of found) {
    const source = fs.readFileSync(path.join(process.cwd(), "app", "api", route, "route.ts"), "utf8");
    expect(source, route).toMatch(/export const GET = csvExportRoute\(/);
  }
  const covered = new Set(CASES.map((c) => new URL(c.path, "http://x").pathname.replace(/^\/api\//, "").replace("payment_method", "[table]")));
  expect(found.filter((r) => !covered.has(r))).toEqual([]);
});

describeEachEngine("CSV export headers", ({ db }) => {
  let owner: Member;
  const k = () => db().db as Kysely<Database>;

  async function call(c: Case, locale: "fr" | "en", preset?: string): Promise<{ status: number; rows: string[][] }> {
    state.member = owner;
    state.locale = locale;
    const path = preset ? `${c.path}${c.path.includes("?") ? "&" : "?"}preset=${preset}` : c.path;
    const res = await routes[c.route].GET(new NextRequest(`http://dash.test${path}`, { headers: { host: "dash.test" } }), { params: Promise.resolve(c.params ?? {}) });
    const text = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()));
    if (res.status !== 200) return { status: res.status, rows: [[text]] };
    const delimiter = (preset ?? (locale === "fr" ? "excel-fr" : "standard")) === "excel-fr" ? ";" : ",";
    return { status: res.status, rows: parse(text.replace(/^\uFEFF/, ""), { delimiter }) as string[][] };
  }

  beforeEach(async () => {
    state.db = k();
    owner = (await makeMember(k(), "owner", { name: "Owner" })).member;
    await k().insertInto("app_settings").values({ key: "store_timezone", value: "Europe/Paris", updated_at: new Date().toISOString() }).execute();
    await upsertSales(
      k(),
      [
        saleDetail({ id: "paid1", status: "completed", currency: "XOF", originalMinor: 4900, createdAt: "2026-03-28T10:00:00Z", completedAt: "2026-03-28T10:05:00Z", settlementNetMinor: 4600, serviceFeeMinor: 245, gatewayFeeMinor: 147, settlementDueAt: "2026-03-29T10:00:00Z", paymentMethod: "mtn_momo" }),
        saleDetail({ id: "lead1", status: "failed", currency: "XOF", originalMinor: 9900, createdAt: "2026-03-20T10:00:00Z", failedAt: "2026-03-20T10:03:00Z", paymentMethod: "orange_money" }),
      ],
      { source: "detail", receivedAt: "2026-03-30T00:00:00Z", timeZone: "Europe/Paris" },
    );
  });

  it.each(CASES.map((c) => [`${c.route} ${c.path}`, c] as const))("%s: header in French and in English", async (_name, c) => {
    const fr = await call(c, "fr");
    expect(fr.status, JSON.stringify(fr.rows)).toBe(200);
    expect(fr.rows[0]).toEqual(c.fr);
    const en = await call(c, "en");
    expect(en.status).toBe(200);
    expect(en.rows[0]).toEqual(c.en);
    // Same preset, either language: the same rows, codes and all.
    if (c.sameRows === false) return;
    const frStandard = await call(c, "fr", "standard");
    expect(frStandard.rows.slice(1)).toEqual(en.rows.slice(1));
  });

  it("rows keep their codes: a failed sale's status and a method's id, whatever the language", async () => {
    const sales = CASES.find((c) => c.route === "sales")!;
    for (const locale of ["fr", "en"] as const) {
      const { rows } = await call(sales, locale, "standard");
      const byId = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
      expect(byId.lead1[2]).toBe("failed");
      expect(byId.paid1[2]).toBe("completed");
      expect(byId.paid1[SALE_EN.indexOf("Payment method")]).toBe("Mobile Money"); // Chariow's name, as sent
    }
    const recovery = await call(CASES.find((c) => c.route === "recovery")!, "fr", "standard");
    expect(recovery.rows.slice(1).map((r) => [r[0], r[1]])).toEqual([["lead1", "failed"]]);
  });
});
