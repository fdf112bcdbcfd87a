// Kysely table interfaces: the one description of the database shared by both engines. Timestamps are
// ISO-8601 UTC strings (`toISOString()`), so they sort and compare the same on SQLite and PostgreSQL.
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { Role } from "@/lib/auth/permissions";

/** An auto-incremented integer id: generated on insert, a plain number when read (int8 parsed on PG). */
type AutoId = Generated<number>;

export interface UsersTable {
  id: string; // random UUID: no enumeration, and the same on both engines
  email: string; // trimmed, lower-case, unique
  name: string | null;
  password_hash: string | null; // null for members who only sign in through OAuth
  role: Role;
  created_at: string;
  disabled_at: string | null;
}

/** A session ended by sign-out, kept until it would have expired anyway (lib/auth/session-token.ts). */
export interface RevokedSessionsTable {
  session_id: string; // the token's random `sid` claim
  user_id: string;
  revoked_at: string;
  expires_at: string; // the session's absolute end: the row is useless after it and pruned
}

export interface InvitesTable {
  id: string;
  token_hash: string; // SHA-256 hex of the token: a leaked database does not leak usable links
  email: string;
  role: Role;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

export interface AuditLogTable {
  id: AutoId;
  at: string;
  actor_user_id: string | null;
  actor_email: string | null; // kept verbatim so the log still reads after the member is removed
  action: string;
  target: string | null;
  details: string | null; // JSON text
  ip: string | null;
}

/** Failed sign-ins only, for throttling per account and per IP; pruned after a day. */
export interface LoginAttemptsTable {
  id: AutoId;
  email: string | null;
  ip: string | null;
  at: string;
}

export interface AppSettingsTable {
  key: string;
  value: string;
  updated_at: ColumnType<string, string, string>;
}

/** One Pulse (webhook) delivery that passed the signature check (lib/pulses). */
export interface PulseDeliveriesTable {
  id: AutoId;
  delivery_id: string | null;
  dedupe_key: string | null;
  pulse_id: string | null;
  event: string | null;
  object_id: string | null;
  applied_key: string | null;
  received_at: string;
  status: string; // PulseDeliveryStatus (lib/pulses/schemas.ts)
  detail: string | null;
  body: string | null;
  processed_at: string | null;
}

/** A refused Pulse delivery: metadata only, never the body. */
export interface PulseRejectionsTable {
  id: AutoId;
  /** On a counter row: the latest refusal it counts. */
  received_at: string;
  pulse_id: string | null;
  event: string | null;
  reason: string;
  /** Client address the refusal came from (IPv6 grouped by /64); null when unknown (migration 0012). */
  source: string | null;
  /** 1, or the number of a source's refusals in one hour folded into its counter row. */
  repeat_count: Generated<number>;
  /** "<source>|<hour>" on counter rows, null otherwise (unique). */
  bucket_key: string | null;
}

// ---- Mirror (migration 0002, lib/mirror): money in minor units, instants ISO UTC, unknown = null ----

/** One sale, every field of the client's `Sale` in a column (lib/mirror/sale-row.ts maps them). */
export interface SalesTable {
  id: string;
  status: string;
  payment_status: string | null;
  channel: string | null;
  currency: string | null;
  original_amount: number | null;
  amount: number | null;
  discount_amount: number | null;
  payment_amount: number | null;
  payment_currency: string | null;
  exchange_rate: number | null;
  gateway_fee: number | null;
  gateway_fee_currency: string | null;
  fee_rate_percent: number | null;
  service_fee: number | null;
  settlement_net: number | null;
  settlement_currency: string | null;
  settlement_due_at: string | null;
  settlement_done_at: string | null;
  payment_gateway: string | null;
  payment_method_id: string | null;
  payment_method_name: string | null;
  payment_transaction_id: string | null;
  failure_code: string | null;
  failure_message: string | null;
  product_id: string | null;
  product_name: string | null;
  product_type: string | null;
  customer_id: string | null;
  customer_email: string | null;
  customer_name: string | null;
  discount_id: string | null;
  discount_code: string | null;
  discount_type: string | null;
  campaign_id: string | null;
  campaign_name: string | null;
  store_affiliate_id: string | null;
  store_affiliate_code: string | null;
  affiliate_commission: number | null;
  affiliate_commission_currency: string | null;
  shipping_address: string | null;
  shipping_city: string | null;
  shipping_state: string | null;
  shipping_zip: string | null;
  shipping_country: string | null;
  context_country: string | null;
  context_device: string | null;
  context_locale: string | null;
  download_total: number | null;
  download_last_at: string | null;
  rating_value: number | null;
  rating_comment: string | null;
  created_at: string | null;
  updated_at: string | null;
  completed_at: string | null;
  failed_at: string | null;
  abandoned_at: string | null;
  awaiting_payment_at: string | null;
  settled: number;
  local_day: string | null;
  paid_local_day: string | null;
  checkout_url: string | null;
  /** The checkout's custom_metadata as JSON (migration 0015), null when it had none. */
  custom_metadata: string | null;
  /** custom_metadata.lead_id: the recovery lead an exact recovery link was made for (lib/recovery). */
  recovery_lead_id: string | null;
  /** Paid sales only (migration 0017, lib/mirror/customer-facts.ts): created_at of the customer's first paid
   * sale in this currency, and of their previous one (null for the first). Null when unpaid or without
   * customer, currency or created_at. */
  first_paid_at: string | null;
  prev_paid_at: string | null;
  /** Leads with a customer id only (migration 0027, lib/mirror/lead-next-payment.ts): the same customer's
   * earliest paid sale of the lead's product strictly after the lead (its paid time and id), whatever the
   * recovery window; null when none, and on every other sale. */
  next_paid_at: string | null;
  next_paid_id: string | null;
  raw_json: string | null;
  source: string;
  source_at: string;
  detail_at: string | null;
}

export interface CustomersTable {
  id: string;
  email: string | null;
  name: string | null;
  first_seen_at: string | null;
  updated_at: string | null;
}

export interface ProductsTable {
  id: string;
  name: string | null;
  type: string | null;
  updated_at: string | null;
}

export interface DiscountsTable {
  id: string;
  code: string | null;
  type: string | null;
  updated_at: string | null;
}

export interface CampaignsTable {
  id: string;
  name: string | null;
  updated_at: string | null;
}

export interface AffiliatesTable {
  key: string; // code when known, else the store-affiliate id
  code: string | null;
  id: string | null;
  account_id: string | null;
  status: string | null;
  name: string | null;
  email: string | null;
  source: string; // lookup | pulse | sale
  commission_rate_percent: number | null;
  joined_at: string | null;
  total_visits: number | null;
  total_sales: number | null;
  total_earnings: number | null;
  total_earnings_currency: string | null;
  first_seen_at: string;
  updated_at: string;
}

export interface AffiliateInvitationsTable {
  id: string;
  email: string;
  status: string | null;
  result: string; // sent | already_affiliate | already_invited
  expires_at: string | null;
  created_at: string | null;
  sent_by: string | null;
  recorded_at: string;
}

export interface SaleLicencesTable {
  sale_id: string;
  licence_id: string;
  licence_key: string | null;
  status: string | null;
  activations: number | null;
  max_activations: number | null;
  expires_at: string | null;
  updated_at: string;
  /** From a GET /licenses item or a licence Pulse (migration 0009); the sale's own fields otherwise. */
  product_id: string | null;
  product_name: string | null;
  customer_id: string | null;
  customer_name: string | null;
  customer_email: string | null;
}

/** Per local day × currency × status × dimension value: sums of the sales in that bucket. */
export interface SalesRollupDailyTable {
  local_day: string;
  currency: string;
  status: string;
  dimension: string;
  dimension_value: string;
  count: number;
  original_amount: number;
  amount: number;
  discount_amount: number;
  gateway_fee: number;
  gateway_fee_known_count: number;
  service_fee: number;
  settlement_net: number;
  settlement_known_count: number;
}

/** The same sums per local month ('YYYY-MM'), kept by the same delta (migration 0016, lib/mirror/rollups.ts). */
export type SalesRollupMonthlyTable = Omit<SalesRollupDailyTable, "local_day"> & { local_month: string };
/**
 * New vs returning customers per whole local month (migration 0017, lib/mirror/customer-split-monthly.ts):
 * paid sales of a currency created in `local_month`, counted by one of their customer facts. `fact`:
 * `first` (fact_day = local day of the customer's first paid purchase in the currency), `prev` (of their
 * previous one), `no_prev` (the customer's first: fact_day ''), `unknown` (no customer: fact_day '').
 * A known customer's sale is in one `first` row and one `prev`/`no_prev` row; `amount` sums `amount`.
 */
export interface SalesCustomerSplitMonthlyTable {
  currency: string;
  local_month: string;
  fact: string;
  fact_day: string;
  count: number;
  amount: number;
}

/**
 * Paid sales per product and download count (migration 0020, lib/mirror/download-rollup.ts): the
 * Downloads page's coverage, percentile, engagement and "has files" evidence. download_total -1 = unknown;
 * product_name and product_type "" = none; payload_files bits 1 = lists a file, 2 = lists none; first_sample 1 = in the
 * median-to-first-download sample.
 */
export interface SalesDownloadRollupTable {
  product_id: string;
  product_name: string;
  product_type: string;
  download_total: number;
  payload_files: number;
  first_sample: number;
  n: number;
}

/**
 * The Payouts page's sums (migration 0023, lib/mirror/payout-rollup.ts): per payout currency ('' when
 * unknown) × due instant, the paid sales with a known payout, as list-settlements.ts payoutBuckets reads
 * them. Rows whose sales all left stay with sales_count 0.
 */
export interface SalesPayoutRollupTable {
  due_at: string;
  currency: string;
  sales_count: number;
  settled_count: number;
  complete_count: number;
  gross: number;
  net: number;
  gateway_fee: number;
  gateway_fee_unknown: number;
  service_fee: number;
  service_fee_unknown: number;
  done_at: string | null;
}

/** The median's sample: a paid sale downloaded exactly once, ms from payment to that download. */
export interface SalesDownloadFirstTable {
  sale_id: string;
  product_id: string;
  ms: number;
}

// ---- Sync engine (migration 0003, lib/sync) ----

/** One resumable job's state as JSON (backfill windows, cursors, totals). */
export interface SyncCheckpointsTable {
  job: string;
  state: string;
  updated_at: string;
}

/** The single sync lease (id 'sync'); times are epoch ms so the conditional UPDATE compares numbers. */
export interface SyncLeaseTable {
  id: string;
  holder: string | null;
  expires_at: number;
  acquired_at: number | null;
}

/** Rate-limit budget shared by every instance using one API key (keyed by fingerprint, never the key). */
export interface ApiBudgetTable {
  key_fingerprint: string;
  limit_per_window: number;
  remaining: number;
  reset_at: number | null;
  /** JSON array of the epoch ms at which each slot still in flight was reserved. */
  in_flight: string;
  learned: number;
  blocked: number;
  version: number;
  updated_at: number;
}

/** Last success / failure per sync job; the "engine" row also carries the "sync now" request. */
export interface SyncStatusTable {
  job: string;
  last_run_at: string | null;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error_kind: string | null;
  last_error_message: string | null;
  counts: string | null;
  requested_at: string | null;
  requested_by: string | null;
}

/** API vs mirror sale count per UTC month and status, from the last reconciliation. */
export interface ReconciliationDriftTable {
  month: string;
  status: string;
  api_count: number;
  mirror_count: number;
  checked_at: string;
  requeued: number;
}

/** A member's named filter set for one table (migration 0005, lib/sales/saved-views.ts). */
export interface SavedViewsTable {
  id: string;
  user_id: string;
  table_key: string;
  name: string;
  query: string; // the URL query string of the view
  created_at: string;
  updated_at: string;
}

/** A member's own preferences (migration 0028); no row: every default. */
export interface MemberPreferencesTable {
  user_id: string;
  low_data: "on" | "off" | null; // null: follow the browser's Save-Data hint
  /** JSON of lib/notifications/preferences.ts (migration 0029); null: the defaults. */
  notifications: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: string;
}

/** One message to send, unique by its idempotency key; also the send log (migration 0029, lib/notifications/outbox.ts). */
export interface NotificationOutboxTable {
  id: string;
  store_id: ColumnType<string, string | undefined, string>;
  dedupe_key: string;
  kind: string;
  topic: string;
  member_id: string | null;
  channel: string;
  payload: string;
  status: string;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: string;
  locked_by: string | null;
  locked_until: string | null;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
}

/** The in-app notification list (migration 0029). */
export interface NotificationsTable {
  id: string;
  store_id: ColumnType<string, string | undefined, string>;
  member_id: string;
  dedupe_key: string;
  kind: string;
  topic: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

/** An alert detected once (migration 0029). */
export interface AlertEventsTable {
  id: string;
  store_id: ColumnType<string, string | undefined, string>;
  dedupe_key: string;
  topic: string;
  subject: string;
  detected_at: string;
  payload: string;
}

/** A member's browser accepting Web Push (migration 0029). */
export interface PushSubscriptionsTable {
  id: string;
  member_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: string;
}

/** A recovery lead's worked state (migration 0007, lib/recovery): one row per failed/abandoned sale touched. */
export interface RecoveryLeadsTable {
  sale_id: string;
  state: string; // LeadState (lib/recovery/lead-states.ts)
  note: string | null;
  assigned_to: string | null;
  contacted_at: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** A lead's exact recovery link made with POST /checkout (migration 0015, lib/recovery/exact-link.ts): one per lead. */
export interface RecoveryCheckoutLinksTable {
  id: Generated<number>;
  lead_id: string;
  status: string; // pending | created | unknown (lib/recovery/exact-link.ts)
  step: string | null; // payment | completed | already_purchased
  sale_id: string | null;
  url: string | null;
  discount_code: string | null;
  failure: string | null;
  attempts: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A paid sale's fulfilment state (migration 0009, lib/orders): no row means still to ship. */
/**
 * A "charged but sale failed" case (migration 0031, lib/payment-cases): the sale's facts as they were when
 * the case was opened, what the customer's operator says (reference, SMS, amount and day debited), and
 * where the case stands with Chariow's support.
 */
export interface PaymentCasesTable {
  id: string;
  store_id: ColumnType<string, string | undefined, string>;
  sale_id: string;
  sale_amount: number | null;
  sale_currency: string | null;
  product_name: string | null;
  sale_created_at: string | null;
  sale_failed_at: string | null;
  payment_method: string | null;
  payment_gateway: string | null;
  transaction_id: string | null;
  failure_code: string | null;
  customer_email: string | null;
  customer_name: string | null;
  operator_reference: string | null;
  sms_text: string | null;
  amount_debited: number;
  debited_currency: string;
  /** The day the customer was debited, "YYYY-MM-DD" in the store's time zone. */
  debited_on: string;
  /** "HH:MM" on that day when the SMS says it; null otherwise. */
  debited_time: string | null;
  note: string | null;
  status: string; // "open" | "sent" | "resolved" (lib/payment-cases/schemas.ts)
  opened_by: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  resolved_at: string | null;
}

export interface FulfilmentsTable {
  sale_id: string;
  state: string; // "shipped" | "not_shippable" (lib/orders/schemas.ts)
  carrier: string | null;
  tracking_reference: string | null;
  reason: string | null;
  updated_at: string;
  updated_by: string | null;
}

/**
 * A change of a paid sale's payout due instant (migration 0014, written by lib/mirror/upsert-sales.ts):
 * one row each time a stored `settlement_due_at` is replaced by a different known value.
 */
export interface SaleSettlementDueHistoryTable {
  id: AutoId;
  sale_id: string;
  previous_due_at: string;
  new_due_at: string;
  changed_at: string; // when the mirror learnt of it (the read's receivedAt)
}

/** A private link to one affiliate's page (issue 21, migration 0032): the token itself is never stored. */
export interface AffiliateShareLinksTable {
  id: string;
  store_id: ColumnType<string, string | undefined, string>;
  affiliate_code: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  last_visit_at: string | null;
  visit_count: ColumnType<number, number | undefined, number>;
}

export interface AffiliateRecordRefreshTable {
  store_id: ColumnType<string, string | undefined, string>;
  affiliate_code: string;
  claimed_at: string;
}

export interface PublicRateLimitsTable {
  bucket: string;
  window_start: string;
  count: number;
}

export interface Database {
  users: UsersTable;
  invites: InvitesTable;
  audit_log: AuditLogTable;
  login_attempts: LoginAttemptsTable;
  revoked_sessions: RevokedSessionsTable;
  app_settings: AppSettingsTable;
  pulse_deliveries: PulseDeliveriesTable;
  pulse_rejections: PulseRejectionsTable;
  sales: SalesTable;
  customers: CustomersTable;
  products: ProductsTable;
  discounts: DiscountsTable;
  campaigns: CampaignsTable;
  affiliates: AffiliatesTable;
  affiliate_invitations: AffiliateInvitationsTable;
  sale_licences: SaleLicencesTable;
  sales_rollup_daily: SalesRollupDailyTable;
  sales_rollup_monthly: SalesRollupMonthlyTable;
  sales_customer_split_monthly: SalesCustomerSplitMonthlyTable;
  sales_download_rollup: SalesDownloadRollupTable;
  sales_download_first: SalesDownloadFirstTable;
  sales_payout_rollup: SalesPayoutRollupTable;
  sync_checkpoints: SyncCheckpointsTable;
  sync_lease: SyncLeaseTable;
  api_budget: ApiBudgetTable;
  sync_status: SyncStatusTable;
  reconciliation_drift: ReconciliationDriftTable;
  saved_views: SavedViewsTable;
  member_preferences: MemberPreferencesTable;
  notification_outbox: NotificationOutboxTable;
  notifications: NotificationsTable;
  alert_events: AlertEventsTable;
  push_subscriptions: PushSubscriptionsTable;
  recovery_leads: RecoveryLeadsTable;
  recovery_checkout_links: RecoveryCheckoutLinksTable;
  fulfilments: FulfilmentsTable;
  payment_cases: PaymentCasesTable;
  affiliate_share_links: AffiliateShareLinksTable;
  affiliate_record_refresh: AffiliateRecordRefreshTable;
  public_rate_limits: PublicRateLimitsTable;
  sale_settlement_due_history: SaleSettlementDueHistoryTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type InviteRow = Selectable<InvitesTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type SaleRow = Selectable<SalesTable>;
export type SalesRollupRow = Selectable<SalesRollupDailyTable>;
