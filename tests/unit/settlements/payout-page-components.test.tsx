// The Payouts page's answer (issue 16) as the server renders it, before JavaScript: the next payout per
// currency as a link to its sales with its day in words, this week's and the late payouts, the sentence
// saying figures count by payout day, the calendar's month grid and week strip whose payouts link to
// `?currency=&day=`, "moved from … to …", the statement's download link, and the empty states.
import { describe, expect, it } from "vitest";
import { NextPayoutCard } from "@/components/settlements/next-payout-card";
import { PayoutAnswerCards } from "@/components/settlements/payout-answer-cards";
import { PayoutCalendar, type PayoutCalendarProps } from "@/components/settlements/payout-calendar";
import { PayoutSales } from "@/components/settlements/payout-sales";
import { PayoutTimeline } from "@/components/settlements/payout-timeline";
import { SettlementSummary } from "@/components/settlements/settlement-summary";
import { StatementDownload } from "@/components/settlements/statement-download";
import type { PayoutGroup } from "@/lib/settlements/group-settlements";
import type { PayoutSale } from "@/lib/settlements/list-settlements";
import type { PayoutAnswer } from "@/lib/settlements/payout-answer";
import type { PayoutMove } from "@/lib/settlements/payout-moves";
import { attributesOf, renderHtml } from "@/tests/support/render";

const group = (o: Partial<PayoutGroup>): PayoutGroup => ({
  currency: "XOF", dueDay: "2026-04-09", dueAt: "2026-04-09T10:00:00.000Z", doneAt: null, status: "due", salesCount: 2, settledCount: 0,
  gross: 21_000, net: 19_320, deducted: 1_680, gatewayFee: 600, serviceFee: 1_000, incompleteCount: 0, ...o,
});
const drillHref = (g: Pick<PayoutGroup, "currency" | "dueDay">) => `/settlements?currency=${g.currency}&day=${g.dueDay}#payout-sales`;
/** The text a reader sees (tags removed, entities of the few characters React escapes decoded). */
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replaceAll("&#x27;", "'").replace(/[ \t\n]+/g, " ");
/** The href of the link with that test id (attributes come in any order). */
const hrefOf = (html: string, testId: string) => {
  const tag = new RegExp(`<a\\b[^>]*data-testid="${testId}"[^>]*>`).exec(html)?.[0] ?? "";
  return /href="([^"]*)"/.exec(tag)?.[1]?.replaceAll("&amp;", "&") ?? null;
};

const answer: PayoutAnswer = {
  today: "2026-04-08",
  week: { from: "2026-04-06", to: "2026-04-12" },
  next: [group({ currency: "EUR", dueDay: "2026-04-15", net: 7_287, gross: 7_920, salesCount: 1 }), group({})],
  dueThisWeek: [{ currency: "XOF", net: 65_320, gross: 68_000, days: 2, salesCount: 3, incompleteCount: 0, firstDay: "2026-04-09", lastDay: "2026-04-12" }],
  late: [{ currency: "XOF", net: 16_560, gross: 18_000, days: 2, salesCount: 3, incompleteCount: 1, firstDay: "2026-03-20", lastDay: "2026-04-07" }],
};
const movedAll: PayoutMove = { currency: "XOF", toDay: "2026-04-09", fromDays: ["2026-04-07"], movedCount: 2 };

describe("PayoutAnswerCards (server HTML)", () => {
  it("opens on each currency's next payout, linked to its sales, then this week's and the late ones", async () => {
    const html = await renderHtml(<PayoutAnswerCards answer={answer} moves={new Map([["XOF-2026-04-09", movedAll]])} drillHref={drillHref} lateHref="/settlements?from=2026-03-20&to=2026-04-08#payout-timeline-title" />);
    const shown = text(html);
    // One card per currency, each a link to its payout's sales.
    expect(hrefOf(html, "next-payout-XOF")).toBe("/settlements?currency=XOF&day=2026-04-09#payout-sales");
    expect(hrefOf(html, "next-payout-EUR")).toBe("/settlements?currency=EUR&day=2026-04-15#payout-sales");
    expect(shown).toContain("19\u202f320\u00a0XOF");
    expect(shown).toContain("jeudi 9 avril · demain"); // the day in words, and from today
    expect(shown).toContain("mercredi 15 avril · dans 7 jours");
    expect(shown).toContain("72,87\u00a0€");
    expect(shown).toContain("Date déplacée du 7 avr. au 9 avr.");
    // This week (Monday to Sunday) and the late payouts, with their number of payout days.
    expect(shown).toContain("Du 6 avr. au 12 avr.");
    expect(shown).toContain("65\u202f320\u00a0XOF 2 jours de versement");
    expect(shown).toContain("16\u202f560\u00a0XOF 2 jours de versement · depuis le 20 mars");
    expect(shown).toContain("1 vente au montant inconnu n'est pas comptée.");
    expect(attributesOf(html, "a", "href")).toContain("/settlements?from=2026-03-20&to=2026-04-08#payout-timeline-title");
    // Which day these figures count by, in the merchant's words.
    expect(shown).toContain("Montants comptés par jour de versement prévu (le jour où Chariow doit vous payer), et non par jour de vente comme sur la Vue d'ensemble.");
  });

  it("says so when nothing is coming, due this week or late (English)", async () => {
    const empty: PayoutAnswer = { today: "2026-04-08", week: { from: "2026-04-06", to: "2026-04-12" }, next: [], dueThisWeek: [], late: [] };
    const html = await renderHtml(<PayoutAnswerCards answer={empty} moves={new Map()} drillHref={drillHref} lateHref={null} />, "en");
    const shown = text(html);
    expect(shown).toContain("No upcoming payout known.");
    expect(shown).toContain("No more payouts expected this week.");
    expect(shown).toContain("No overdue payout.");
    expect(shown).toContain("Amounts counted by expected payout day (the day Chariow owes you the money), not by sale day as on the Overview.");
    expect(html).not.toMatch(/data-testid="next-payout-[A-Z]{3}"/);
    expect(attributesOf(html, "a", "href")).toEqual([]);
  });
});

