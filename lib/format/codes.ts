// Every Chariow and app code in the merchant's words, from one place (issue 15, CONVENTIONS rule 4): the
// known values of each kind, and `codeLabel` that reads their words from messages/<locale>/codes.json
// (namespace `Codes`, key `Codes.<kind>.<code>`; a dotted code such as "successful.sale" is a nested
// key). Safe on the client and the server. Countries and locales are not listed here: Intl names them
// (lib/format/display-names.ts). An unknown code is shown as it came, never a crash or an empty cell.
import { codeKey, codeWords, type CodesTranslator } from "@/lib/format/code-words";

export type { CodesTranslator };

/**
 * The known values of every code kind. The words exist in both languages for each (a unit test checks
 * the catalogues, and that each app enum — lib/chariow/enums.ts, lib/pulses/schemas.ts… — is covered).
 * The end-to-end test reads these lists to fail a page whose French text shows one of them raw.
 */
export const CODES = {
  saleStatus: ["awaiting_payment", "completed", "settled", "failed", "abandoned"],
  paymentStatus: ["initiated", "pending", "success", "failed", "cancelled"],
  channel: ["store", "affiliate", "discover", "widget", "api"],
  paymentMethod: ["mtn_momo", "orange_money", "wave", "moov_money", "airtel_money", "free_money", "t_money", "mpesa", "card", "paypal"],
  gateway: ["moneroo", "stripe", "paypal", "fedapay", "kkiapay", "cinetpay", "paydunya"],
  failureCode: ["insufficient_funds", "card_declined", "timeout", "invalid_otp", "transaction_limit_exceeded", "expired_card", "authentication_failed", "operator_unavailable", "cancelled_by_user"],
  failureCategory: ["insufficient_funds", "declined", "cancelled", "timeout", "abandoned", "other"],
  device: ["mobile", "desktop", "tablet"],
  affiliateStatus: ["active", "inactive", "suspended"],
  affiliateSource: ["invitation", "network"],
  invitationStatus: ["pending", "accepted", "expired", "cancelled", "already_affiliate", "already_invited", "not_invited"],
  licenceStatus: ["pending_activation", "active", "inactive", "expired", "revoked"],
  discountType: ["percentage", "fixed"],
  productType: ["course", "downloadable", "license", "service", "bundle"],
  pulseEvent: ["successful.sale", "failed.sale", "abandoned.sale", "license.issued", "license.activated", "license.expired", "license.revoked", "license.nearing_expiry", "affiliate.joined"],
  pulseDeliveryStatus: ["received", "processing", "processed", "stale", "duplicate", "ignored", "test", "failed", "rejected"],
  pulseRejection: ["missing_signature", "malformed_signature", "no_secret", "unknown_pulse", "mismatch", "too_large", "server_error"],
  fulfilmentState: ["to_ship", "shipped", "not_shippable"],
  recoveryLeadState: ["open", "contacted", "won", "lost"],
  paymentCaseStatus: ["open", "sent", "resolved"],
  contactChannel: ["link", "whatsapp", "email"],
  payoutStatus: ["due", "overdue", "settled"],
  customerKind: ["new", "returning"],
  role: ["owner", "admin", "marketing", "support"],
  syncJob: ["backfill", "incremental", "enrichment", "reconciliation", "licences"],
  auditAction: ["auth.sign_in", "auth.sign_in_failed", "user.created", "team.invite_created", "team.invite_accepted", "team.invite_revoked", "team.invite_wrong_email", "team.role_changed", "team.member_removed", "team.members.export", "settings.timezone_changed", "sync.run_requested", "audit.export", "pulses.log.export", "sales.export", "settlements.export", "settlements.timeline.export", "settlements.statement", "analytics.export", "recovery.export", "recovery.lead_updated", "recovery.lead_contacted", "recovery.contact_link", "recovery.contact_whatsapp", "recovery.contact_email", "recovery.templates_changed", "recovery.window_changed", "recovery.checkout_link", "downloads.export", "downloads.contact_whatsapp", "downloads.contact_email", "licence.reveal", "licences.export", "orders.export", "orders.fulfilment_updated", "affiliates.export", "affiliates.invite", "affiliates.invitations.export", "notifications.settings_changed", "notifications.webhook_secret_rotated", "notifications.webhook_test", "notifications.send_log.export", "payment_case.opened", "payment_case.updated", "payment_case.status_changed", "payment_case.summary", "payment_cases.export", "affiliates.share_link_created", "affiliates.share_link_revoked"],
} as const satisfies Record<string, readonly string[]>;

/** A kind of code with words in the `Codes` messages. */
export type CodeKind = keyof typeof CODES;
export const CODE_KINDS = Object.keys(CODES) as CodeKind[];
/** The known values of one kind, e.g. `Code<"saleStatus">` = "awaiting_payment" | "completed" | … */
export type Code<K extends CodeKind> = (typeof CODES)[K][number];

const KNOWN = new Map<CodeKind, ReadonlySet<string>>(CODE_KINDS.map((kind) => [kind, new Set<string>(CODES[kind])]));

/** True when `code` is a known value of `kind` (after canonicalising a payment method's name). */
export function isKnownCode(kind: CodeKind, code: string): boolean {
  return KNOWN.get(kind)!.has(codeKey(kind, code));
}

/**
 * The words for `code` of `kind` in the translator's language: `codeLabel(t, "saleStatus", "completed")`
 * → "Payée". A payment method may come as its id or its name ("mtn_momo", "MTN Mobile Money"). An
 * unknown code comes back unchanged (a new Chariow value stays visible until it gets words); null,
 * undefined or "" gives "".
 */
export function codeLabel(t: CodesTranslator, kind: CodeKind, code: string | null | undefined): string {
  return codeWords((k, key) => KNOWN.get(k)!.has(key), t, kind, code);
}

/** Every known value that is snake_case (has an underscore), per kind: what must never show raw in French. */
export function snakeCaseCodes(): Record<CodeKind, string[]> {
  const out = {} as Record<CodeKind, string[]>;
  for (const kind of CODE_KINDS) out[kind] = (CODES[kind] as readonly string[]).filter((c) => c.includes("_"));
  return out;
}
