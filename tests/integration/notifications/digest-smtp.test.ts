// The digest by e-mail, end to end (issue 19): the simulator's store mirrored, a real SMTP server in this
// process (smtp-server) receiving what nodemailer sends, two workers ticking at once. Each member who may
// read the figures gets the daily digest (and on a Monday the weekly one) exactly once, in their language,
// with the unsubscribe link; the figures are checked against the simulator's own model (periodTruth), per
// currency to the minor unit; a member without analytics:read gets none; a second tick sends nothing.
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { createEmailSender } from "@/lib/notifications/channels/email";
import { composeDigest } from "@/lib/notifications/digest";
import { setPreferences, DEFAULT_PREFERENCES } from "@/lib/notifications/preferences";
import { runNotificationTick, type NotificationDeps } from "@/lib/notifications/runner";
import { verifyUnsubscribe } from "@/lib/notifications/unsubscribe";
import { formatMoney, money } from "@/lib/money";
import { makeMember } from "../../factories/team";
import { mirrorSimulator, unlimitedClient } from "../../factories/simulator-mirror";
import { startSmtpInbox, type SmtpInbox } from "../../factories/smtp-inbox";
import { describeEachEngine } from "../db/engines";

vi.mock("server-only", () => ({}));

// Monday 2026-06-01, 09:30 in Abidjan (UTC): the daily digest is for Sunday 31 May, the weekly one for 25–31 May.
const NOW = new Date("2026-06-01T09:30:00Z");
const TZ = "Africa/Abidjan";
const SECRET = "x".repeat(40);
let sim: RunningSimulator;
let smtp: SmtpInbox;
let smtpPort = 0;
let inbox: ParsedMail[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 23, dialect: "current", rateLimit: 0, sales: 1500, now: NOW });
  smtp = await startSmtpInbox();
  smtpPort = smtp.port;
  inbox = smtp.messages;
});
afterAll(async () => {
  await sim?.close();
  await smtp?.close();
});

const text = (m: ParsedMail) => m.text ?? "";

