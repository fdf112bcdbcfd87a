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
  received_at: string;
  pulse_id: string | null;
  event: string | null;
  reason: string;
}

export interface Database {
  users: UsersTable;
  invites: InvitesTable;
  audit_log: AuditLogTable;
  login_attempts: LoginAttemptsTable;
  app_settings: AppSettingsTable;
  pulse_deliveries: PulseDeliveriesTable;
  pulse_rejections: PulseRejectionsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type InviteRow = Selectable<InvitesTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
