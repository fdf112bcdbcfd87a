// How much a page weighs on first load in each mode (issue 18): the figures bench/first-load.mjs
// --weights measured on the demo store and wrote to lib/pwa/page-weights.json, with their date. When the
// file holds no measure, says how to make one instead of showing a number nobody measured.
import { useFormatter, useTranslations } from "next-intl";
import { NAV_ITEMS } from "@/config/nav";
import weights from "@/lib/pwa/page-weights.json";

type Weights = { measuredAt: string | null; pages: Record<string, { normalKB: number; lowDataKB: number }> };

export function PageWeightsTable() {
  const t = useTranslations("Offline.lowData");
  const tNav = useTranslations("nav");
  const label = (path: string) => {
    const item = NAV_ITEMS.find((i) => i.href === path);
    return item ? tNav(item.key) : path;
  };
  const format = useFormatter();
  const { measuredAt, pages } = weights as Weights;
  const rows = Object.entries(pages);
  if (!measuredAt || rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("weightsNone")}</p>;
  const kb = (value: number) => t("weightKb", { kb: format.number(Math.round(value)) });
  return (
    <div className="space-y-2" data-testid="page-weights">
      <h3 className="text-sm font-semibold">{t("weightsTitle")}</h3>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-zinc-600 dark:text-zinc-400">
              <th scope="col" className="py-1 pr-3 font-medium">{t("weightsPage")}</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">{t("weightsNormal")}</th>
              <th scope="col" className="py-1 text-right font-medium">{t("weightsLow")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([path, w]) => (
              <tr key={path} className="border-t border-zinc-200 dark:border-zinc-800">
                <th scope="row" className="py-1 pr-3 text-left font-normal">{label(path)}</th>
                <td className="py-1 pr-3 text-right tabular-nums">{kb(w.normalKB)}</td>
                <td className="py-1 text-right tabular-nums">{kb(w.lowDataKB)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("weightsMeasured", { date: format.dateTime(new Date(measuredAt), { dateStyle: "long" }) })}</p>
    </div>
  );
}
