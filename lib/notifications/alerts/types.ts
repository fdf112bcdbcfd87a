// What an alert detector hands the runner (issue 19, docs/notifications.md "Alerts"): one event per rule ×
// subject × window, named by a key that makes it fire once (alert_events.dedupe_key), with its words in
// any language and the page to open.
import type { Locale } from "@/lib/i18n/locales";
import type { Permission } from "@/lib/auth/permissions";
import type { AlertTopic } from "../preferences";

export interface AlertEvent {
  topic: AlertTopic;
  /** What it is about: "wave×CI", "XOF", the Pulse's id… */
  subject: string;
  /** Unique per firing: the rule, the subject and the window it was detected in. */
  dedupeKey: string;
  /** The facts behind it, as recorded (alert_events.payload) and sent to the webhook. */
  facts: Record<string, string | number | null>;
  /** Path of the page that shows it (/recovery, /settlements, /settings…). */
  path: string;
  /** Who may receive it: the permission its page needs. */
  permission: Permission;
  words(locale: Locale): Promise<{ title: string; body: string }>;
}
