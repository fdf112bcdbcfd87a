// The CSV exports of the audit log, the Pulse delivery log, the payout timeline and the team, called
// through their real route handlers on both engines: rows against the data the test built (dates and
// amounts written out by hand), the header in the member's language, the roles refused (403), a bad
// field named (400), and the audit entry each export leaves behind.
import { NextRequest } from "next/server";
import { parse } from "csv-parse/sync";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db";
import type { Member } from "@/lib/team";
import { exportAuditCsv, AUDIT_EXPORT_COLUMNS } from "@/lib/audit/export-audit";
import { exportPulseLogCsv, PULSE_LOG_EXPORT_COLUMNS } from "@/lib/pulses/export-pulse-log";
import { upsertSales } from "@/lib/mirror";
import { saleDetail, type SaleFacts } from "../../factories/sales";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown, locale: "fr" as "fr" | "en" }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/i18n/request", () => ({ currentLocale: async () => state.locale }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
// next-intl's server entry needs a Next request: the same catalogues through its plain translator.
vi.mock("next-intl/server", () => import("@/tests/support/next-intl-server"));

const auditExport = await import("@/app/api/audit/export.csv/route");
const pulseLogExport = await import("@/app/api/pulses/log/export.csv/route");
const timelineExport = await import("@/app/api/settlements/timeline/export.csv/route");
const membersExport = await import("@/app/api/team/members/export.csv/route");
const salesExport = await import("@/app/api/sales/export.csv/route");

const ZONE = "Europe/Paris";
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, path: string): Promise<Response> {
  return handler(new NextRequest(`http://dash.test${path}`, { headers: { host: "dash.test" } }), { params: Promise.resolve({}) });
}

/** BOM checked and stripped, then parsed by a real CSV parser with the preset's delimiter. */
async function csvOf(res: Response, delimiter: ";" | ","): Promise<string[][]> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/csv");
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(new TextDecoder().decode(bytes.subarray(3)), { delimiter, relax_column_count: false }) as string[][];
}

