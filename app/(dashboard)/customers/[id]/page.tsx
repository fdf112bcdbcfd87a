// A customer's page: lifetime paid value per currency, first and last purchase, failed / abandoned
// attempts, and their purchases in the shared Sales table (filters, sort, export) fixed on them.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CustomerSummaryCard } from "@/components/sales/customer-summary";
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
import { SalesTable } from "@/components/sales/sales-table";
import { SalesClient } from "../../sales/sales-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Customers"))("title") };
}

export default async function CustomerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("customers:read");
  const id = decodeURIComponent((await params).id);
  const t = await getTranslations("Customers");
  const db = await getDb();
  const customer = await getCustomer(db, id);
  if (!customer) notFound();
  const ctx = await salesContext(db);
  const query = await searchParams;
  const { view, cleared } = parseSalesView({ ...query, customer: id });
  const [page, totals, options] = await Promise.all([listSales(db, view, ctx), salesTotals(db, view, ctx), salesFilterOptions(db)]);
  return (
    <>
      <PageHeader title={customer.name ?? customer.email ?? t("title")} description={customer.name ? (customer.email ?? undefined) : undefined} />
      <div className="space-y-6">
        <CustomerSummaryCard customer={customer} />
        <section aria-label={t("purchases")} className="space-y-2">
          <h2 className="text-base font-semibold">{t("purchases")}</h2>
          <SalesClient
            view={view}
            cleared={cleared}
            options={options}
            today={today(ctx.timeZone)}
            fixedCustomer={id}
            basePath={`/customers/${encodeURIComponent(id)}`}
            results={
              <SalesTable
                view={view}
                page={page}
                totals={salesTotalsForRole(totals, member.role)}
                pathname={`/customers/${encodeURIComponent(id)}`}
                query={query}
                canExport={can(member.role, "export:csv")}
                fixedCustomer={id}
              />
            }
          />
        </section>
      </div>
    </>
  );
}
