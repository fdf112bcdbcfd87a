// A payout's (or one sale's) state in words: paid out on its day, due, or overdue — the colour says it at
// a glance, the words say it to everyone (Codes.payoutStatus, lib/format/codes.ts; "Versé le 4 déc." with
// its day). `data-payout-status` keeps the code for tests and styles.
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { formatDateTime } from "@/lib/format/date-time";
import type { PayoutStatus as Status } from "@/lib/settlements/group-settlements";

/** Each state's colours (the calendar's payouts use them too). */
export const PAYOUT_TONE: Record<Status, string> = {
  settled: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200",
  due: "bg-sky-100 text-sky-800 dark:bg-sky-900/40 dark:text-sky-200",
  overdue: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-200",
};

/** `doneAt`: when it was paid out (settled only), shown as a day in the store's time zone. */
export function PayoutStatus({ status, doneAt }: { status: Status; doneAt: string | null }) {
  const t = useTranslations("Settlements.status");
  const codeLabel = useCodeLabel();
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  const words = status === "settled" && doneAt ? t("settledOn", { day: formatDateTime(doneAt, { locale, timeZone }, "date") }) : codeLabel("payoutStatus", status);
  return (
    <span data-payout-status={status} className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${PAYOUT_TONE[status]}`}>
      {words}
    </span>
  );
}