describeEachEngine("table CSV exports", ({ db }) => {
  const members: Partial<Record<Role, Member>> = {};
  const k = () => db().db as Kysely<Database>;

  function signIn(role: Role | null, locale: "fr" | "en" = "fr") {
    state.member = role ? members[role] : null;
    state.locale = locale;
  }

  async function auditOf(action: string) {
    const rows = await k().selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();
    return rows.map((r) => ({ actor: r.actor_email, target: r.target, details: JSON.parse(r.details ?? "null") as unknown }));
  }

  beforeEach(async () => {
    state.db = k();
    for (const role of ["owner", "admin", "marketing", "support"] as const) members[role] = (await makeMember(k(), role, { name: `Demo ${role}` })).member;
    await k().insertInto("app_settings").values({ key: "store_timezone", value: ZONE, updated_at: new Date().toISOString() }).execute();
  });

  // ---- Audit log -------------------------------------------------------------------------------------

  async function seedAudit() {
    await k().deleteFrom("audit_log").execute(); // the member factory's own `user.created` entries
    const entries = [
      { at: "2026-03-29T00:30:00.000Z", actor_email: "owner@shop.test", action: "team.role_changed", target: "=HYPERLINK(\"http://evil\")", details: JSON.stringify({ from: "support", to: "admin" }), ip: "203.0.113.9" },
      { at: "2026-03-29T01:30:00.000Z", actor_email: null, action: "auth.sign_in", target: null, details: null, ip: null },
      { at: "2026-03-29T02:15:00.000Z", actor_email: "admin@shop.test", action: "team.member_removed", target: "usr_9", details: null, ip: "198.51.100.7" },
      { at: "2026-07-01T12:00:00.000Z", actor_email: "m@shop.test", action: "sales.export", target: "sales", details: JSON.stringify({ rows: 3 }), ip: null },
    ];
    for (const e of entries) await k().insertInto("audit_log").values({ ...e, actor_user_id: null }).execute();
    return (await k().selectFrom("audit_log").select(["id", "action"]).orderBy("id").execute()).map((r) => String(r.id));
  }

  it("audit log: the filter's entries newest first, French header and Excel preset, formula neutralised, audited", async () => {
    const [roleChanged, , removed] = await seedAudit();
    signIn("owner", "fr");
    const rows = await csvOf(await call(auditExport.GET, "/api/audit/export.csv?action=team."), ";");
    expect(rows).toEqual([
      ["N°", "Date (Europe/Paris)", "Par", "Action", "Cible", "Détails", "Adresse IP"],
      // Paris switches to summer time at 01:00 UTC on 29 March 2026.
      [removed, "2026-03-29T04:15:00.000+02:00", "admin@shop.test", "team.member_removed", "usr_9", "", "198.51.100.7"],
      [roleChanged, "2026-03-29T01:30:00.000+01:00", "owner@shop.test", "team.role_changed", "'=HYPERLINK(\"http://evil\")", '{"from":"support","to":"admin"}', "203.0.113.9"],
    ]);
    expect(await auditOf("audit.export")).toEqual([{ actor: members.owner!.email, target: null, details: { filter: { action: "team." }, rows: 2, preset: "excel-fr", completed: true } }]);
  });

  it("audit log: English header, preset override, `before` as the list's paging, every entry once across batches", async () => {
    const ids = await seedAudit();
    signIn("admin", "en");
    const rows = await csvOf(await call(auditExport.GET, `/api/audit/export.csv?preset=standard&before=${ids[3]}`), ",");
    expect(rows[0]).toEqual(["No.", "Date (Europe/Paris)", "By", "Action", "Target", "Details", "IP address"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([ids[2], ids[1], ids[0]]);
    // Keyset batches of 2 over the 4 seeded entries (plus the export entry just written): each once, in order.
    const labels = Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((c) => [c, c])) as Record<(typeof AUDIT_EXPORT_COLUMNS)[number], string>;
    const all = await csvOf(exportAuditCsv(k(), { filter: {}, preset: "standard", timeZone: "UTC", labels, actor: { id: members.owner!.id, email: members.owner!.email, role: "owner" } }, 2), ",");
    const allIds = (await k().selectFrom("audit_log").select("id").where("action", "!=", "audit.export").orderBy("id", "desc").execute()).map((r) => String(r.id));
    expect(all.slice(1).filter((r) => r[3] !== "audit.export").map((r) => r[0])).toEqual(allIds);
    expect(all.find((r) => r[3] === "sales.export")?.[1]).toBe("2026-07-01T12:00:00.000Z");
  });

  it("audit log: only roles that read it (marketing and support 403, nothing audited); a bad preset is a 400 on `preset`", async () => {
    await seedAudit();
    for (const role of ["marketing", "support"] as const) {
      signIn(role);
      const res = await call(auditExport.GET, "/api/audit/export.csv");
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
    signIn(null);
    expect((await call(auditExport.GET, "/api/audit/export.csv")).status).toBe(401);
    signIn("owner");
    const bad = await call(auditExport.GET, "/api/audit/export.csv?preset=xlsx");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe("preset");
    expect(await auditOf("audit.export")).toEqual([]);
  });

  // ---- Pulse delivery log ----------------------------------------------------------------------------

  async function seedPulseLog() {
    const delivery = (n: number, at: string, status: string, detail: string | null) => ({
      delivery_id: `pdlv_${n}`, dedupe_key: `k${n}`, pulse_id: "pulse_sales", event: "sale.completed", object_id: `sal_${n}`, applied_key: null, received_at: at, status, detail, body: '{"secret":"whsec_never_exported"}', processed_at: null,
    });
    await k().insertInto("pulse_deliveries").values([
      delivery(1, "2026-01-10T08:00:00.000Z", "processed", null),
      delivery(2, "2026-06-01T10:00:00.000Z", "duplicate", "same_delivery"),
      delivery(3, "2026-06-01T10:00:00.000Z", "failed", "-1+1 boom"),
    ]).execute();
    await k().insertInto("pulse_rejections").values([
      { received_at: "2026-06-01T10:00:00.000Z", pulse_id: null, event: null, reason: "missing_signature" },
      { received_at: "2026-03-05T09:00:00.000Z", pulse_id: "pulse_x", event: "sale.failed", reason: "mismatch" },
    ]).execute();
  }

  const pulseLogExpected = [
    // Same instant: the refusal first, then the later delivery first.
    ["2026-06-01T12:00:00.000+02:00", "", "", "", "rejected", "missing_signature"],
    ["2026-06-01T12:00:00.000+02:00", "sale.completed", "pulse_sales", "pdlv_3", "failed", "'-1+1 boom"],
    ["2026-06-01T12:00:00.000+02:00", "sale.completed", "pulse_sales", "pdlv_2", "duplicate", "same_delivery"],
    ["2026-03-05T10:00:00.000+01:00", "sale.failed", "pulse_x", "", "rejected", "mismatch"],
    ["2026-01-10T09:00:00.000+01:00", "sale.completed", "pulse_sales", "pdlv_1", "processed", ""],
  ];

  it("Pulse log: accepted and refused deliveries merged newest first, metadata only, audited", async () => {
    await seedPulseLog();
    signIn("admin", "fr");
    const res = await call(pulseLogExport.GET, "/api/pulses/log/export.csv");
    const rows = await csvOf(res, ";");
    expect(rows[0]).toEqual(["Reçu le (Europe/Paris)", "Événement", "Pulse", "ID d'envoi", "Résultat", "Pourquoi"]);
    expect(rows.slice(1)).toEqual(pulseLogExpected);
    expect(JSON.stringify(rows)).not.toContain("whsec_never_exported");
    expect(await auditOf("pulses.log.export")).toEqual([{ actor: members.admin!.email, target: null, details: { rows: 5, preset: "excel-fr", completed: true } }]);
    // One row per batch: the keyset cursor and the merge keep every line once, in the same order.
    const labels = Object.fromEntries(PULSE_LOG_EXPORT_COLUMNS.map((c) => [c, c])) as Record<(typeof PULSE_LOG_EXPORT_COLUMNS)[number], string>;
    const small = await csvOf(exportPulseLogCsv(k(), { preset: "standard", timeZone: ZONE, labels, actor: { id: members.admin!.id, email: members.admin!.email, role: "admin" } }, 1), ",");
    expect(small.slice(1)).toEqual(pulseLogExpected);
  });

  it("Pulse log: English header with `?preset=standard`; marketing and support 403; a bad preset is a 400 on `preset`", async () => {
    await seedPulseLog();
    signIn("owner", "en");
    const rows = await csvOf(await call(pulseLogExport.GET, "/api/pulses/log/export.csv?preset=standard"), ",");
    expect(rows[0]).toEqual(["Received at (Europe/Paris)", "Event", "Pulse", "Delivery ID", "Result", "Why"]);
    expect(rows).toHaveLength(6);
    for (const role of ["marketing", "support"] as const) {
      signIn(role);
      expect((await call(pulseLogExport.GET, "/api/pulses/log/export.csv")).status).toBe(403);
    }
    signIn("owner");
    const bad = await call(pulseLogExport.GET, "/api/pulses/log/export.csv?preset=tsv");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe("preset");
    expect((await auditOf("pulses.log.export")).map((a) => a.actor)).toEqual([members.owner!.email]);
  });

  // ---- Payout timeline -------------------------------------------------------------------------------

  const paid = (id: string, o: Partial<SaleFacts>): SaleFacts => ({ id, status: "completed", completedAt: "2025-01-10T10:00:00Z", ...o });

  async function seedPayouts() {
    await upsertSales(k(), [
      // XOF, due on 15 January in Paris (23:30 UTC on the 14th), both paid out.
      paid("p1", { status: "settled", currency: "XOF", originalMinor: 10_000, gatewayFeeMinor: 300, serviceFeeMinor: 500, settlementNetMinor: 9_200, settlementDueAt: "2025-01-14T23:30:00Z", settlementDoneAt: "2025-01-15T09:00:00Z" }),
      paid("p2", { status: "settled", currency: "XOF", originalMinor: 5_000, gatewayFeeMinor: 150, serviceFeeMinor: 250, settlementNetMinor: 4_600, settlementDueAt: "2025-01-15T10:00:00Z", settlementDoneAt: "2025-01-15T11:00:00Z" }),
      // EUR, due 1 February 2025 and never paid out: overdue. Seed 001's economics: Chariow settles 75.24
      // of 79.20 (it kept its 3.96 service fee; the 2.37 gateway fee is reported, not deducted).
      paid("p3", { currency: "EUR", originalMinor: 7_920, gatewayFeeMinor: 237, serviceFeeMinor: 396, settlementNetMinor: 7_524, settlementDueAt: "2025-02-01T08:00:00Z" }),
      // EUR, due far ahead: one complete sale, one without its gateway fee (in the sums: its net is known;
      // the group's gateway fee is then unknown rather than a partial sum).
      paid("p4", { currency: "EUR", originalMinor: 1_000, gatewayFeeMinor: 30, serviceFeeMinor: 50, settlementNetMinor: 920, settlementDueAt: "2099-06-10T22:00:00Z" }),
      paid("p5", { currency: "EUR", originalMinor: 12_345, gatewayFeeMinor: null, serviceFeeMinor: 600, settlementNetMinor: 11_000, settlementDueAt: "2099-06-10T22:30:00Z" }),
    ].map(saleDetail), { source: "detail", receivedAt: new Date().toISOString(), timeZone: ZONE });
  }

  it("payout timeline: one line per currency and local due day, money per preset, audited", async () => {
    await seedPayouts();
    signIn("marketing", "fr");
    const rows = await csvOf(await call(timelineExport.GET, "/api/settlements/timeline/export.csv?from=2025-01-01&to=2099-12-31"), ";");
    expect(rows).toEqual([
      ["Jour d'échéance (Europe/Paris)", "Devise", "Statut", "Dû le (Europe/Paris)", "Versé le (Europe/Paris)", "Ventes", "Ventes versées", "Ventes incomplètes", "Brut", "Net (versement Chariow)", "Retenu par Chariow (brut − net)", "Frais de passerelle déclarés", "Frais de service déclarés"],
      ["2099-06-11", "EUR", "due", "2099-06-11T00:30:00.000+02:00", "", "2", "0", "0", "133,45", "119,20", "14,25", "", "6,50"],
      ["2025-02-01", "EUR", "overdue", "2025-02-01T09:00:00.000+01:00", "", "1", "0", "0", "79,20", "75,24", "3,96", "2,37", "3,96"],
      ["2025-01-15", "XOF", "settled", "2025-01-15T11:00:00.000+01:00", "2025-01-15T12:00:00.000+01:00", "2", "2", "0", "15000", "13800", "1200", "450", "750"],
    ]);
    expect(await auditOf("settlements.timeline.export")).toEqual([
      { actor: members.marketing!.email, target: null, details: { filter: { from: "2025-01-01", to: "2099-12-31" }, rows: 3, preset: "excel-fr", completed: true } },
    ]);
  });

  it("payout timeline: the range bounds the lines; support 403; `from` after `to` and a bad preset are 400s naming the field", async () => {
    await seedPayouts();
    signIn("owner", "en");
    const rows = await csvOf(await call(timelineExport.GET, "/api/settlements/timeline/export.csv?from=2025-01-16&to=2025-12-31&preset=standard"), ",");
    expect(rows[0].slice(0, 3)).toEqual(["Due day (Europe/Paris)", "Currency", "Status"]);
    expect(rows.slice(1)).toEqual([["2025-02-01", "EUR", "overdue", "2025-02-01T09:00:00.000+01:00", "", "1", "0", "0", "79.20", "75.24", "3.96", "2.37", "3.96"]]);
    signIn("support");
    expect((await call(timelineExport.GET, "/api/settlements/timeline/export.csv")).status).toBe(403);
    signIn("owner");
    for (const [query, field] of [["from=2025-03-01&to=2025-02-01", "from"], ["preset=pdf", "preset"], ["to=2025-2-1", "to"]]) {
      const res = await call(timelineExport.GET, `/api/settlements/timeline/export.csv?${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    expect((await auditOf("settlements.timeline.export")).map((a) => a.actor)).toEqual([members.owner!.email]);
  });

  // ---- Sales: instants to the millisecond -----------------------------------------------------------

  it("sales: every instant keeps its milliseconds in both presets, in the store zone the header names", async () => {
    // One second before midnight UTC at the end of May: 01:59:59.123 on 1 June in Paris (summer, +02:00).
    await upsertSales(k(), [saleDetail({
      id: "sal_ms", status: "settled", createdAt: "2026-05-31T23:59:59.123Z", completedAt: "2026-06-01T00:00:00.007Z",
      settlementDueAt: "2026-06-03T10:00:00.000Z", settlementDoneAt: "2026-06-03T10:00:00.999Z", settlementNetMinor: 4_500,
    })], { source: "detail", receivedAt: new Date().toISOString(), timeZone: ZONE });
    const expected = ["2026-06-01T01:59:59.123+02:00", "2026-06-01T02:00:00.007+02:00", "2026-06-03T12:00:00.000+02:00", "2026-06-03T12:00:00.999+02:00"];
    for (const [locale, delimiter, headers] of [
      ["fr", ";", ["Créée le (Europe/Paris)", "Payée le (Europe/Paris)", "Versement prévu le (Europe/Paris)", "Versée le (Europe/Paris)"]],
      ["en", ",", ["Created at (Europe/Paris)", "Paid at (Europe/Paris)", "Payout due (Europe/Paris)", "Paid out at (Europe/Paris)"]],
    ] as const) {
      signIn("marketing", locale);
      const [header, row] = await csvOf(await call(salesExport.GET, "/api/sales/export.csv"), delimiter);
      expect(headers.map((h) => row[header.indexOf(h)])).toEqual(expected);
      // A parser gets back the exact instant.
      expect(Date.parse(row[header.indexOf(headers[0])])).toBe(Date.parse("2026-05-31T23:59:59.123Z"));
    }
  });

  // ---- Team members ----------------------------------------------------------------------------------

  it("team members: exported with roles in the member's language and audited; marketing and support 403 (they cannot read the team) and not audited", async () => {
    signIn("admin", "fr");
    const rows = await csvOf(await call(membersExport.GET, "/api/team/members/export.csv"), ";");
    // The store's zone, like every export's instants (Europe/Paris here), named in the header.
    expect(rows[0]).toEqual(["E-mail", "Nom", "Rôle", "Créé le (Europe/Paris)"]);
    const expected = (["owner", "admin", "marketing", "support"] as const).map((r) => [members[r]!.email, `Demo ${r}`, { owner: "Propriétaire", admin: "Administrateur", marketing: "Marketing", support: "Service client" }[r]]);
    expect(rows.slice(1).map((r) => r.slice(0, 3)).sort()).toEqual(expected.sort());
    // Created at, in the header's zone, to the millisecond: the stored instant itself, with Paris's offset
    // at that instant (as Intl names it: "GMT+02:00").
    const byEmail = new Map(rows.slice(1).map((r) => [r[0], r[3]]));
    const parisOffset = (iso: string) => new Intl.DateTimeFormat("en", { timeZone: ZONE, timeZoneName: "longOffset" }).formatToParts(new Date(iso)).find((p) => p.type === "timeZoneName")!.value.replace("GMT", "");
    for (const r of ["owner", "admin", "marketing", "support"] as const) {
      const cell = byEmail.get(members[r]!.email)!;
      expect(cell).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
      expect(Date.parse(cell)).toBe(Date.parse(members[r]!.createdAt));
      expect(cell.slice(-6)).toBe(parisOffset(members[r]!.createdAt));
    }
    for (const role of ["marketing", "support"] as const) {
      signIn(role);
      expect((await call(membersExport.GET, "/api/team/members/export.csv")).status).toBe(403);
    }
    signIn("owner", "en");
    await csvOf(await call(membersExport.GET, "/api/team/members/export.csv?preset=standard"), ",");
    expect(await auditOf("team.members.export")).toEqual([
      { actor: members.admin!.email, target: null, details: { rows: 4, preset: "excel-fr", completed: true } },
      { actor: members.owner!.email, target: null, details: { rows: 4, preset: "standard", completed: true } },
    ]);
  });
});
