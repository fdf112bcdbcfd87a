// The Sales page (DESIGN §3): the mirror's sales with every filter, sort and page in the URL, totals of
// the filter per currency, saved views and CSV export. The page (rendered again on every URL change) reads
// the page of sales and its totals and renders them as HTML; the filters (a GET form) and the table's
// links work before JavaScript; islands only for the filters' instant apply and the saved views.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getCustomer } from "@/lib/customers/get-customer";
import { getDb } from "@/lib/db";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { listSales, salesContext, salesTotals } from "@/lib/sales";
import { salesTotalsForRole } from "@/lib/sales/financial-fields";
import { salesFilterOptions } from "@/lib/sales/filter-options";
import { lowDataForRequest } from "@/lib/pwa/low-data";
import { parseSalesView } from "@/lib/sales/schemas";
import { PAGE_SIZES } from "@/lib/sales/view-query";
import { today } from "@/lib/time";
import { SalesSavedViews } from "@/components/sales/sales-saved-views";
import { SalesTable } from "@/components/sales/sales-table";
import { SalesClient } from "./sales-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.sales"))("title") };
}

export default async function SalesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("sales:read");
  const t = await getTranslations();
  const db = await getDb();
  const ctx = await salesContext(db);
  // A bad value in the URL is cleared, not an error; the island (given the parsed view) says which.
  const query = await searchParams;
  const parsed = parseSalesView(query);
  // Low-data mode opens the table at its smallest page unless the URL asks for a size (docs/offline.md).
  const view = query.size === undefined && (await lowDataForRequest(db, member.id)) ? { ...parsed.view, size: PAGE_SIZES[0] } : parsed.view;
  const { cleared } = parsed;
  const [page, totals, options, customer] = await Promise.all([
    listSales(db, view, ctx),
    salesTotals(db, view, ctx),
    salesFilterOptions(db),
    view.customer ? getCustomer(db, view.customer) : null,
  ]);
  return (
    <>
      <PageHeader title={t("pages.sales.title")} description={t("pages.sales.description")} />
      <SalesClient
        view={view}
        cleared={cleared}
        options={options}
        today={today(ctx.timeZone)}
        customerName={customer ? (customer.name ?? customer.email) : null}
        basePath="/sales"
        results={
          <SalesTable
            view={view}
            page={page}
            totals={salesTotalsForRole(totals, member.role)}
            pathname="/sales"
            query={query}
            canExport={can(member.role, "export:csv")}
            toolbar={<SalesSavedViews basePath="/sales" cleared={cleared} />}
          />
        }
      />
    </>
  );
}