describeEachEngine("the digest by e-mail", ({ db }) => {
  it("reaches each member once, in their language, with the simulator's figures", async () => {
    inbox.length = 0;
    const d = db().db;
    await mirrorSimulator(d, unlimitedClient(sim), { now: NOW, timeZone: TZ });
    const owner = await makeMember(d, "owner");
    const admin = await makeMember(d, "admin");
    const support = await makeMember(d, "support");
    await setPreferences(d, admin.member.id, { ...DEFAULT_PREFERENCES, locale: "en", weekly: false });
    const worker = (id: string): NotificationDeps => ({
      db: d,
      instanceId: id,
      timeZone: async () => TZ,
      storeName: async () => "Boutique Test",
      appUrl: "https://dash.example",
      authSecret: SECRET,
      email: createEmailSender(`smtp://127.0.0.1:${smtpPort}`, "Tableau <dash@example.com>", "https://dash.example"),
    });
    await Promise.all([runNotificationTick(worker("a"), NOW), runNotificationTick(worker("b"), NOW)]);
    await Promise.all([runNotificationTick(worker("a"), NOW), runNotificationTick(worker("b"), NOW)]);

    const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;
    expect(inbox.filter((m) => to(m) === support.member.email)).toEqual([]);
    const ownerMail = inbox.filter((m) => to(m) === owner.member.email);
    const adminMail = inbox.filter((m) => to(m) === admin.member.email);
    expect(ownerMail.map((m) => m.subject).sort()).toEqual(["Boutique Test — semaine du 25 mai 2026 au 31 mai 2026", "Boutique Test — ventes du 31 mai 2026"]);
    expect(adminMail.map((m) => m.subject)).toEqual(["Boutique Test — sales of May 31, 2026"]);

    // The figures: the digest's own numbers equal the model's, per currency, to the minor unit.
    const daily = await composeDigest(d, "daily", { timeZone: TZ, now: NOW });
    const truth = sim.periodTruth("2026-05-31T00:00:00Z", "2026-06-01T00:00:00Z");
    const before = sim.periodTruth("2026-05-30T00:00:00Z", "2026-05-31T00:00:00Z");
    const weekAgo = sim.periodTruth("2026-05-24T00:00:00Z", "2026-05-25T00:00:00Z");
    expect(Object.keys(truth).length).toBeGreaterThan(0);
    for (const [currency, t] of Object.entries(truth)) {
      const row = daily.currencies.find((c) => c.currency === currency)!;
      expect(row, currency).toMatchObject({
        revenue: t!.paidRevenue, paidCount: t!.paidCount, failedCount: t!.failedCount, failedValue: t!.failedValue, abandonedCount: t!.abandonedCount, abandonedValue: t!.abandonedValue,
        previousRevenue: before[currency]?.paidRevenue ?? 0, lastWeekRevenue: weekAgo[currency]?.paidRevenue ?? 0,
      });
    }
    // …and the e-mail says them: each currency's paid revenue, failed and abandoned amounts, in French.
    const dailyFr = ownerMail.find((m) => m.subject?.includes("ventes du"))!;
    for (const [currency, t] of Object.entries(truth)) {
      const fr = (minor: number) => formatMoney(money(minor, currency), "fr");
      expect(text(dailyFr)).toContain(`Chiffre d’affaires encaissé\u202f: ${fr(t!.paidRevenue)}`);
      expect(text(dailyFr)).toContain(`Échouées\u202f: ${t!.failedCount} (${fr(t!.failedValue)})`);
      expect(text(dailyFr)).toContain(`Abandonnées\u202f: ${t!.abandonedCount} (${fr(t!.abandonedValue)})`);
    }
    const weeklyTruth = sim.periodTruth("2026-05-25T00:00:00Z", "2026-06-01T00:00:00Z");
    const weeklyFr = ownerMail.find((m) => m.subject?.includes("semaine"))!;
    for (const [currency, t] of Object.entries(weeklyTruth)) {
      expect(text(weeklyFr)).toContain(`Chiffre d’affaires encaissé\u202f: ${formatMoney(money(t!.paidRevenue, currency), "fr")}`);
    }
    // In English for the admin who chose it.
    const [first] = Object.entries(truth).sort(([, a], [, b]) => b!.paidRevenue - a!.paidRevenue);
    expect(text(adminMail[0]!)).toContain(`Paid revenue: ${formatMoney(money(first![1]!.paidRevenue, first![0]), "en")}`);

    // Every e-mail can be left in one click: the link in the text and the List-Unsubscribe header, signed for that member.
    for (const m of [...ownerMail, ...adminMail]) {
      const header = m.headerLines.find((l) => l.key === "list-unsubscribe")?.line ?? "";
      expect(m.headerLines.find((l) => l.key === "list-unsubscribe-post")?.line).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
      const url = new URL(/<([^>]+)>/.exec(header)![1]!);
      expect(text(m)).toContain(url.toString());
      const member = to(m) === owner.member.email ? owner.member.id : admin.member.id;
      expect(url.searchParams.get("m")).toBe(member);
      expect(verifyUnsubscribe(SECRET, member, url.searchParams.get("w") as "daily", url.searchParams.get("s")!)).toBe(true);
      expect(verifyUnsubscribe(SECRET, owner.member.id === member ? admin.member.id : owner.member.id, url.searchParams.get("w") as "daily", url.searchParams.get("s")!)).toBe(false);
    }

    // The in-app list got them too, once; the send log says sent.
    const inapp = await d.selectFrom("notifications").select(["member_id", "kind"]).execute();
    expect(inapp.filter((n) => n.member_id === owner.member.id).map((n) => n.kind).sort()).toEqual(["digest_daily", "digest_weekly"]);
    const log = await d.selectFrom("notification_outbox").select(["channel", "status", "member_id"]).where("channel", "=", "email").execute();
    expect(log).toHaveLength(3);
    expect(log.every((r) => r.status === "sent")).toBe(true);
  }, 120_000);
});
