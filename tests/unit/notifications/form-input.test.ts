// The notification forms' fields → the inputs the services check (lib/notifications/form-input.ts): an
// unchecked alert is a muted one, an absent checkbox is off, a number field that is not an integer stays
// text so the schema refuses it by its own name, empty goal rows are no goal, and the stored push choice
// is kept (the form does not offer it).
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { preferencesFromForm, storeSettingsFromForm } = await import("@/lib/notifications/form-input");
const { notificationPreferencesSchema } = await import("@/lib/notifications/preferences");
const { storeSettingsInputSchema } = await import("@/lib/notifications/store-settings-service");

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("notification forms", () => {
  it("preferences: checked boxes on, the rest off; alerts not kept are muted", () => {
    const parsed = notificationPreferencesSchema.strict().parse(
      preferencesFromForm(form([["weekly", "on"], ["hour", "19"], ["locale", "en"], ["alertEmail", "on"], ["push", "on"], ["alerts", "failure_spike"], ["alerts", "payout_overdue"]])),
    );
    expect(parsed).toEqual({ daily: false, weekly: true, hour: 19, locale: "en", email: false, alertEmail: true, push: true, muted: ["pulse_disabled", "pulse_failing", "sync_stale", "goal_reached", "goal_off_pace", "new_sales"] });
  });

  it("preferences: a bad hour is refused by its name", () => {
    for (const hour of ["abc", "7.5", "", "24"]) {
      const result = notificationPreferencesSchema.strict().safeParse(preferencesFromForm(form([["hour", hour], ["locale", "fr"]])));
      expect(result.success, hour).toBe(false);
      expect(result.error!.issues[0]!.path, hour).toEqual(["hour"]);
    }
  });

  it("store settings: dotted names, goals without empty rows (currency upper-cased), an empty URL is none", () => {
    const fields: [string, string][] = [
      ["failureSpike.windowHours", "3"],
      ["failureSpike.baselineDays", "7"],
      ["failureSpike.minAttempts", "10"],
      ["failureSpike.risePoints", "20"],
      ["payoutOverdueDays", "2"],
      ["syncStaleMinutes", "60"],
      ["goals.0.currency", "xof"],
      ["goals.0.amount", "1500000"],
      ["goals.1.currency", ""],
      ["goals.1.amount", ""],
      ["goals.2.currency", "EUR"],
      ["goals.2.amount", "2500,50"],
      ["newSales.batchMinutes", "60"],
      ["maxPerMemberPerHour", "10"],
      ["webhookUrl", " "],
    ];
    expect(storeSettingsInputSchema.parse(storeSettingsFromForm(form(fields)))).toEqual({
      failureSpike: { windowHours: 3, baselineDays: 7, minAttempts: 10, risePoints: 20 },
      payoutOverdueDays: 2,
      syncStaleMinutes: 60,
      goals: [
        { currency: "XOF", amount: "1500000" },
        { currency: "EUR", amount: "2500,50" },
      ],
      newSales: { enabled: false, batchMinutes: 60 },
      maxPerMemberPerHour: 10,
      webhookUrl: null,
    });
    const bad = storeSettingsInputSchema.safeParse(storeSettingsFromForm(form(fields.map(([k, v]) => [k, k === "syncStaleMinutes" ? "soon" : v]))));
    expect(bad.error!.issues[0]!.path).toEqual(["syncStaleMinutes"]);
    const half = storeSettingsInputSchema.safeParse(storeSettingsFromForm(form([...fields, ["goals.3.amount", "10"]])));
    expect(half.error!.issues[0]!.path).toEqual(["goals", 2, "currency"]);
  });
});
