// The Downloads page (issue 9): coverage of the detail-only download data, buyers who have not accessed
// their files after N days (contact them), unusual download counts, engagement by product and the latest
// paid sales. Read on the server from the mirror; the contact island calls /api/downloads/*.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotAccessedList } from "@/components/downloads/not-accessed-list";
import { PlainTable } from "@/components/downloads/plain-table";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { DEFAULT_NOT_ACCESSED_DAYS, RECENT_SALES_SHOWN, downloadsQuerySchema, downloadsReport, type DownloadFact, type DownloadList, type DownloadsQuery } from "@/lib/downloads";
import { currentLocale } from "@/lib/i18n/request";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("downloads"))("title") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v);

function readQuery(sp: Search): { query: DownloadsQuery; invalid: boolean } {
  const raw = { days: one(sp.days) || undefined, threshold: one(sp.threshold) || undefined };
  const parsed = downloadsQuerySchema.safeParse(raw);
  return parsed.success ? { query: parsed.data, invalid: false } : { query: { days: DEFAULT_NOT_ACCESSED_DAYS }, invalid: true };
}

export default async function DownloadsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requirePermission("fulfilment:read");
  const { query, invalid } = readQuery(await searchParams);
  const t = await getTranslations("downloads");
  const locale = await currentLocale();
  const db = await getDb();
  const timeZone = await getStoreTimeZone(db);
  const report = await downloadsReport(db, query);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const instant = (iso: string | null, none = t("unknown")) => (iso && Number.isFinite(Date.parse(iso)) ? when.format(new Date(iso)) : none);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const customer = (f: DownloadFact) => f.customerName ?? f.customerEmail ?? t("unknown");
  const saleLink = (id: string) => <a className="underline" href={`/sales/${encodeURIComponent(id)}`}>{id}</a>;
  const exportQuery = new URLSearchParams({ days: String(query.days), ...(query.threshold ? { threshold: String(query.threshold) } : {}) });
  const exportLink = (list: DownloadList) =>
    can(member.role, "export:csv") ? <a className="rounded border px-2 py-1 text-xs" data-testid={`downloads-export-${list}`} href={`/api/downloads/export.csv?list=${list}&${exportQuery.toString()}`}>{t("export")}</a> : null;
  const { coverage, unusual } = report;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 text-sm" aria-label={t("filters.label")}>
        <label className="flex flex-col gap-1">{t("filters.days")}<input className="w-24 rounded border px-2 py-1" type="number" min={1} max={90} name="days" defaultValue={query.days} /></label>
        <label className="flex flex-col gap-1">{t("filters.threshold")}<input className="w-24 rounded border px-2 py-1" type="number" min={1} name="threshold" defaultValue={query.threshold ?? ""} /></label>
        <button type="submit" className="rounded bg-zinc-900 px-3 py-1.5 text-white dark:bg-zinc-100 dark:text-zinc-900">{t("filters.apply")}</button>
      </form>
      {invalid ? <div className="mb-4"><Alert>{t("filters.invalid")}</Alert></div> : null}
      <div className="grid gap-6">
        <Card title={t("coverage.title")} testId="downloads-coverage">
          <p className="text-sm">{coverage.paidSales === 0 ? t("coverage.none") : t("coverage.known", { known: coverage.known, total: coverage.paidSales })}</p>
          {coverage.known < coverage.paidSales ? <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{t("coverage.filling")}</p> : null}
        </Card>
        <Card title={t("notAccessed.title", { count: report.notAccessed.length })} testId="downloads-not-accessed-card">
          <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
            <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("notAccessed.help", { days: query.days })}</p>
            {exportLink("not-accessed")}
          </div>
          <NotAccessedList
            defaultLanguage={locale}
            rows={report.notAccessed.map((s) => ({ saleId: s.saleId, customer: customer(s), product: s.productName ?? s.productId, paidAt: instant(s.completedAt), age: t("notAccessed.age", { days: s.daysSincePayment }), hasEmail: s.customerEmail !== null }))}
            labels={{
              columns: { sale: t("columns.sale"), customer: t("columns.customer"), product: t("columns.product"), paidAt: t("columns.paidAt"), age: t("columns.age"), actions: t("columns.actions") },
              language: t("notAccessed.language"), whatsapp: t("notAccessed.whatsapp"), email: t("notAccessed.email"), noEmail: t("notAccessed.noEmail"), empty: t("notAccessed.empty"),
              whatsappRefused: { missing: t("notAccessed.whatsappRefused.missing"), no_country: t("notAccessed.whatsappRefused.no_country"), unknown_country: t("notAccessed.whatsappRefused.unknown_country"), invalid: t("notAccessed.whatsappRefused.invalid") },
            }}
          />
        </Card>
        <Card title={t("unusual.title", { count: unusual.sales.length })} testId="downloads-unusual">
          <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              {unusual.limit === null ? t("unusual.noData") : unusual.rule === "p99" ? t("unusual.ruleP99", { limit: unusual.limit, known: unusual.knownCounts }) : t("unusual.ruleThreshold", { limit: unusual.limit, known: unusual.knownCounts, p99: unusual.p99 ?? 0 })}
            </p>
            {exportLink("unusual")}
          </div>
          {unusual.sales.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("unusual.empty")}</p> : (
            <PlainTable testId="downloads-unusual-table" numeric={[3]} headers={[t("columns.sale"), t("columns.customer"), t("columns.product"), t("columns.downloads"), t("columns.lastDownload")]}
              rows={unusual.sales.map((s) => ({ key: s.saleId, cells: [saleLink(s.saleId), customer(s), s.productName ?? s.productId, s.downloadTotal, instant(s.downloadLastAt)] }))} />
          )}
        </Card>
        <Card title={t("engagement.title")} testId="downloads-engagement">
          <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
            <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("engagement.help", { sample: "n" })}</p>
            {exportLink("engagement")}
          </div>
          {report.engagement.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("engagement.empty")}</p> : (
            <PlainTable testId="downloads-engagement-table" numeric={[1, 2, 3, 4]} headers={[t("columns.product"), t("columns.paidSales"), t("columns.known"), t("columns.share"), t("columns.medianFirst")]}
              rows={report.engagement.map((e) => ({
                key: e.productId,
                cells: [
                  e.productName ?? e.productId, e.paidSales, e.knownSales, e.share === null ? t("unknown") : percent.format(e.share),
                  e.medianHoursToFirst === null ? t("engagement.noMedian", { sample: e.firstDownloadSample }) : t("engagement.median", { hours: hours.format(e.medianHoursToFirst), sample: e.firstDownloadSample }),
                ],
              }))} />
          )}
        </Card>
        <Card title={t("recent.title")} testId="downloads-recent">
          <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
            <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("recent.help", { count: RECENT_SALES_SHOWN })}</p>
            {exportLink("sales")}
          </div>
          <PlainTable testId="downloads-recent-table" numeric={[4]} headers={[t("columns.sale"), t("columns.customer"), t("columns.product"), t("columns.paidAt"), t("columns.downloads"), t("columns.lastDownload")]}
            rows={report.recentSales.map((s) => ({ key: s.saleId, cells: [saleLink(s.saleId), customer(s), s.productName ?? s.productId, instant(s.completedAt), s.downloadTotal ?? t("unknown"), s.downloadTotal === 0 ? t("never") : instant(s.downloadLastAt)] }))} />
        </Card>
      </div>
    </>
  );
}
