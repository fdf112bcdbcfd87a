// In low-data mode (docs/offline.md) a chart's place holds this instead: a sentence and a link to the same
// page with `charts=1`, which renders it. A link, not a button: no JavaScript is needed to ask for a chart,
// none ships until then, and the table beside every chart already holds its figures.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

/** The URL query key that asks for the charts in low-data mode. */
export const SHOW_CHARTS_PARAM = "charts";

export function ChartOnRequest({ href }: { href: string }) {
  const t = useTranslations("Offline.lowData");
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md border border-dashed border-zinc-300 p-3 text-sm text-zinc-700 dark:border-zinc-700 dark:text-zinc-300" data-testid="chart-on-request">
      <p className="min-w-0 flex-1 basis-60">{t("chartHidden")}</p>
      <Link prefetch={false} href={href} className={buttonClass("secondary")}>
        {t("showChart")}
      </Link>
    </div>
  );
}
