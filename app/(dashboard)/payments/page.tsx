// The Payments view (issue 20, analytics:read): which payment method fails, in which country, right now —
// rendered on the server from the rollups for the URL's range, currency and series subject.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SHOW_CHARTS_PARAM } from "@/components/charts/chart-on-request";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { getPaymentsReport } from "@/lib/payments/health";
import { readPaymentsQuery } from "@/lib/payments/schemas";
import { lowDataForRequest } from "@/lib/pwa/low-data";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { PaymentsReportView } from "./payments-report";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Payments"))("title") };
}

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("analytics:read");
  const t = await getTranslations("Payments");
  const db = await getDb();
  const query = await searchParams;
  const { params, cleared } = readPaymentsQuery(query);
  const report = await getPaymentsReport(db, params, { timeZone: await getStoreTimeZone(db) });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <PaymentsReportView
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
