// The one role → permission table (DESIGN §4). Route handlers, pages and the navigation all ask `can`,
// so what a role sees and what its API allows can never drift apart. No `server-only`: the client nav uses it too.

export const ROLES = ["owner", "admin", "marketing", "support"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "sales:read",
  "customers:read",
  "analytics:read", // overview, revenue
  "settlements:read",
  "recovery:read",
  "recovery:write",
  "fulfilment:read", // orders to ship, downloads, licences (keys masked)
  "fulfilment:write", // mark shipped / not shippable, reveal a licence key (audited)
  "cases:read", // "charged but sale failed" case files and their summaries (docs/payments.md)
  "cases:write", // open a case from a failed sale, edit it, move its status (audited)
  "licences:keys", // licence CSV with the keys unmasked
  "export:csv",
  "affiliates:read",
  "affiliates:invite",
  "affiliates:share", // create and revoke an affiliate's private page link (issue 21)
  "team:read",
  "team:manage",
  "settings:read",
  "settings:manage",
  "audit:read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Cases: support staff are who answer "I was charged but got nothing", so every role opens and follows them.
const EVERYONE: readonly Permission[] = ["sales:read", "customers:read", "recovery:read", "recovery:write", "fulfilment:read", "fulfilment:write", "cases:read", "cases:write"];
const BUSINESS: readonly Permission[] = [
  ...EVERYONE,
  "analytics:read",
  "settlements:read",
  "export:csv",
  "affiliates:read",
  "affiliates:invite",
  "affiliates:share",
];
const ADMINISTRATION: readonly Permission[] = [
  "licences:keys",
  "team:read",
  "team:manage",
  "settings:read",
  "settings:manage",
  "audit:read",
];

// Owner and admin share permissions; what separates them (admins cannot touch owners) is
// canManageMember, because it depends on the target, not only on the actor.
const TABLE: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set([...BUSINESS, ...ADMINISTRATION]),
  admin: new Set([...BUSINESS, ...ADMINISTRATION]),
  marketing: new Set(BUSINESS),
  support: new Set(EVERYONE),
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return TABLE[role]?.has(permission) ?? false;
}

/** Every permission a role holds, in table order (for the session payload and the roles page). */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => can(role, p));
}

/**
 * May `actorRole` invite / re-role / remove a member whose role is `targetRole` (and, when changing a
 * role or inviting, give them `newRole`)? Owners manage everyone; admins manage non-owners and cannot
 * create owners, so an admin can never lock an owner out or promote themselves above their station.
 */
export function canManageMember(actorRole: Role, targetRole: Role, newRole?: Role): boolean {
  if (!can(actorRole, "team:manage")) return false;
  if (actorRole === "owner") return true;
  if (targetRole === "owner") return false;
  if (newRole === "owner") return false;
  return true;
}
