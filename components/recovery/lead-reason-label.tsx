// Why a sale is a lead, in words: "Failed payment" over "Insufficient funds", "Abandoned cart" — the
// sale's status first, then the failure category when it says more (not for a plain abandoned cart or
// "other").
import { useTranslations } from "next-intl";
import { CodeLabel } from "@/components/ui/code-label";
import type { FailureCategory } from "@/lib/recovery/failure-category";
import type { LeadReason } from "@/lib/recovery/lead-states";

export function LeadReasonLabel({ reason, category }: { reason: LeadReason; category: FailureCategory }) {
  const t = useTranslations("Recovery");
  const detail = category !== "other" && category !== "abandoned";
  return (
    <span data-reason={reason}>
      {t(`reason.${reason}`)}
      {/* The category on its own line: the column stays narrow enough for the whole line to fit. */}
      {detail ? (
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">
          <span className="sr-only">, </span>
          <CodeLabel kind="failureCategory" code={category} />
        </span>
      ) : null}
    </span>
  );
}
