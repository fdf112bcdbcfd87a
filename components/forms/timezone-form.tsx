// The store time zone picker (Settings): a select of the runtime's IANA zones and a save button.
// Presentational: the island passes the zones, the current value and what to do on submit. Options read
// as words ("Abidjan (GMT)") sorted by them, so typing a city's first letters in the select finds it;
// their values stay the IANA ids the API takes.
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { timeZoneLabel } from "@/lib/format/time-zone";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

type Props = { zones: string[]; value: string; disabled: boolean; pending: boolean; onSubmit: (timeZone: string) => void };

export function TimezoneForm({ zones, value, disabled, pending, onSubmit }: Props) {
  const t = useTranslations("settings");
  const locale = useLocale();
  const [choice, setChoice] = useState(value);
  const options = useMemo(() => zones.map((zone) => ({ zone, label: timeZoneLabel(zone, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)), [zones, locale]);
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(choice);
      }}
    >
      <div className="min-w-0 flex-1 basis-64 space-y-1">
        <label htmlFor="store-timezone" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {t("timezoneTitle")}
        </label>
        <select id="store-timezone" className={`${inputClass} min-h-11`} value={choice} disabled={disabled} onChange={(e) => setChoice(e.target.value)}>
          {options.map((o) => (
            <option key={o.zone} value={o.zone}>
              {o.label}
            </option>
          ))}
        </select>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("timezoneHelp")}</p>
      </div>
      {disabled ? null : (
        <Button type="submit" disabled={pending || choice === value} className="min-h-11">
          {t("timezoneSave")}
        </Button>
      )}
    </form>
  );
}