describe("PayoutCalendar (server HTML)", () => {
  const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
  const weeks = [0, 1, 2, 3, 4].map((w) => days("2026-03-30", 35).slice(w * 7, w * 7 + 7));
  const base: PayoutCalendarProps = {
    month: { month: "2026-04", weeks, previousHref: "/settlements?month=2026-03#payout-calendar-title", nextHref: "/settlements?month=2026-05#payout-calendar-title" },
    week: { days: days("2026-04-06", 7), previousHref: "/settlements?week=2026-03-30#payout-calendar-title", nextHref: "/settlements?week=2026-04-13#payout-calendar-title" },
    todayHref: "/settlements#payout-calendar-title",
    today: "2026-04-08",
    payouts: new Map(),
    moves: new Map(),
    drillHref,
    selectedKey: null,
  };
  const payouts = new Map([
    ["2026-04-03", [group({ dueDay: "2026-04-03", status: "overdue", net: 9_200, salesCount: 1 })]],
    ["2026-04-07", [group({ dueDay: "2026-04-07", status: "settled", doneAt: "2026-04-07T12:00:00.000Z", net: 4_600 })]],
    ["2026-04-09", [group({ currency: "EUR", net: 7_287 }), group({})]],
  ]);

  it("shows a month grid and a week strip whose payouts link to their sales, with states in words", async () => {
    const moves = new Map([["XOF-2026-04-03", { currency: "XOF", toDay: "2026-04-03", fromDays: ["2026-04-01"], movedCount: 1 }]]);
    const html = await renderHtml(<PayoutCalendar {...base} payouts={payouts} moves={moves} selectedKey="XOF-2026-04-09" />);
    // Two views, CSS shows one: the grid from 640 px, the strip below.
    expect(html).toMatch(/class="hidden sm:block" data-testid="payout-calendar-month"/);
    expect(html).toMatch(/class="sm:hidden" data-testid="payout-calendar-week"/);
    const month = html.slice(html.indexOf('data-testid="payout-calendar-month"'), html.indexOf('data-testid="payout-calendar-week"'));
    const week = html.slice(html.indexOf('data-testid="payout-calendar-week"'));
    expect(attributesOf(month, "li", "data-testid")).toHaveLength(35);
    expect(attributesOf(week, "li", "data-testid")).toEqual(days("2026-04-06", 7).map((d) => `payout-day-${d}`));
    // A day with two currencies lists both, each a link to its own payout's sales.
    for (const view of [month, week]) {
      expect(attributesOf(view, "a", "data-testid").filter((id) => id.startsWith("payout-day-2026-04-09"))).toEqual(["payout-day-2026-04-09-EUR", "payout-day-2026-04-09-XOF"]);
      expect(attributesOf(view, "a", "href")).toContain("/settlements?currency=EUR&day=2026-04-09#payout-sales");
      expect(attributesOf(view, "a", "href")).toContain("/settlements?currency=XOF&day=2026-04-09#payout-sales");
    }
    expect(month).toMatch(/<a\b[^>]*data-testid="payout-day-2026-04-09-XOF"[^>]*aria-current="true"/);
    expect(month).not.toMatch(/<a\b[^>]*data-testid="payout-day-2026-04-09-EUR"[^>]*aria-current/);
    expect(text(month)).toContain("4\u202f600\u00a0XOF Versé le 7 avr.");
    expect(text(month)).toContain("9\u202f200\u00a0XOF En retard Déplacé du 1 avr.");
    expect(text(month)).toContain("À venir");
    expect(month).toMatch(/data-testid="payout-day-2026-04-08" aria-current="date"/);
    expect(text(week)).toContain("Semaine du 6 avr. au 12 avr.");
    expect(text(week)).toContain("Aucun versement"); // a day of the strip without payout
    expect(text(html)).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no ISO day on screen
    // Month and week change by links (no JavaScript needed).
    const hrefs = attributesOf(html, "a", "href");
    for (const href of [base.month.previousHref, base.month.nextHref, base.week.previousHref, base.week.nextHref, base.todayHref]) expect(hrefs).toContain(href);
    expect(text(month)).toContain("avril 2026");
  });

  it("says when the month or the week has no payout", async () => {
    const html = await renderHtml(<PayoutCalendar {...base} />, "en");
    expect(text(html)).toContain("No known payout this month.");
    expect(text(html)).toContain("No known payout this week.");
    expect(html).not.toMatch(/data-testid="payout-day-[\d-]+-[A-Z]{3}"/);
  });
});

