// Shown while a dashboard page renders on the server.
import { useTranslations } from "next-intl";

export default function DashboardLoading() {
  const t = useTranslations();
  return (
    <div role="status" className="animate-pulse space-y-4">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-7 w-48 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-40 rounded-lg bg-zinc-200 dark:bg-zinc-800" />
    </div>
  );
}
