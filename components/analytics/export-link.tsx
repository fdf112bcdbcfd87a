"use client";
// "Export CSV" for one Revenue table: the format (French Excel or standard, defaulting by language) and
// a download link to the export route with the page's range and currency.
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

type Preset = "excel-fr" | "standard";

export function ExportLink({ href, testId }: { href: string; testId: string }) {
  const t = useTranslations("Analytics.breakdowns");
  const locale = useLocale();
  const [preset, setPreset] = useState<Preset>(locale === "fr" ? "excel-fr" : "standard");
  return (
    <div className="flex items-center gap-2 text-sm">
      <label className="sr-only" htmlFor={`${testId}-preset`}>{t("exportPreset")}</label>
      <select id={`${testId}-preset`} value={preset} onChange={(e) => setPreset(e.target.value as Preset)} className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-900">
        <option value="excel-fr">{t("presets.excel-fr")}</option>
        <option value="standard">{t("presets.standard")}</option>
      </select>
      <a href={`${href}&preset=${preset}`} download data-testid={testId} className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
        {t("export")}
      </a>
    </div>
  );
}
