// The revenue section (DESIGN §3): breakdowns by product, channel, discount code, campaign, country,
// payment method and gateway, and new vs returning customers, for the range and currency in the URL —
// rendered here on the server; the range, the currency and each table's sort and page are links or GET
// forms this page answers.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getRevenueReport } from "@/lib/analytics/revenue";
import { SHOW_CHARTS_PARAM } from "@/components/charts/chart-on-request";
import { readAnalyticsQuery } from "@/lib/analytics/query-schemas";
import { lowDataForRequest } from "@/lib/pwa/low-data";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { RevenueReportView } from "./revenue-report";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.revenue"))("title") };
}

export default async function RevenuePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("analytics:read");
  const t = await getTranslations();
  const db = await getDb();
  const query = await searchParams;
  // A bad value in the URL is cleared (the default range, last 30 days) and named above the figures.
  const { params, cleared } = readAnalyticsQuery(query);
  const report = await getRevenueReport(db, params, { timeZone: await getStoreTimeZone(db) });
  return (
    <>
      <PageHeader title={t("pages.revenue.title")} description={t("pages.revenue.description")} />
      <RevenueReportView
        report={report}
        params={params}
        cleared={cleared}
        query={query}
        canExport={can(member.role, "export:csv")}
        chartOnRequest={query[SHOW_CHARTS_PARAM] !== "1" && (await lowDataForRequest(db, member.id))}
      />
    </>
  );
}
