// Reading the team: the member list for the Team page, and lookups for sign-in and sessions.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { normaliseEmail, toMember, type Member } from "./members";

const MEMBER_COLUMNS = ["id", "email", "name", "role", "created_at"] as const;

/** What the Team page's members table sorts by (its column ids). */
export const MEMBER_SORT_COLUMNS = ["role", "name", "email", "created_at"] as const;
export type MemberSortColumn = (typeof MEMBER_SORT_COLUMNS)[number];

export type MemberListOptions = {
  /** Default: role, owners first ("asc" = owner → support), then by join date. */
  sort?: MemberSortColumn;
  dir?: "asc" | "desc";
  /** One page: at most `limit` members after skipping `offset` (ignored without `limit`). */
  limit?: number;
  offset?: number;
};

// Ranks in SQL so a page of members is a LIMIT/OFFSET slice of the same order on both engines.
const roleRank = sql<number>`case role when 'owner' then 0 when 'admin' then 1 when 'marketing' then 2 else 3 end`;
// A member without a name sorts after the named ones whichever the direction; names compare without
// case (SQLite's binary order would put "Zoé" before "awa").
const nameMissing = sql<number>`case when name is null then 1 else 0 end`;

/** Active members in the asked order (default: owners first, then by join date), optionally one page of them. */
export async function listMembers(db: Kysely<Database>, opts: MemberListOptions = {}): Promise<Member[]> {
  const dir = opts.dir ?? "asc";
  let query = db.selectFrom("users").select(MEMBER_COLUMNS).where("disabled_at", "is", null);
  switch (opts.sort ?? "role") {
    case "role":
      query = query.orderBy(roleRank, dir);
      break;
    case "name":
      query = query.orderBy(nameMissing, "asc").orderBy(sql`lower(name)`, dir);
      break;
    case "email":
      query = query.orderBy("email", dir);
      break;
    case "created_at":
      query = query.orderBy("created_at", dir);
      break;
  }
  // Ties (same role, same name…) in join order, then by email: a stable order for the pages.
  query = query.orderBy("created_at", "asc").orderBy("email", "asc");
  if (opts.limit !== undefined) query = query.limit(opts.limit).offset(opts.offset ?? 0);
  const rows = await query.execute();
  return rows.map(toMember);
}

/** The active member with this email, or null: OAuth sign-in admits only people found here. */
export async function findMemberByEmail(db: Kysely<Database>, email: string): Promise<Member | null> {
  const row = await db
    .selectFrom("users")
    .select(MEMBER_COLUMNS)
    .where("email", "=", normaliseEmail(email))
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return row ? toMember(row) : null;
}

export async function findMemberById(db: Kysely<Database>, id: string): Promise<Member | null> {
  const row = await db
    .selectFrom("users")
    .select(MEMBER_COLUMNS)
    .where("id", "=", id)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return row ? toMember(row) : null;
}
