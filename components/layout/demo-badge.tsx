// The badge that makes demo mode impossible to mistake for a real store.
import { FlaskConical } from "lucide-react";
import { useTranslations } from "next-intl";

export function DemoBadge() {
  const t = useTranslations("app");
  return (
    <span
      data-testid="demo-badge"
      className="inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-800 dark:bg-amber-900/60 dark:text-amber-200"
    >
      <FlaskConical aria-hidden className="size-3" />
      {t("demoBadge")}
    </span>
  );
}
