// Creating a member directly with a password: the first owner from the CLI (no actor), demo accounts,
// or an owner/admin acting in the app. Invited teammates go through acceptInvite instead.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import { hashPassword, passwordSchema } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/schema";
import { ConflictError } from "@/lib/errors";
import {
  assertCanManage,
  currentActor,
  emailSchema,
  nameSchema,
  nowIso,
  parseInput,
  roleSchema,
  toMember,
  type Actor,
  type Member,
} from "./members";

const createUserSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  role: roleSchema,
  name: nameSchema.optional().nullable(),
});

export type CreateUserInput = { email: string; password: string; role: string; name?: string | null };

export async function createUser(
  db: Kysely<Database>,
  input: CreateUserInput,
  actor?: Actor | null,
): Promise<Member> {
  const data = parseInput(createUserSchema, input);
  // No actor means a trusted caller (the CLI run by whoever holds the server); otherwise the same
  // rules as inviting: team:manage, and admins cannot create owners.
  const checkedActor = actor ? await currentActor(db, actor, "team:manage") : null;
  if (checkedActor) assertCanManage(checkedActor, data.role, data.role);

  const existing = await db.selectFrom("users").select("id").where("email", "=", data.email).executeTakeFirst();
  if (existing) throw new ConflictError(`${data.email} is already a member`, "email");

  const row = {
    id: randomUUID(),
    email: data.email,
    name: data.name ?? null,
    password_hash: await hashPassword(data.password),
    role: data.role,
    created_at: nowIso(),
    disabled_at: null,
  };
  // The unique index settles a race between two creations of the same email.
  const inserted = await db
    .insertInto("users")
    .values(row)
    .onConflict((oc) => oc.column("email").doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    throw new ConflictError(`${data.email} is already a member`, "email");
  }
  await recordAudit(db, {
    actor: checkedActor,
    action: "user.created",
    target: data.email,
    details: { userId: row.id, role: row.role, via: checkedActor ? "app" : "cli" },
  });
  return toMember(row);
}
