// The Sales page (DESIGN §3): the mirror's sales with every filter, sort and page in the URL, totals of
// the filter per currency, saved views and CSV export. The first page is read here on the server and
// handed to the client island under the same query key, so the table is in the HTML: the filters (a GET
// form) and the table's links work before JavaScript.
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
import { parseSalesView } from "@/lib/sales/schemas";
import { today } from "@/lib/time";
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
  const { view, cleared } = parseSalesView(await searchParams);
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
        initial={{ ...page, totals: salesTotalsForRole(totals, member.role) }}
        view={view}
        cleared={cleared}
        options={options}
        today={today(ctx.timeZone)}
        customerName={customer ? (customer.name ?? customer.email) : null}
        canExport={can(member.role, "export:csv")}
        basePath="/sales"
      />
    </>
  );
}
