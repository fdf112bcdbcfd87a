// One "charged but sale failed" case (issue 20, docs/payments.md "Case files"; cases:read): the failed
// sale's facts as copied at opening (with a link back to the sale), what the operator says, the status
// and the moves allowed from it, the two summary downloads for Chariow's support, the edit form
// (cases:write) and the case's history from the audit log.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CaseAuditTable } from "@/components/payment-cases/case-audit-table";
import { CaseFieldsForm } from "@/components/payment-cases/case-fields-form";
import { CaseStatusActions } from "@/components/payment-cases/case-status-actions";
import { CaseFacts } from "@/components/payment-cases/case-facts";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { codeLabel } from "@/lib/format/codes";
import { CASE_MOVES, caseAuditTrail, getCase } from "@/lib/payment-cases";
import { toMajorString } from "@/lib/money";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { today } from "@/lib/time";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: (await getTranslations("PaymentCases.detail"))("title", { id: decodeURIComponent(id) }) };
}

export default async function PaymentCasePage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requirePermission("cases:read");
  const id = decodeURIComponent((await params).id);
  const db = await getDb();
  const found = await getCase(db, id);
  if (!found) notFound();
  const [t, tCodes, audit, timeZone] = await Promise.all([getTranslations("PaymentCases.detail"), getTranslations("Codes"), caseAuditTrail(db, id), getStoreTimeZone(db)]);
  const canWrite = can(member.role, "cases:write");
  const currencies = [...new Set([found.amountDebited.currency, found.sale.amount?.currency].filter((c): c is string => Boolean(c)))];
  const base = `/api/payment-cases/${encodeURIComponent(found.id)}`;
  return (
    <>
      <PageHeader
        title={t("title", { id: found.id })}
        description={t("description", { saleId: found.saleId, status: codeLabel((k) => tCodes(k), "paymentCaseStatus", found.status) })}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link prefetch={false} href="/payments/cases" className={buttonClass("secondary")}>
              {t("back")}
            </Link>
            <Link prefetch={false} href={`/sales/${encodeURIComponent(found.saleId)}`} className={buttonClass("secondary")} data-testid="case-sale-link">
              {t("backToSale")}
            </Link>
          </div>
        }
      />
      <div className="space-y-4" data-testid="payment-case" data-status={found.status}>
        <Card title={t("status")} testId="case-status-card">
          <p className="mb-3 text-sm font-medium" data-testid="case-status">
            {codeLabel((k) => tCodes(k), "paymentCaseStatus", found.status)}
          </p>
          {canWrite ? <CaseStatusActions caseId={found.id} status={found.status} moves={CASE_MOVES[found.status]} /> : null}
        </Card>
        <Card title={t("summaries")} testId="case-summaries">
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t("summariesHint")}</p>
          <div className="flex flex-wrap gap-2">
            <a href={`${base}/summary.txt`} download className={buttonClass("secondary")} data-testid="case-summary-text">
              {t("summaryText")}
            </a>
            <a href={`${base}/summary.pdf`} download className={buttonClass("secondary")} data-testid="case-summary-pdf">
              {t("summaryPdf")}
            </a>
          </div>
        </Card>
        <CaseFacts value={found} />
        {canWrite ? (
          <Card title={t("edit")} testId="case-edit">
            <details>
              <summary className={buttonClass("secondary", "cursor-pointer list-none")}>{t("edit")}</summary>
              <div className="mt-4">
                <CaseFieldsForm
                  mode={{ kind: "edit", caseId: found.id }}
                  initial={{
                    operatorReference: found.operatorReference ?? "",
                    smsText: found.smsText ?? "",
                    amountDebited: toMajorString(found.amountDebited),
                    currency: found.amountDebited.currency,
                    debitedOn: found.debitedOn,
                    debitedTime: found.debitedTime ?? "",
                    note: found.note ?? "",
                  }}
                  currencies={currencies}
                  maxDay={today(timeZone)}
                />
              </div>
            </details>
          </Card>
        ) : null}
        <Card title={t("audit")}>
          <CaseAuditTable rows={audit.map((a) => ({ id: a.id, at: a.at, actorEmail: a.actorEmail, action: a.action, details: a.details }))} />
        </Card>
      </div>
    </>
  );
}
