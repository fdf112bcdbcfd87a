// Reading the team: the member list for the Team page, and lookups for sign-in and sessions.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { normaliseEmail, toMember, type Member } from "./members";

const MEMBER_COLUMNS = ["id", "email", "name", "role", "created_at"] as const;

/** Active members, owners first, then by join date. */
export async function listMembers(db: Kysely<Database>): Promise<Member[]> {
  const rows = await db
    .selectFrom("users")
    .select(MEMBER_COLUMNS)
    .where("disabled_at", "is", null)
    .orderBy("created_at", "asc")
    .orderBy("email", "asc")
    .execute();
  const rank = { owner: 0, admin: 1, marketing: 2, support: 3 } as const;
  return rows.map(toMember).sort((a, b) => rank[a.role] - rank[b.role]);
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
