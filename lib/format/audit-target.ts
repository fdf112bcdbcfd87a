// The target of an audit entry in words (the Team page's audit table). Most targets are already what a
// member reads — an e-mail, a sale or licence id — and are shown as written; the rest are keys some
// writers record: a setting's key ("recovery.window_days"), the list or table an export came from
// ("revenue.payment_method", "not-accessed"), a payout's currency and due day ("XOF:2026-03-15"), a
// time zone ("Africa/Lagos"). Those get words here, from the `audit.targets` messages. Safe on the
// client and the server.
import { REVENUE_TABLES } from "@/lib/analytics/query-schemas";
import { DOWNLOAD_LISTS } from "@/lib/downloads/schemas";
import { formatDateTime, type DateTimeContext } from "@/lib/format/date-time";
import { timeZoneLabel } from "@/lib/format/time-zone";

/** next-intl's translator of namespace `audit.targets`, or the part of it used here. */
export type AuditTargetTranslator = (key: string, values?: Record<string, string>) => string;

/** Setting keys written as targets (lib/recovery/attribution-window.ts, lib/recovery/templates.ts). */
const SETTING_KEYS: Record<string, string> = { "recovery.window_days": "recoveryWindow", "recovery.templates": "recoveryTemplates" };

/** Exports whose target only repeats the action's own resource ("Ventes exportées" · "sales"). */
const SAME_AS_ACTION: Record<string, string> = { "sales.export": "sales", "licences.export": "licences", "orders.export": "orders", "recovery.export": "recovery" };

const DOWNLOAD_LIST_KEYS: Record<(typeof DOWNLOAD_LISTS)[number], string> = { sales: "sales", "not-accessed": "notAccessed", unusual: "unusual", engagement: "engagement" };

const PAYOUT = /^([A-Z]{3}):(\d{4}-\d{2}-\d{2})$/;

/** What an entry of `action` was about, in words; "" when there is nothing to say beyond the action. */
export function auditTargetWords(t: AuditTargetTranslator, entry: { action: string; target: string | null }, context: DateTimeContext): string {
  const { action, target } = entry;
  if (target === null || target === "") return "";
  if (SAME_AS_ACTION[action] === target) return "";
  if (SETTING_KEYS[target]) return t(SETTING_KEYS[target]);
  if (action === "settings.timezone_changed") return timeZoneLabel(target, context.locale);
  if (action === "settlements.export") {
    const payout = PAYOUT.exec(target);
    if (payout) return t("payout", { currency: payout[1], day: formatDateTime(payout[2], context, "date") });
  }
  if (action === "analytics.export" && target.startsWith("revenue.")) {
    const table = target.slice("revenue.".length);
    if ((REVENUE_TABLES as readonly string[]).includes(table)) return t(`revenue.${table}`);
  }
  if (action === "downloads.export" && target in DOWNLOAD_LIST_KEYS) return t(`downloadList.${DOWNLOAD_LIST_KEYS[target as keyof typeof DOWNLOAD_LIST_KEYS]}`);
  if (action === "sales.export" && target.startsWith("customer:")) return t("customer", { customer: target.slice("customer:".length) });
  return target;
}
