// The revenue section (DESIGN §3): breakdowns by product, channel, discount code, campaign, country,
// payment method and gateway, and new vs returning customers, for the range and currency in the URL.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getRevenueReport } from "@/lib/analytics/revenue";
import { analyticsQueryString } from "@/lib/analytics/url-params";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { readAnalyticsParams, type PageSearchParams } from "../overview/search-params";
import { RevenueAnalytics } from "./revenue-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.revenue"))("title") };
}

export default async function RevenuePage({ searchParams }: { searchParams: PageSearchParams }) {
  const member = await requirePermission("analytics:read");
  const t = await getTranslations();
  const db = await getDb();
  const params = await readAnalyticsParams(searchParams);
  const report = await getRevenueReport(db, params, { timeZone: await getStoreTimeZone(db) });
  return (
    <>
      <PageHeader title={t("pages.revenue.title")} description={t("pages.revenue.description")} />
      <RevenueAnalytics initial={report} initialQuery={analyticsQueryString(params)} canExport={can(member.role, "export:csv")} />
    </>
  );
}
