// A member's notification preferences (issue 19): the digests and their hour, the language, e-mail for the
// digests and for alerts, and which alerts they get — one plain form posting to a server action
// (lib/notifications/actions.ts), so it works before any script. On Settings and on /notifications.
// Checkboxes and the submit button are 44 px touch targets; it stacks in one column on a phone.
import { useTranslations } from "next-intl";
import { PushSubscribe } from "@/components/notifications/push-subscribe";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { labelClass, selectClass } from "@/components/ui/field";
import { savePreferencesFromForm } from "@/lib/notifications/actions";

type Preferences = { daily: boolean; weekly: boolean; hour: number; locale: string; email: boolean; alertEmail: boolean; push: boolean; muted: readonly string[] };

type Props = {
  preferences: Preferences;
  topics: readonly string[];
  locales: readonly string[];
  emailConfigured: boolean;
  /** Where the form comes back to (the page it is on). */
  returnTo: string;
  /** `?notifications=saved` / `?notifications_error=<field>` of the page's URL. */
  saved: boolean;
  errorField: string | null;
  /** The digest preview, for members who may read the figures. */
  previewHref: string | null;
};

const CHECK_ROW = "flex min-h-11 items-center gap-3 text-sm text-zinc-800 dark:text-zinc-200";
const CHECKBOX = "size-5 shrink-0 accent-brand-600";

export function NotificationPreferencesForm({ preferences: p, topics, locales, emailConfigured, returnTo, saved, errorField, previewHref }: Props) {
  const t = useTranslations("NotificationsPage.preferences");
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <form action={savePreferencesFromForm} id="notification-preferences" className="space-y-5" data-testid="notification-preferences">
      <input type="hidden" name="returnTo" value={returnTo} />
      {saved ? <Alert tone="info">{t("saved")}</Alert> : null}
      {errorField ? <Alert>{t("error", { field: errorField })}</Alert> : null}
      {!emailConfigured ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="smtp-missing">
          {t("smtpMissing")}
        </p>
      ) : null}
      <fieldset className="space-y-1">
        <legend className={labelClass}>{t("digests")}</legend>
        <label className={CHECK_ROW}>
          <input type="checkbox" name="daily" defaultChecked={p.daily} className={CHECKBOX} />
          {t("daily")}
        </label>
        <label className={CHECK_ROW}>
          <input type="checkbox" name="weekly" defaultChecked={p.weekly} className={CHECKBOX} />
          {t("weekly")}
        </label>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="notification-hour" className={labelClass}>
            {t("hour")}
          </label>
          <select id="notification-hour" name="hour" defaultValue={String(p.hour)} className={selectClass} aria-describedby="notification-hour-hint" aria-invalid={errorField === "hour" || undefined}>
            {hours.map((h) => (
              <option key={h} value={h}>
                {t("hourOption", { hour: h })}
              </option>
            ))}
          </select>
          <p id="notification-hour-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
            {t("hourHint")}
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor="notification-locale" className={labelClass}>
            {t("language")}
          </label>
          <select id="notification-locale" name="locale" defaultValue={p.locale} className={selectClass} aria-invalid={errorField === "locale" || undefined}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="space-y-1">
        <legend className={labelClass}>{t("channels")}</legend>
        <label className={CHECK_ROW}>
          <input type="checkbox" name="email" defaultChecked={p.email} className={CHECKBOX} />
          {t("email")}
        </label>
        <label className={CHECK_ROW}>
          <input type="checkbox" name="alertEmail" defaultChecked={p.alertEmail} className={CHECKBOX} />
          {t("alertEmail")}
        </label>
        <label className={CHECK_ROW}>
          <input type="checkbox" name="push" defaultChecked={p.push} className={CHECKBOX} />
          {t("push")}
        </label>
        <PushSubscribe />
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("inAppAlways")}</p>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className={labelClass}>{t("alerts")}</legend>
        {topics.map((topic) => (
          <label key={topic} className={CHECK_ROW}>
            <input type="checkbox" name="alerts" value={topic} defaultChecked={!p.muted.includes(topic)} className={CHECKBOX} />
            {t(`topics.${topic}`)}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass("primary")}>
          {t("save")}
        </button>
        {previewHref ? (
          <a href={previewHref} className={buttonClass("ghost")}>
            {t("preview")}
          </a>
        ) : null}
      </div>
    </form>
  );
}
