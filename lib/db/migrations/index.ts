// The ordered list of migrations. To add one: create `NNNN-what.ts` exporting `up(db, engine)` and
// append it here; names sort lexically and are recorded in `kysely_migration` once applied.
import "server-only";
import type { Kysely } from "kysely";
import type { Engine } from "../engine-sql";
import * as team from "./0001-team";
import * as mirror from "./0002-mirror";
import * as sync from "./0003-sync";
import * as pulses from "./0004-pulses";
import * as savedViews from "./0005-saved-views";
import * as salesTableIndexes from "./0006-sales-table-indexes";
import * as recovery from "./0007-recovery";
import * as rollupPaymentGateway from "./0008-rollup-payment-gateway";
import * as fulfilment from "./0009-fulfilment";
import * as licenceDetails from "./0010-licence-details";
import * as revokedSessions from "./0011-revoked-sessions";
import * as pulseRefusalSources from "./0012-pulse-refusal-sources";
import * as canonicalPaymentMethods from "./0013-canonical-payment-methods";
import * as settlementDueHistory from "./0014-settlement-due-history";
import * as recoveryCheckoutLinks from "./0015-recovery-checkout-links";
import * as monthlyRollups from "./0016-monthly-rollups";
import * as customerPaidFacts from "./0017-customer-paid-facts";
import * as salesSortIndexes from "./0018-sales-sort-indexes";
import * as listIndexes from "./0019-list-indexes";
import * as downloadRollup from "./0020-download-rollup";
import * as recoveryPayments from "./0021-recovery-payments";
import * as payoutCurrencyIndex from "./0022-payout-currency-index";
import * as payoutRollup from "./0023-payout-rollup";
import * as recoveryLeadRange from "./0024-recovery-lead-range";
import * as pgRollupCovering from "./0025-pg-rollup-covering";
import * as leadNextPayment from "./0027-lead-next-payment";
import * as memberPreferences from "./0028-member-preferences";
import * as notifications from "./0029-notifications";
import * as paymentHealthRollups from "./0030-payment-health-rollups";
import * as paymentCases from "./0031-payment-cases";
import * as affiliateShareLinks from "./0032-affiliate-share-links";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export type EngineMigration = { up(db: Kysely<any>, engine: Engine): Promise<void> };

export const migrations: ReadonlyArray<readonly [name: string, migration: EngineMigration]> = [
  ["0001_team", team],
  ["0002_mirror", mirror],
  ["0003_sync", sync],
  ["0004_pulses", pulses],
  ["0005_saved_views", savedViews],
  ["0006_sales_table_indexes", salesTableIndexes],
  ["0007_recovery", recovery],
  ["0008_rollup_payment_gateway", rollupPaymentGateway],
  ["0009_fulfilment", fulfilment],
  ["0010_licence_details", licenceDetails],
  ["0011_revoked_sessions", revokedSessions],
  ["0012_pulse_refusal_sources", pulseRefusalSources],
  ["0013_canonical_payment_methods", canonicalPaymentMethods],
  ["0014_settlement_due_history", settlementDueHistory],
  ["0015_recovery_checkout_links", recoveryCheckoutLinks],
  ["0016_monthly_rollups", monthlyRollups],
  ["0017_customer_paid_facts", customerPaidFacts],
  ["0018_sales_sort_indexes", salesSortIndexes],
  ["0019_list_indexes", listIndexes],
  ["0020_download_rollup", downloadRollup],
  ["0021_recovery_payments", recoveryPayments],
  ["0022_payout_currency_index", payoutCurrencyIndex],
  ["0023_payout_rollup", payoutRollup],
  ["0024_recovery_lead_range", recoveryLeadRange],
  ["0025_pg_rollup_covering", pgRollupCovering],
  // 0026 was never used (a branch renumbered to 0028).
  ["0027_lead_next_payment", leadNextPayment],
  ["0028_member_preferences", memberPreferences],
  ["0029_notifications", notifications],
  ["0030_payment_health_rollups", paymentHealthRollups],
  ["0031_payment_cases", paymentCases],
  ["0032_affiliate_share_links", affiliateShareLinks],
];
