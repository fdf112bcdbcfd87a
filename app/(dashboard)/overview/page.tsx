// The overview section (DESIGN §3): KPI cards per currency against a comparison period, the revenue
// chart and top products for the range in the URL — rendered here on the server, every change of range
// or currency a new URL this page answers — and the newest sales in the mirror, live (Pulses and sync).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SHOW_CHARTS_PARAM } from "@/components/charts/chart-on-request";
import { DegradedNotice } from "@/components/payments/degraded-notice";
import { PageHeader } from "@/components/ui/page-header";
import { getOverview } from "@/lib/analytics/overview";
import { readAnalyticsQuery } from "@/lib/analytics/query-schemas";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { listRecentSales } from "@/lib/overview/recent-sales";
import { degradedNow } from "@/lib/payments/degraded";
import { lowDataForRequest } from "@/lib/pwa/low-data";
import { RECENT_SALES_LIMIT } from "@/lib/overview/schemas";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { NextPayoutSection } from "../settlements/next-payout-section";
import { OverviewAnalytics } from "./overview-analytics";
import { OverviewClient } from "./overview-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.overview"))("title") };
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("analytics:read");
  const t = await getTranslations();
  const db = await getDb();
  // A bad value in the URL is cleared (the default range, last 30 days) and named above the figures.
  const query = await searchParams;
  const { params, cleared } = readAnalyticsQuery(query);
  const lowData = await lowDataForRequest(db, member.id);
  const timeZone = await getStoreTimeZone(db);
  const [sales, overview, degraded] = await Promise.all([listRecentSales(db, { limit: RECENT_SALES_LIMIT }), getOverview(db, params, { timeZone }), degradedNow(db, new Date())]);
  return (
    <>
      <PageHeader title={t("pages.overview.title")} description={t("pages.overview.description")} />
      <div className="space-y-6">
        {/* A payment method or country failing far more than usual right now (issue 20): the Payments view says more. */}
        <DegradedNotice degraded={degraded} variant="overview" href="/payments" />
        <OverviewAnalytics overview={overview} params={params} cleared={cleared} chartOnRequest={lowData && query[SHOW_CHARTS_PARAM] !== "1"} />
        {can(member.role, "settlements:read") ? <NextPayoutSection /> : null}
        <OverviewClient
          initialSales={sales}
          limit={RECENT_SALES_LIMIT}
          notLive={
            lowData ? (
              <p className="-mt-2 mb-3 text-xs text-zinc-600 dark:text-zinc-400" data-testid="recent-sales-not-live">
                {t("Offline.lowData.notLive")}
              </p>
            ) : undefined
          }
        />
      </div>
    </>
  );
}
