// The store's name at the top of the sidebar and of the phone's navigation sheet (or an honest "unknown").
// The demo badge is in the top bar, where it shows on a phone too.
import { Store } from "lucide-react";
import { useTranslations } from "next-intl";

export function StoreBrand({ storeName }: { storeName: string | null }) {
  const t = useTranslations("app");
  return (
    <div className="space-y-2">
      <p className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{t("name")}</p>
      <p className="flex items-center gap-2 text-sm font-semibold" data-testid="store-name">
        <Store aria-hidden className="size-4 shrink-0 text-brand-600" />
        <span className={storeName ? "" : "italic text-zinc-600 dark:text-zinc-400"}>{storeName ?? t("storeNameUnknown")}</span>
      </p>
    </div>
  );
}
