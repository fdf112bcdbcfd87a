// Shared shapes and checks of the team module: the Member type, input schemas, and the guard that
// re-reads the acting member so a stale session cannot act with a role it no longer has.
import "server-only";
import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import { ROLES, can, canManageMember, type Permission, type Role } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/audit";
import type { Database, UserRow } from "@/lib/db/schema";
import { ForbiddenError, UnauthorizedError, validationErrorFromZod } from "@/lib/errors";

export type { Actor } from "@/lib/audit";
export type Member = { id: string; email: string; name: string | null; role: Role; createdAt: string };
export type Db = Kysely<Database> | Transaction<Database>;

export const emailSchema = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .max(254, "is too long")
  .pipe(z.email({ error: "must be a valid email address" }));
export const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` });
export const nameSchema = z.string().trim().min(1, "is required").max(100, "is too long");

/** zod parse that throws a ValidationError naming the field (the route wrapper maps it to a 400). */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw validationErrorFromZod(result.error);
  return result.data;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toMember(row: Pick<UserRow, "id" | "email" | "name" | "role" | "created_at">): Member {
  return { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.created_at };
}

export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * The actor as the database knows them now (role from the row, not from the session token), after
 * checking they hold `permission`. A removed or disabled member is 401, a demoted one 403.
 */
export async function currentActor(db: Db, actor: Actor, permission: Permission): Promise<Actor> {
  const row = await db
    .selectFrom("users")
    .select(["id", "email", "role"])
    .where("id", "=", actor.id)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) throw new UnauthorizedError("Your account no longer exists");
  if (!can(row.role, permission)) throw new ForbiddenError();
  return { id: row.id, email: row.email, role: row.role, ip: actor.ip ?? null };
}

export function assertCanManage(actor: Actor, targetRole: Role, newRole?: Role): void {
  if (!canManageMember(actor.role, targetRole, newRole)) {
    throw new ForbiddenError(
      actor.role === "admin" ? "Admins cannot manage owners or make someone an owner" : undefined,
    );
  }
}
