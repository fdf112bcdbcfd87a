// A lead's state in words: recovered (a link to the payment that recovered it, with its amount and day,
// and which rule recovered it when known: the exact link sent, or the same customer within the window),
// else the state a member gave it (to follow up, contacted, won, lost).
import Link from "next/link";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { CodeLabel } from "@/components/ui/code-label";
import { formatDateTime } from "@/lib/format/date-time";
import { formatMoney } from "@/lib/money";
import type { LeadRowView } from "./recovery-types";

export function LeadStateBadge({ state, recovered, recoveredBy }: Pick<LeadRowView, "state" | "recovered" | "recoveredBy">) {
  const t = useTranslations("Recovery");
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  if (recovered) {
    const amount = recovered.amount !== null && recovered.currency ? formatMoney({ minor: recovered.amount, currency: recovered.currency }, locale) : t("unknown");
    return (
      <Link
        prefetch={false}
        data-testid="lead-recovered"
        href={`/sales/${encodeURIComponent(recovered.saleId)}`}
        className="inline-flex min-h-11 items-center rounded px-2 text-xs text-emerald-800 underline dark:text-emerald-200"
      >
        {t("recovered", { amount, day: formatDateTime(recovered.paidAt, { locale, timeZone }, "date") })}
        {recoveredBy ? <span data-testid="lead-recovered-by" data-rule={recoveredBy}>{` · ${t(`recoveredBy.${recoveredBy}`)}`}</span> : null}
      </Link>
    );
  }
  return (
    <span data-testid="lead-state" data-state={state}>
      <CodeLabel kind="recoveryLeadState" code={state} />
    </span>
  );
}
