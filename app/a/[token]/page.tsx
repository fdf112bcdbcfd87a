// An affiliate's private page (issue 21, docs/affiliate-links.md): no account, the link's token is the
// authority. Their paid sales, revenue and commission per currency over a period (the Affiliates page's own
// figures for the same days), per product, a chart, their status and commission rate from Chariow's record,
// the time of the last update — and nothing about customers. FR/EN by the visitor's `?lang=` (proxy.ts),
// noindex, rate limited per token and per address; an unknown, revoked or expired token is the same 404.
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ThemeSwitch } from "@/components/layout/theme-switch";
import { THEME_ICONS } from "@/components/layout/theme-switch-icons";
import { AffiliatePageView } from "@/components/affiliate-page/affiliate-page-view";
import { LiveRefresh } from "@/components/affiliate-page/live-refresh";
import { getDb } from "@/lib/db";
import { affiliatePageFigures, affiliateVersionInfo } from "@/lib/affiliate-share/figures";
import { getFreshness } from "@/lib/freshness/get-freshness";
import { recordVisit } from "@/lib/affiliate-share/links";
import { refreshAffiliateRecord } from "@/lib/affiliate-share/record-refresh";
import { openShareLink } from "@/lib/affiliate-share/visit";
import { presetRange } from "@/lib/analytics/date-range";
import { clientIp } from "@/lib/http/client-ip";
import { parsePageQuery, type SearchParamsRecord } from "@/lib/http/page-query";
import { dayRangeFields, checkDayRange } from "@/lib/http/query-fragments";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { getStoreName } from "@/lib/store/store-info";
import { getChariowClient } from "@/lib/store/chariow-connection";
import { today } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AffiliatePage"))("title"), robots: { index: false, follow: false, nocache: true }, referrer: "no-referrer" };
}

const querySchema = z.object({ ...dayRangeFields }).superRefine(checkDayRange);

export default async function AffiliatePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const [{ token }, query, requestHeaders] = await Promise.all([params, searchParams, headers()]);
  const db = await getDb();
  const visit = await openShareLink(db, token, clientIp(requestHeaders));
  if (visit.kind === "not_found") notFound();
  const t = await getTranslations("AffiliatePage");
  if (visit.kind === "throttled") {
    return (
      <main className="mx-auto max-w-md px-4 py-16" data-testid="affiliate-page-throttled">
        <h1 className="mb-2 text-xl font-semibold">{t("throttledTitle")}</h1>
        <p>{t("throttled", { seconds: visit.retryAfterSeconds })}</p>
      </main>
    );
  }
  const code = visit.link.code;
  const timeZone = await getStoreTimeZone(db);
  const { value } = parsePageQuery(querySchema, query, { together: [["from", "to"]] });
  // No period in the URL: the last 30 days (the Affiliates page's links carry theirs).
  const range = value.from || value.to ? { from: value.from, to: value.to } : presetRange("last30", today(timeZone), null);
  const [figures, version, storeName, freshness] = await Promise.all([affiliatePageFigures(db, code, range), affiliateVersionInfo(db, code), getStoreName().catch(() => null), getFreshness(db)]);
  if (!figures || version === null) notFound();
  // The last update: the newest of the last sync and the newest change to their sales (a Pulse).
  const asOf = [freshness.lastSuccessAt, version.latestChangeAt, figures.affiliate.updatedAt].filter((x): x is string => x !== null).sort().pop()!;
  // A visit is a page load: the live island's refreshes (RSC requests, `RSC: 1`) re-render the open page
  // and are not counted again.
  if (requestHeaders.get("rsc") !== "1") await recordVisit(db, visit.link.id);
  // Chariow's record (status, commission rate) at background priority, at most every 15 min per affiliate.
  const client = getChariowClient();
  if (client) void refreshAffiliateRecord(db, client, code);
  const locale = await getLocale();
  const format = await getFormatter();
  const langHref = (lang: string) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (typeof v === "string" && k !== "lang") q.set(k, v);
    q.set("lang", lang);
    return `/a/${encodeURIComponent(token)}?${q.toString()}`;
  };
  return (
    <div className="min-h-screen">
      <div className="mx-auto flex max-w-5xl items-center justify-end gap-2 px-4 pt-4">
        <nav aria-label={t("language")} className="flex gap-1 text-sm">
          {(["fr", "en"] as const).map((l) => (
            <Link key={l} href={langHref(l)} prefetch={false} aria-current={l === locale ? "true" : undefined} hrefLang={l} lang={l} className={`inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 ${l === locale ? "font-semibold underline" : ""}`}>
              {l === "fr" ? "Français" : "English"}
            </Link>
          ))}
        </nav>
        <ThemeSwitch icons={THEME_ICONS} />
      </div>
      <main className="mx-auto max-w-5xl px-4 pb-16">
        <AffiliatePageView
          figures={figures}
          storeName={storeName}
          token={token}
          query={query}
          timeZone={timeZone}
          today={today(timeZone)}
          updatedAt={format.dateTime(new Date(asOf), { dateStyle: "medium", timeStyle: "short", timeZone })}
        />
        <LiveRefresh token={token} initialVersion={version.version} />
      </main>
    </div>
  );
}
