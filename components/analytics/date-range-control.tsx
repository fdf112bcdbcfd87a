"use client";
// The date range control of every analytics page: preset, custom days, comparison and interval, all in
// the URL (useAnalyticsParams). Days are the store's timezone's; the resolved range comes from the server.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { COMPARE_MODES, INTERVALS, RANGE_PRESETS, autoInterval, type CompareMode, type Interval, type RangePreset } from "@/lib/analytics/date-range";
import type { OverviewRange } from "@/lib/analytics/schemas";
import { useAnalyticsParams } from "./use-analytics-params";

const SELECT = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export function DateRangeControl({ resolved }: { resolved: OverviewRange | null }) {
  const t = useTranslations("Analytics.range");
  const [params, update] = useAnalyticsParams();
  const [custom, setCustom] = useState({ from: params.from ?? resolved?.from ?? "", to: params.to ?? resolved?.to ?? "" });
  const [showCustom, setShowCustom] = useState(params.range === "custom");

  function choosePreset(value: RangePreset) {
    if (value === "custom") {
      setShowCustom(true);
      setCustom({ from: resolved?.from ?? "", to: resolved?.to ?? "" });
      return;
    }
    setShowCustom(false);
    update({ range: value });
  }

  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="date-range-control">
      <label className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
        {t("label")}
        <select className={SELECT} value={showCustom ? "custom" : params.range} onChange={(e) => choosePreset(e.target.value as RangePreset)} data-testid="range-preset">
          {RANGE_PRESETS.map((p) => (
            <option key={p} value={p}>{t(`presets.${p}`)}</option>
          ))}
        </select>
      </label>
      {showCustom ? (
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (custom.from && custom.to && custom.from <= custom.to) update({ range: "custom", from: custom.from, to: custom.to });
          }}
        >
          <label className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
            {t("from")}
            <input type="date" className={SELECT} value={custom.from} max={custom.to || undefined} onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))} required />
          </label>
          <label className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
            {t("to")}
            <input type="date" className={SELECT} value={custom.to} min={custom.from || undefined} onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))} required />
          </label>
          <button type="submit" className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm text-white dark:bg-zinc-100 dark:text-zinc-900">{t("apply")}</button>
        </form>
      ) : null}
      <label className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
        {t("compare")}
        <select
          className={SELECT}
          value={params.compare}
          disabled={params.range === "all"}
          onChange={(e) => update({ compare: e.target.value as CompareMode })}
          data-testid="range-compare"
        >
          {COMPARE_MODES.map((m) => (
            <option key={m} value={m}>{t(`compareModes.${m}`)}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
        {t("interval")}
        <select
          className={SELECT}
          value={params.interval ?? "auto"}
          onChange={(e) => update({ interval: e.target.value === "auto" ? undefined : (e.target.value as Interval) })}
          data-testid="range-interval"
        >
          <option value="auto">{t("intervalAuto", { interval: t(`intervals.${resolved ? autoInterval(resolved) : "day"}`) })}</option>
          {INTERVALS.map((i) => (
            <option key={i} value={i}>{t(`intervals.${i}`)}</option>
          ))}
        </select>
      </label>
      {resolved ? (
        <p className="basis-full text-xs text-zinc-600 dark:text-zinc-400" data-testid="range-summary">
          {t("summary", { from: resolved.from, to: resolved.to, timeZone: resolved.timeZone })}
          {resolved.compare ? ` · ${t("compareSummary", { from: resolved.compare.from, to: resolved.compare.to })}` : ""}
        </p>
      ) : null}
    </div>
  );
}
