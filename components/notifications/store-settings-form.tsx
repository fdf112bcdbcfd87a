// The store's alert rules and webhook (issue 19, Settings → "Alerts and webhook"; owners and admins): each
// alert's threshold, the monthly goal per currency (typed in major units: 1500000 XOF, 2500.50 EUR),
// new-sale batching, the cap per member per hour and the webhook URL. One plain form posting to a server
// action (lib/notifications/actions.ts); a refused field comes back named in the URL and is marked here.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";
import { saveStoreSettingsFromForm } from "@/lib/notifications/actions";

export type StoreSettingsFormValues = {
  failureSpike: { windowHours: number; baselineDays: number; minAttempts: number; risePoints: number };
  payoutOverdueDays: number;
  syncStaleMinutes: number;
  goals: { currency: string; amount: string }[];
  newSales: { enabled: boolean; batchMinutes: number };
  maxPerMemberPerHour: number;
  webhookUrl: string | null;
};

type Props = { values: StoreSettingsFormValues; canManage: boolean; saved: boolean; errorField: string | null };

function NumberField({ name, label, hint, value, min, max, errorField, disabled }: { name: string; label: string; hint?: string; value: number; min: number; max: number; errorField: string | null; disabled: boolean }) {
  const id = `alerts-${name.replace(/\./g, "-")}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input id={id} name={name} type="number" inputMode="numeric" min={min} max={max} step={1} defaultValue={value} required disabled={disabled} aria-invalid={errorField === name || undefined} aria-describedby={hint ? `${id}-hint` : undefined} className={inputClass} />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{legend}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

export function StoreSettingsForm({ values: v, canManage, saved, errorField }: Props) {
  const t = useTranslations("NotificationsPage.store");
  const off = !canManage;
  const goalRows = [...v.goals, { currency: "", amount: "" }];
  return (
    <form action={saveStoreSettingsFromForm} id="alerts-webhook" className="space-y-6" data-testid="store-notification-settings">
      <input type="hidden" name="returnTo" value="/settings" />
      {saved ? <Alert tone="info">{t("saved")}</Alert> : null}
      {errorField ? <Alert>{t("error", { field: errorField })}</Alert> : null}
      <Group legend={t("failureSpike.title")}>
        <NumberField name="failureSpike.windowHours" label={t("failureSpike.windowHours")} value={v.failureSpike.windowHours} min={1} max={24} errorField={errorField} disabled={off} />
        <NumberField name="failureSpike.baselineDays" label={t("failureSpike.baselineDays")} value={v.failureSpike.baselineDays} min={1} max={30} errorField={errorField} disabled={off} />
        <NumberField name="failureSpike.minAttempts" label={t("failureSpike.minAttempts")} hint={t("failureSpike.minAttemptsHint")} value={v.failureSpike.minAttempts} min={3} max={1000} errorField={errorField} disabled={off} />
        <NumberField name="failureSpike.risePoints" label={t("failureSpike.risePoints")} hint={t("failureSpike.risePointsHint")} value={v.failureSpike.risePoints} min={5} max={100} errorField={errorField} disabled={off} />
      </Group>
      <Group legend={t("thresholds")}>
        <NumberField name="payoutOverdueDays" label={t("payoutOverdueDays")} value={v.payoutOverdueDays} min={0} max={60} errorField={errorField} disabled={off} />
        <NumberField name="syncStaleMinutes" label={t("syncStaleMinutes")} value={v.syncStaleMinutes} min={15} max={1440} errorField={errorField} disabled={off} />
        <NumberField name="maxPerMemberPerHour" label={t("maxPerMemberPerHour")} hint={t("maxPerMemberPerHourHint")} value={v.maxPerMemberPerHour} min={1} max={100} errorField={errorField} disabled={off} />
      </Group>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{t("goals.title")}</legend>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("goals.hint")}</p>
        {goalRows.map((g, i) => (
          <div key={i} className="grid grid-cols-[6rem_1fr] gap-3">
            <div className="space-y-1">
              <label htmlFor={`goal-currency-${i}`} className={labelClass}>
                {t("goals.currency")}
              </label>
              <input id={`goal-currency-${i}`} name={`goals.${i}.currency`} defaultValue={g.currency} maxLength={3} autoCapitalize="characters" placeholder="XOF" disabled={off} aria-invalid={errorField === `goals.${i}.currency` || undefined} className={inputClass} />
            </div>
            <div className="space-y-1">
              <label htmlFor={`goal-amount-${i}`} className={labelClass}>
                {t("goals.amount")}
              </label>
              <input id={`goal-amount-${i}`} name={`goals.${i}.amount`} defaultValue={g.amount} inputMode="decimal" placeholder="1500000" disabled={off} aria-invalid={errorField === `goals.${i}.amount` || undefined} className={inputClass} />
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{t("newSales.title")}</legend>
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input type="checkbox" name="newSales.enabled" defaultChecked={v.newSales.enabled} disabled={off} className="size-5 accent-brand-600" />
          {t("newSales.enabled")}
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField name="newSales.batchMinutes" label={t("newSales.batchMinutes")} value={v.newSales.batchMinutes} min={5} max={1440} errorField={errorField} disabled={off} />
        </div>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="alerts-webhook-url" className={labelClass}>
          {t("webhookUrl")}
        </label>
        <input id="alerts-webhook-url" name="webhookUrl" type="url" inputMode="url" defaultValue={v.webhookUrl ?? ""} placeholder="https://" disabled={off} aria-invalid={errorField === "webhookUrl" || undefined} aria-describedby="alerts-webhook-url-hint" className={inputClass} />
        <p id="alerts-webhook-url-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
          {t("webhookUrlHint")}
        </p>
      </div>
      {canManage ? (
        <button type="submit" className={buttonClass("primary")}>
          {t("save")}
        </button>
      ) : null}
    </form>
  );
}
