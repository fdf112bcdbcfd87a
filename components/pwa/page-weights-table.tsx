// How much a page weighs on first load in each mode (issue 18): the figures bench/first-load.mjs
// --weights measured on the demo store and wrote to lib/pwa/page-weights.json, with their date, in the
// shared table (a static one: no sort, no pages). When the file holds no measure, says how to make one
// instead of showing a number nobody measured.
import { useFormatter, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { NAV_ITEMS } from "@/config/nav";
import weights from "@/lib/pwa/page-weights.json";

type Weights = { measuredAt: string | null; pages: Record<string, { normalKB: number; lowDataKB: number }> };
type Row = { path: string; normalKB: number; lowDataKB: number };

export function PageWeightsTable() {
  const t = useTranslations("Offline.lowData");
  const tNav = useTranslations("nav");
  const format = useFormatter();
  const { measuredAt, pages } = weights as Weights;
  const rows: Row[] = Object.entries(pages).map(([path, w]) => ({ path, ...w }));
  if (!measuredAt || rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("weightsNone")}</p>;
  const label = (path: string) => {
    const item = NAV_ITEMS.find((i) => i.href === path);
    return item ? tNav(item.key) : path;
  };
  const kb = (value: number) => t("weightKb", { kb: format.number(Math.round(value)) });
  const columns: Column<Row>[] = [
    { id: "page", header: t("weightsPage"), alwaysVisible: true, card: "title", cell: (r) => label(r.path) },
    { id: "normal", header: t("weightsNormal"), align: "right", cell: (r) => <span className="tabular-nums">{kb(r.normalKB)}</span> },
    { id: "lowData", header: t("weightsLow"), align: "right", cell: (r) => <span className="tabular-nums">{kb(r.lowDataKB)}</span> },
  ];
  return (
    <div className="space-y-2" data-testid="page-weights">
      <DataTable label={t("weightsTitle")} caption columns={columns} rows={rows} rowKey={(r) => r.path} />
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("weightsMeasured", { date: format.dateTime(new Date(measuredAt), { dateStyle: "long" }) })}</p>
    </div>
  );
}