describe("moved payouts on the timeline and in a payout's sales", () => {
  it("says how many sales moved and from which days when not all did", async () => {
    const moved = new Map([["XOF-2026-04-06", { currency: "XOF", toDay: "2026-04-06", fromDays: ["2026-04-01", "2026-04-02"], movedCount: 2 }]]);
    const groups = [group({ dueDay: "2026-04-06", salesCount: 4 })];
    const fr = await renderHtml(<PayoutTimeline groups={groups} drillHref={drillHref} moves={moved} url={{ pathname: "/settlements", query: {} }} />);
    expect(text(fr)).toContain("2 ventes déplacées du 1 avr. et 2 avr. au 6 avr.");
    const en = await renderHtml(<PayoutTimeline groups={groups} drillHref={drillHref} moves={moved} url={{ pathname: "/settlements", query: {} }} />, "en");
    expect(text(en)).toContain("2 sales moved from Apr 1 and Apr 2 to Apr 6");
    expect(attributesOf(fr, "tr", "data-row-id")).toEqual(["XOF-2026-04-06"]);
  });

  it("gives each moved sale the day it was first due", async () => {
    const sale = (id: string, movedFromDueAt: string | null): PayoutSale => ({
      id, status: "completed", productName: "Formation", customerEmail: `${id}@example.com`, currency: "XOF", amount: 10_000, gatewayFee: 300, serviceFee: 500, net: 9_200,
      completedAt: "2026-03-30T10:05:00.000Z", dueAt: "2026-04-06T09:00:00.000Z", doneAt: null, overdue: false, movedFromDueAt,
    });
    const html = await renderHtml(<PayoutSales title="2 ventes" sales={[sale("s1", "2026-04-02T09:00:00.000Z"), sale("s2", null)]} url={{ pathname: "/settlements", query: {} }} />);
    expect(text(html)).toContain("Prévue d'abord le");
    expect(text(html)).toContain("2 avr. 2026");
  });
});

describe("StatementDownload (server HTML)", () => {
  const props = { month: "2026-03", currency: "XOF", currencies: ["XOF", "EUR"], previousHref: "/settlements?statement_month=2026-02#statement", nextHref: "/settlements?statement_month=2026-04#statement", currencyHref: (c: string) => `/settlements?statement_currency=${c}#statement` };

  it("is a plain link to the month's PDF of one currency, chosen by links", async () => {
    const html = await renderHtml(<StatementDownload {...props} />);
    expect(html).toMatch(/<a href="\/api\/settlements\/statement\.pdf\?month=2026-03&amp;currency=XOF" download="" data-testid="statement-download" data-month="2026-03" data-currency="XOF"/);
    expect(text(html)).toContain("Relevé du mois (PDF)");
    expect(text(html)).toContain("Télécharger le relevé de mars 2026 en XOF");
    const hrefs = attributesOf(html, "a", "href");
    expect(hrefs).toEqual(expect.arrayContaining([props.previousHref, props.nextHref, "/settlements?statement_currency=XOF#statement", "/settlements?statement_currency=EUR#statement"]));
    expect(html).toMatch(/<a aria-current="true"[^>]*href="\/settlements\?statement_currency=XOF#statement"/);
    expect(html).not.toContain("<form");
  });

  it("offers no month to come, and no link before any payout", async () => {
    expect(attributesOf(await renderHtml(<StatementDownload {...props} nextHref={null} />), "a", "data-testid")).not.toContain("statement-month-next");
    const none = await renderHtml(<StatementDownload {...props} currency={null} currencies={[]} />, "en");
    expect(text(none)).toContain("No known payout yet: no statement so far.");
    expect(none).not.toContain("statement-download");
  });
});

describe("the totals and the Overview's card", () => {
  it("the totals say they count by payout day", async () => {
    const html = await renderHtml(<SettlementSummary totals={[]} unknown={[]} enrichment={{ paid: 0, enriched: 0 }} />);
    expect(attributesOf(html, "p", "data-testid")).toContain("counts-by-payout-day");
  });

  it("the Overview's next payout opens that payout's sales on the Payouts page", async () => {
    const html = await renderHtml(<NextPayoutCard payouts={[{ currency: "XAF", dueDay: "2026-04-02", net: 7_287, salesCount: 1 }]} />, "en");
    expect(hrefOf(html, "next-payout-XAF")).toBe("/settlements?currency=XAF&day=2026-04-02#payout-sales");
  });
});
