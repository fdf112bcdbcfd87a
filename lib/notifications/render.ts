// Digests and alerts in words (issue 19): plain text and a light HTML e-mail (inline styles, one column,
// readable on a phone), a short title and body for push and the in-app list, and the link to open — in
// the member's language, from messages/<locale>/notifications.json. Every value is escaped in the HTML.
import "server-only";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import { formatDateTime } from "@/lib/format/date-time";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { formatMoney, money } from "@/lib/money";
import type { DigestFigures } from "./digest";

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** Push and in-app: one line of title, a short body, the page to open. */
  title: string;
  body: string;
  link: string;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

export async function translatorFor(locale: Locale, namespace: string): Promise<Translate> {
  const t = createTranslator({ locale, messages: (await loadMessages(locale)) as AbstractIntlMessages, namespace });
  return (key, values) => t(key as never, values as never);
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function change(current: number, before: number, locale: Locale, t: Translate): string {
  if (before === 0) return t("noChange");
  const ratio = (current - before) / before;
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(ratio);
}

/** An e-mail around `blocks` (each a list of lines; the first line of a block is its heading when `heading`). */
export function emailHtml(title: string, blocks: { heading?: string; lines: string[] }[], links: { label: string; url: string }[], footer: string, unsubscribe: { label: string; url: string } | null): string {
  const p = (s: string) => `<p style="margin:0 0 6px 0">${escapeHtml(s)}</p>`;
  const body = blocks
    .map((b) => `<div style="margin:0 0 16px 0">${b.heading ? `<h2 style="font-size:16px;margin:0 0 8px 0">${escapeHtml(b.heading)}</h2>` : ""}${b.lines.map(p).join("")}</div>`)
    .join("");
  const linkRow = links.map((l) => `<a href="${escapeHtml(l.url)}" style="color:#1d4ed8;margin-right:12px">${escapeHtml(l.label)}</a>`).join("");
  return `<!doctype html><html><body style="margin:0;padding:16px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:15px;line-height:1.45;color:#18181b;background:#fafafa"><div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #e4e4e7;border-radius:8px;padding:16px"><h1 style="font-size:18px;margin:0 0 12px 0">${escapeHtml(title)}</h1>${body}<p style="margin:12px 0">${linkRow}</p><p style="margin:12px 0 0 0;font-size:13px;color:#52525b">${escapeHtml(footer)}${unsubscribe ? ` · <a href="${escapeHtml(unsubscribe.url)}" style="color:#52525b">${escapeHtml(unsubscribe.label)}</a>` : ""}</p></div></body></html>`;
}

export async function renderDigest(d: DigestFigures, o: { locale: Locale; storeName: string; appUrl: string; unsubscribeUrl: string | null }): Promise<RenderedMessage> {
  const t = await translatorFor(o.locale, "Notifications.digest");
  const day = (v: string) => formatDateTime(v, { locale: o.locale, timeZone: d.timeZone }, "date");
  const amount = (minor: number, currency: string) => formatMoney(money(minor, currency), o.locale);
  const url = (path: string) => new URL(path, o.appUrl).toString();
  const q = `range=custom&from=${d.period.from}&to=${d.period.to}`;
  const links = [
    { label: t("linkOverview"), url: url(`/overview?${q}&compare=previous`) },
    { label: t("linkSales"), url: url(`/sales?from=${d.period.from}&to=${d.period.to}`) },
    { label: t("linkRecovery"), url: url(`/recovery?from=${d.period.from}&to=${d.period.to}`) },
    { label: t("linkPayouts"), url: url("/settlements") },
  ];
  const title = d.kind === "daily" ? t("titleDaily", { day: day(d.period.from) }) : t("titleWeekly", { from: day(d.period.from), to: day(d.period.to) });
  const subject = d.kind === "daily" ? t("subjectDaily", { store: o.storeName, day: day(d.period.from) }) : t("subjectWeekly", { store: o.storeName, from: day(d.period.from), to: day(d.period.to) });
  const blocks: { heading?: string; lines: string[] }[] = [];
  if (d.currencies.length === 0) blocks.push({ lines: [t("nothing")] });
  for (const c of d.currencies) {
    const lines = [t("revenue", { amount: amount(c.revenue, c.currency), count: c.paidCount })];
    lines.push(t(d.kind === "daily" ? "vsPrevious" : "vsPreviousWeek", { amount: amount(c.previousRevenue, c.currency), change: change(c.revenue, c.previousRevenue, o.locale, t) }));
    if (c.lastWeekRevenue !== null) lines.push(t("vsLastWeek", { amount: amount(c.lastWeekRevenue, c.currency), change: change(c.revenue, c.lastWeekRevenue, o.locale, t) }));
    lines.push(t("failed", { count: c.failedCount, amount: amount(c.failedValue, c.currency) }));
    lines.push(t("abandoned", { count: c.abandonedCount, amount: amount(c.abandonedValue, c.currency) }));
    lines.push(t("recovered", { count: c.recoveredCount, amount: amount(c.recoveredValue, c.currency) }));
    if (c.topProduct) lines.push(t("topProduct", { name: c.topProduct.name ?? t("unnamedProduct"), amount: amount(c.topProduct.revenue, c.currency), count: c.topProduct.paidCount }));
    blocks.push({ heading: c.currency, lines });
  }
  const payoutLines = d.nextPayouts.length === 0 ? [t("noNextPayout")] : d.nextPayouts.map((p) => t("nextPayout", { currency: p.currency, amount: amount(p.net, p.currency), day: day(p.dueDay) }));
  for (const l of d.late) payoutLines.push(t("late", { currency: l.currency, amount: amount(l.net, l.currency), days: l.days, day: day(l.firstDay) }));
  blocks.push({ heading: t("payoutsTitle"), lines: payoutLines });
  const footer = t("footer", { zone: d.timeZone });
  const text = [
    title,
    "",
    ...blocks.flatMap((b) => [...(b.heading ? [b.heading] : []), ...b.lines.map((l) => `- ${l}`), ""]),
    ...links.map((l) => `${l.label}: ${l.url}`),
    "",
    footer,
    ...(o.unsubscribeUrl ? [t("unsubscribe", { url: o.unsubscribeUrl })] : []),
  ].join("\n");
  const html = emailHtml(title, blocks, links, footer, o.unsubscribeUrl ? { label: t("unsubscribeLink"), url: o.unsubscribeUrl } : null);
  const first = d.currencies[0];
  const body = first ? t("revenue", { amount: amount(first.revenue, first.currency), count: first.paidCount }) : t("nothing");
  return { subject, text, html, title, body, link: links[0]!.url };
}
