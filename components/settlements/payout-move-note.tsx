// "Moved from <day> to <day>" (issue 16): a payout whose sales Chariow moved there from other days
// (lib/settlements/payout-moves.ts). Every sale moved: the days it came from; only some: how many, and
// from which days. `compact` (a calendar cell): only where it came from. Days are calendar days in words.
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/format/date-time";
import type { PayoutMove } from "@/lib/settlements/payout-moves";

export function PayoutMoveNote({ move, salesCount, compact = false, className = "" }: { move: PayoutMove; salesCount: number; compact?: boolean; className?: string }) {
  const t = useTranslations("Settlements.moved");
  const locale = useLocale();
  const day = (d: string) => formatDateTime(d, { locale, timeZone: "UTC" }, "dayMonth");
  const from = new Intl.ListFormat(locale, { type: "conjunction" }).format(move.fromDays.map(day));
  const to = day(move.toDay);
  const text = compact ? t("short", { from }) : move.movedCount >= salesCount ? t("all", { from, to }) : t("some", { count: move.movedCount, from, to });
  return (
    <span data-testid="payout-moved" data-moved-from={move.fromDays.join(" ")} className={`block text-xs text-amber-800 dark:text-amber-200 ${className}`}>
      {text}
    </span>
  );
}
