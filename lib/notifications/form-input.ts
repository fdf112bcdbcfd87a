// Plain HTML forms → the inputs the notification services take (issue 19): the member's preferences
// form and the store's "Alerts and webhook" form post FormData to server actions (no client JavaScript),
// and these turn the fields into the same objects the JSON API receives, so one zod schema checks both
// and its error names the same field. A number field that is not an integer stays text, so the schema
// refuses it by its name instead of it becoming NaN or 0.
import { ALERT_TOPICS } from "./preferences";

type Form = Pick<FormData, "get" | "getAll">;

const text = (form: Form, name: string): string => {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
};
const integerOrText = (form: Form, name: string): number | string => {
  const v = text(form, name);
  return /^-?\d{1,9}$/.test(v) ? Number(v) : v;
};
const checked = (form: Form, name: string) => form.get(name) === "on";

/** The preferences form: checkboxes (present = on), the hour and language, the alerts kept (unchecked = muted). */
export function preferencesFromForm(form: Form): Record<string, unknown> {
  const kept = new Set(form.getAll("alerts").map(String));
  return {
    daily: checked(form, "daily"),
    weekly: checked(form, "weekly"),
    hour: integerOrText(form, "hour"),
    locale: text(form, "locale"),
    email: checked(form, "email"),
    alertEmail: checked(form, "alertEmail"),
    push: checked(form, "push"),
    muted: ALERT_TOPICS.filter((topic) => !kept.has(topic)),
  };
}

/** How many goal rows the store form offers (the stored ones plus one empty). */
export const MAX_GOAL_ROWS = 20;

/** The store settings form: dotted field names ("failureSpike.windowHours", "goals.0.amount"). */
export function storeSettingsFromForm(form: Form): Record<string, unknown> {
  const goals: { currency: string; amount: string }[] = [];
  for (let i = 0; i < MAX_GOAL_ROWS; i++) {
    const currency = text(form, `goals.${i}.currency`).toUpperCase();
    const amount = text(form, `goals.${i}.amount`);
    // A row left empty is no goal; a half-filled one goes to the schema, which names the empty half.
    if (currency || amount) goals.push({ currency, amount });
  }
  const url = text(form, "webhookUrl");
  return {
    failureSpike: {
      windowHours: integerOrText(form, "failureSpike.windowHours"),
      baselineDays: integerOrText(form, "failureSpike.baselineDays"),
      minAttempts: integerOrText(form, "failureSpike.minAttempts"),
      risePoints: integerOrText(form, "failureSpike.risePoints"),
    },
    payoutOverdueDays: integerOrText(form, "payoutOverdueDays"),
    syncStaleMinutes: integerOrText(form, "syncStaleMinutes"),
    goals,
    newSales: { enabled: checked(form, "newSales.enabled"), batchMinutes: integerOrText(form, "newSales.batchMinutes") },
    maxPerMemberPerHour: integerOrText(form, "maxPerMemberPerHour"),
    webhookUrl: url === "" ? null : url,
  };
}
