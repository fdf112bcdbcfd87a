"use client";
// The date range control of the analytics pages: preset, custom days, comparison and interval. Before
// JavaScript it is a plain GET form (Apply submits it; the page's currency rides along in a hidden field);
// once hydrated, changing a select applies it at once through the router (useAnalyticsParams), and the
// server page answers with the new figures. The page hands it the parameters it parsed from the URL (no
// zod in the browser). The custom days show only while "Custom" is chosen — by CSS
// (`:has`), so that works without JavaScript too. Days are the store's timezone's; the resolved range
// comes from the server.
import { useLocale, useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass, selectClass } from "@/components/ui/field";
import { COMPARE_MODES, INTERVALS, RANGE_PRESETS, autoInterval, type CompareMode, type Interval, type RangePreset } from "@/lib/analytics/date-range";
import type { OverviewRange } from "@/lib/analytics/schemas";
import { analyticsQueryString, type AnalyticsParams } from "@/lib/analytics/url-params";
import { formatDateTime } from "@/lib/format/date-time";
import { timeZoneLabel } from "@/lib/format/time-zone";
import { useAnalyticsParams } from "./use-analytics-params";

const LABEL = "flex min-w-0 flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400";

type Fields = { range: RangePreset; from: string; to: string; compare: CompareMode; interval: Interval | "" };

export function DateRangeControl({ resolved, params: urlParams }: { resolved: OverviewRange | null; params: AnalyticsParams }) {
  const t = useTranslations("Analytics.range");
  const pathname = usePathname();
  const { params, update, pending } = useAnalyticsParams(urlParams);
  const locale = useLocale();
  // Calendar days: shown as those very days, whatever the zone (lib/format/date-time.ts).
  const day = (value: string) => formatDateTime(value, { locale, timeZone: "UTC" }, "date");
  const fromUrl = (): Fields => ({
    range: params.range,
    from: params.from ?? resolved?.from ?? "",
    to: params.to ?? resolved?.to ?? "",
    compare: params.compare,
    interval: params.interval ?? "",
  });
  // The fields follow the URL (Back/Forward, a link) without being remounted, so the focused select
  // keeps the focus while the page for its new value arrives.
  const [fields, setFields] = useState(fromUrl);
  const urlKey = `${analyticsQueryString(params)}|${resolved?.from ?? ""}|${resolved?.to ?? ""}`;
  const [mirrored, setMirrored] = useState(urlKey);
  if (mirrored !== urlKey) {
    setMirrored(urlKey);
    setFields(fromUrl());
  }

  /** The fields, applied through the router (what the GET submission does, without a reload). */
  function apply(next: Fields) {
    setFields(next);
    const custom = next.range === "custom";
    update({ range: next.range, from: custom && next.from ? next.from : undefined, to: custom && next.to ? next.to : undefined, compare: next.compare, interval: next.interval || undefined });
  }

  return (
    <form
      method="get"
      action={pathname}
      onSubmit={(e) => {
        e.preventDefault();
        apply(fields);
      }}
      className="group/range grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap"
      data-testid="date-range-control"
      aria-busy={pending || undefined}
    >
      {params.currency ? <input type="hidden" name="currency" value={params.currency} /> : null}
      <label className={LABEL}>
        {t("label")}
        <select
          name="range"
          className={selectClass}
          value={fields.range}
          onChange={(e) => {
            const next = { ...fields, range: e.target.value as RangePreset };
            // "Custom" waits for its two days and Apply; any other preset applies at once.
            if (next.range === "custom") setFields(next);
            else apply(next);
          }}
          data-testid="range-preset"
        >
          {RANGE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`presets.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="col-span-2 hidden grid-cols-2 items-end gap-3 group-has-[option[value=custom]:checked]/range:grid sm:group-has-[option[value=custom]:checked]/range:flex" data-testid="range-custom">
        <label className={LABEL}>
          {t("from")}
          <input type="date" name="from" className={inputClass} value={fields.from} onChange={(e) => setFields({ ...fields, from: e.target.value })} min="2000-01-01" max="2099-12-31" data-testid="range-from" />
        </label>
        <label className={LABEL}>
          {t("to")}
          <input type="date" name="to" className={inputClass} value={fields.to} onChange={(e) => setFields({ ...fields, to: e.target.value })} min="2000-01-01" max="2099-12-31" data-testid="range-to" />
        </label>
      </div>
      <label className={LABEL}>
        {t("compare")}
        <select name="compare" className={selectClass} value={fields.compare} onChange={(e) => apply({ ...fields, compare: e.target.value as CompareMode })} data-testid="range-compare">
          {COMPARE_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`compareModes.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        {t("interval")}
        <select name="interval" className={selectClass} value={fields.interval} onChange={(e) => apply({ ...fields, interval: e.target.value as Interval | "" })} data-testid="range-interval">
          <option value="">{t("intervalAuto", { interval: t(`intervals.${resolved ? autoInterval(resolved) : "day"}`) })}</option>
          {INTERVALS.map((i) => (
            <option key={i} value={i}>
              {t(`intervals.${i}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass("primary")} data-testid="range-apply">
        {t("apply")}
      </button>
      {resolved ? (
        <p className="col-span-2 basis-full text-xs text-zinc-600 dark:text-zinc-400" data-testid="range-summary">
          {t("summary", { from: day(resolved.from), to: day(resolved.to), timeZone: timeZoneLabel(resolved.timeZone, locale) })}
          {resolved.compare ? ` · ${t("compareSummary", { from: day(resolved.compare.from), to: day(resolved.compare.to) })}` : ""}
        </p>
      ) : null}
    </form>
  );
}
