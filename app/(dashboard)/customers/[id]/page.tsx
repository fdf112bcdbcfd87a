// A customer's page: how to reach them (phone, WhatsApp, e-mail), lifetime paid value per currency, first
// and last purchase, failed / abandoned attempts, and their purchases in the shared Sales table fixed on
// them — with the Sales filters once they have more than a few purchases (./customer-purchases.tsx).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CustomerContactCard } from "@/components/customers/customer-contact";
import { CustomerSummaryCard } from "@/components/sales/customer-summary";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getCustomerContact } from "@/lib/customers/contact";
import { getCustomer } from "@/lib/customers/get-customer";
import { getDb } from "@/lib/db";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { listSales, salesContext, salesTotals } from "@/lib/sales";
import { salesTotalsForRole } from "@/lib/sales/financial-fields";
import { salesFilterOptions } from "@/lib/sales/filter-options";
import { parseSalesView } from "@/lib/sales/schemas";
import { today } from "@/lib/time";
import { CustomerPurchases, customerSalesHaveFilters, purchasesQuery } from "./customer-purchases";

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
  const withFilters = customerSalesHaveFilters(customer.salesCount);
  const query = purchasesQuery(await searchParams, withFilters);
  const { view, cleared } = parseSalesView({ ...query, customer: id });
  const [page, totals, options, contact] = await Promise.all([
    listSales(db, view, ctx),
    salesTotals(db, view, ctx),
    withFilters ? salesFilterOptions(db) : { products: [], discounts: [], campaigns: [], currencies: [], countries: [] },
    getCustomerContact(db, id, customer.email),
  ]);
  return (
    <>
      <PageHeader title={customer.name ?? customer.email ?? t("title")} description={customer.name ? (customer.email ?? undefined) : undefined} />
      <div className="space-y-6">
        <CustomerContactCard contact={contact} />
        <CustomerSummaryCard customer={customer} />
        <CustomerPurchases
          customerId={id}
          salesCount={customer.salesCount}
          view={view}
          cleared={cleared}
          page={page}
          totals={salesTotalsForRole(totals, member.role)}
          options={options}
          today={today(ctx.timeZone)}
          query={query}
          canExport={can(member.role, "export:csv")}
        />
      </div>
    </>
  );
}
