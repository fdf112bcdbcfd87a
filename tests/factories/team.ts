// Small factories for team tests: a member with a known password, and the Actor a session would give.
import type { Kysely } from "kysely";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db";
import { createUser, type Actor, type Member } from "@/lib/team";

let counter = 0;

export type TestMember = { member: Member; actor: Actor; password: string };

export async function makeMember(
  db: Kysely<Database>,
  role: Role,
  overrides: { email?: string; password?: string; name?: string } = {},
): Promise<TestMember> {
  counter += 1;
  const email = overrides.email ?? `${role}-${counter}-${Date.now().toString(36)}@shop.test`;
  const password = overrides.password ?? `correct horse ${counter}`;
  const member = await createUser(db, { email, password, role, name: overrides.name ?? `${role} ${counter}` });
  return { member, password, actor: { id: member.id, email: member.email, role: member.role, ip: "203.0.113.9" } };
}
