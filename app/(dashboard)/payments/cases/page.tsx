// The "charged but sale failed" cases (issue 20, docs/payments.md "Case files"; cases:read, every role):
// the status filter as links with each status's count, the cases in the shared table (last changed first,
// one page of the URL), the CSV of the filter for roles that may export. Server-rendered: nothing here
// needs client JavaScript. A case is opened from a failed sale's page.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { readTableState } from "@/components/data-table/table-state";
import { CASES_PAGE_SIZES, CASES_TABLE_PREFIX, CasesTable } from "@/components/payment-cases/cases-table";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { CASE_FILTERS, caseFilterSchema, countCases, listCases } from "@/lib/payment-cases";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("PaymentCases"))("title") };
}

export default async function PaymentCasesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("cases:read");
  const t = await getTranslations("PaymentCases");
  const db = await getDb();
  const query = await searchParams;
  const status = caseFilterSchema.catch("all").parse(query.status);
  const state = readTableState(query, { sort: { column: "updated_at", dir: "desc" }, size: CASES_PAGE_SIZES[0] }, { prefix: CASES_TABLE_PREFIX, sizes: CASES_PAGE_SIZES });
  const [rows, counts] = await Promise.all([listCases(db, { status, limit: state.size + 1, offset: (state.page - 1) * state.size }), countCases(db)]);
  const total = counts.open + counts.sent + counts.resolved;
  const countOf = (f: (typeof CASE_FILTERS)[number]) => (f === "all" ? total : counts[f]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <nav aria-label={t("filters.label")} className="mb-4 flex flex-wrap gap-1" data-testid="case-status-filter">
          {CASE_FILTERS.map((f) => (
            <a key={f} href={f === "all" ? "/payments/cases" : `/payments/cases?status=${f}`} aria-current={f === status ? "true" : undefined} className={buttonClass(f === status ? "secondary" : "ghost", "text-xs")}>
              {t(`filters.${f}`, { count: countOf(f) })}
            </a>
          ))}
        </nav>
        <CasesTable
          rows={rows.slice(0, state.size).map((c) => ({ id: c.id, saleId: c.saleId, status: c.status, amountDebited: c.amountDebited, customer: c.sale.customerName ?? c.sale.customerEmail, operatorReference: c.operatorReference, updatedAt: c.updatedAt }))}
          url={{ pathname: "/payments/cases", query }}
          page={{ number: state.page, size: state.size, hasMore: rows.length > state.size }}
          exportHref={can(member.role, "export:csv") ? `/api/payment-cases/export.csv${status === "all" ? "" : `?status=${status}`}` : null}
          emptyMessage={status === "all" ? t("list.empty") : t("list.emptyFiltered")}
        />
      </Card>
    </>
  );
}
