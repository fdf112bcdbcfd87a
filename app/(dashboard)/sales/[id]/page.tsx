// The sale detail page: GET /sales/{id} live at interactive priority (signed links must be fresh), the
// mirror with a notice when Chariow cannot answer, and the customer's other purchases from the mirror.
// Fees, net, settlement and payout date only for roles with settlements:read (lib/sales/financial-fields.ts).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ExternalLink } from "lucide-react";
import { SaleCasePanel } from "@/components/payment-cases/sale-case-panel";
import { RecoveredLeadsNotice } from "@/components/recovery/recovered-leads-notice";
import { SaleDetail } from "@/components/sales/sale-detail";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format/date-time";
import { currentLocale } from "@/lib/i18n/request";
import { formatMoney } from "@/lib/money";
import { saleCasePanelProps } from "@/lib/payment-cases/sale-panel";
import { leadsRecoveredBy } from "@/lib/recovery";
import { getSaleDetail, listSales, salesContext } from "@/lib/sales";
import { chariowSaleUrl } from "@/lib/sales/chariow-links";
import { saleDetailForRole, seesFinancials } from "@/lib/sales/financial-fields";
import { salesViewSchema } from "@/lib/sales/schemas";
import { getChariowClient } from "@/lib/store/chariow-connection";

const OTHER_PURCHASES = 10;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: (await getTranslations("SaleDetail"))("title", { id: decodeURIComponent(id) }) };
}

export default async function SaleDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requirePermission("sales:read");
  const id = decodeURIComponent((await params).id);
  const t = await getTranslations("SaleDetail");
  const tr = await getTranslations("Recovery.saleDetail");
  const locale = await currentLocale();
  const db = await getDb();
  const ctx = await salesContext(db);
  const detail = await getSaleDetail(db, id, { client: getChariowClient(), timeZone: ctx.timeZone });
  if (!detail) notFound();
  const customerId = detail.sale.customer?.id;
  const others = customerId
    ? (await listSales(db, salesViewSchema.parse({ customer: customerId, size: 25 }), ctx)).sales.filter((s) => s.id !== id).slice(0, OTHER_PURCHASES)
    : [];
  // The reverse of the worklist's link: the failed or abandoned sales this payment recovered.
  const recovered = (await leadsRecoveredBy(db, id)).map((l) => ({
    saleId: l.saleId,
    label: tr("lead", {
      status: l.status === "abandoned" ? tr("abandoned") : tr("failed"),
      day: formatDateTime(l.at, { locale, timeZone: ctx.timeZone }, "date"),
      amount: l.amount !== null && l.currency ? formatMoney({ minor: l.amount, currency: l.currency }, locale) : tr("unknownAmount"),
    }),
  }));
  // A failed sale: the customer may have been charged anyway (issue 20, docs/payments.md "Case files").
  const casePanel = detail.sale.status === "failed" && can(member.role, "cases:read") ? await saleCasePanelProps(db, detail.sale, { canWrite: can(member.role, "cases:write"), timeZone: ctx.timeZone }) : null;
  return (
    <>
      <PageHeader
        title={t("title", { id })}
        description={detail.source === "live" ? t("liveSource") : t("mirrorSource")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link prefetch={false} href="/sales" className={buttonClass("secondary")}>
              {t("back")}
            </Link>
            <a href={chariowSaleUrl(id)} target="_blank" rel="noreferrer noopener" className={buttonClass("secondary")} data-testid="open-in-chariow">
              {t("openInChariow")} <ExternalLink aria-hidden className="size-4" />
            </a>
          </div>
        }
      />
      <div className="space-y-4" data-testid="sale-detail" data-source={detail.source}>
        {detail.notice ? (
          <div data-testid="sale-notice">
            <Alert tone="info">{t(`notice.${detail.notice}`)}</Alert>
          </div>
        ) : null}
        <RecoveredLeadsNotice title={tr("title", { count: recovered.length })} leads={recovered} />
        {casePanel ? <SaleCasePanel {...casePanel} /> : null}
        <SaleDetail sale={saleDetailForRole(detail.sale, member.role)} showFinancials={seesFinancials(member.role)} otherPurchases={others} />
      </div>
    </>
  );
}
