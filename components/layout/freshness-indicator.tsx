// The data-freshness slot of the shell. The sync (a later issue) will feed `lastSyncedAt`; until it
// exists the slot says plainly that nothing has been synced.
import { RefreshCw } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";

export function FreshnessIndicator({ lastSyncedAt }: { lastSyncedAt: string | null }) {
  const t = useTranslations("freshness");
  const format = useFormatter();
  return (
    <p data-testid="freshness" className="flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
      <RefreshCw aria-hidden className="size-3.5" />
      {lastSyncedAt ? t("lastSynced", { when: format.relativeTime(new Date(lastSyncedAt)) }) : t("noSyncYet")}
    </p>
  );
}
