// The Sales page (DESIGN §3): the mirror's sales with every filter, sort and page in the URL, totals of
// the filter per currency, saved views and CSV export. The first page is read here on the server and
// handed to the client island under the same query key.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { defaultPresetFor } from "@/lib/csv/presets";
import { getDb } from "@/lib/db";
import { currentLocale } from "@/lib/i18n/request";
import { listSales, salesContext, salesTotals } from "@/lib/sales";
import { salesTotalsForRole } from "@/lib/sales/financial-fields";
import { salesFilterOptions } from "@/lib/sales/filter-options";
import { parseSalesView, salesApiQuery } from "@/lib/sales/schemas";
import { SalesClient } from "./sales-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.sales"))("title") };
}

export default async function SalesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requirePermission("sales:read");
  const t = await getTranslations();
  const db = await getDb();
  const ctx = await salesContext(db);
  // A bad value in the URL is cleared, not an error; the island (same parser, same URL) says which.
  const { view } = parseSalesView(await searchParams);
  const [page, totals, options, locale] = await Promise.all([listSales(db, view, ctx), salesTotals(db, view, ctx), salesFilterOptions(db), currentLocale()]);
  return (
    <>
      <PageHeader title={t("pages.sales.title")} description={t("pages.sales.description")} />
      <SalesClient
        initial={{ ...page, totals: salesTotalsForRole(totals, member.role) }}
        initialQuery={salesApiQuery(view)}
        options={options}
        timeZone={ctx.timeZone}
        canExport={can(member.role, "export:csv")}
        defaultPreset={defaultPresetFor(locale)}
        basePath="/sales"
      />
    </>
  );
}
