// On a failed sale's page: "customer charged but the sale failed?" — the sale's case when one is not
// resolved yet (a link to it), or the form that opens one (members with cases:write). Server component;
// the form is a client island.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { CaseFieldsForm, type CaseFormValues } from "./case-fields-form";

type Props = {
  saleId: string;
  existing: { id: string; status: string } | null;
  resolvedCount: number;
  /** Null when the member may not open a case. */
  form: { initial: CaseFormValues; currencies: string[]; maxDay: string } | null;
};

export function SaleCasePanel({ saleId, existing, resolvedCount, form }: Props) {
  const t = useTranslations("PaymentCases.saleDetail");
  const codeLabel = useCodeLabel();
  return (
    <Card title={t("title")} testId="sale-case-panel">
      <div className="space-y-3 text-sm">
        {existing ? (
          <p className="flex flex-wrap items-center gap-x-3">
            <span>{t("existing", { status: codeLabel("paymentCaseStatus", existing.status) })}</span>
            <Link href={`/payments/cases/${encodeURIComponent(existing.id)}`} className={buttonClass("secondary")} data-testid="sale-case-link">
              {t("viewCase")}
            </Link>
          </p>
        ) : (
          <>
            <p className="text-zinc-700 dark:text-zinc-300">{t("intro")}</p>
            {form ? (
              <details className="group" data-testid="open-case">
                <summary className={buttonClass("primary", "cursor-pointer list-none group-open:mb-4")}>{t("openCase")}</summary>
                <CaseFieldsForm mode={{ kind: "open", saleId }} initial={form.initial} currencies={form.currencies} maxDay={form.maxDay} />
              </details>
            ) : null}
          </>
        )}
        {resolvedCount > 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">
            {t("pastCases", { count: resolvedCount })}{" "}
            <Link href="/payments/cases?status=resolved" className="inline-flex min-h-11 items-center underline">
              {t("viewAll")}
            </Link>
          </p>
        ) : null}
      </div>
    </Card>
  );
}
