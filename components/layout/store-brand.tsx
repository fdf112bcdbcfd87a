// The store's name at the top of the sidebar (or an honest "unknown"), with the demo badge when relevant.
import { Store } from "lucide-react";
import { useTranslations } from "next-intl";
import { DemoBadge } from "@/components/layout/demo-badge";

export function StoreBrand({ storeName, demo }: { storeName: string | null; demo: boolean }) {
  const t = useTranslations("app");
  return (
    <div className="space-y-2">
      <p className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{t("name")}</p>
      <p className="flex items-center gap-2 text-sm font-semibold" data-testid="store-name">
        <Store aria-hidden className="size-4 shrink-0 text-brand-600" />
        <span className={storeName ? "" : "italic text-zinc-500 dark:text-zinc-400"}>{storeName ?? t("storeNameUnknown")}</span>
      </p>
      {demo ? <DemoBadge /> : null}
    </div>
  );
}
