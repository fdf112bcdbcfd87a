// The DESIGN §4 role table, written out independently of lib/auth/permissions.ts so a change there
// that does not match the design fails here.
import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can, canManageMember, type Permission, type Role } from "@/lib/auth/permissions";

const ALL = ["owner", "admin", "marketing", "support"] as const;
const BUSINESS = ["owner", "admin", "marketing"] as const;
const ADMINS = ["owner", "admin"] as const;

// DESIGN §4, row by row.
const DESIGN: Record<Permission, readonly Role[]> = {
  "sales:read": ALL,
  "customers:read": ALL,
  "analytics:read": BUSINESS,
  "settlements:read": BUSINESS,
  "recovery:read": ALL,
  "recovery:write": ALL,
  "fulfilment:read": ALL,
  "fulfilment:write": ALL,
  "cases:read": ALL,
  "cases:write": ALL,
  "licences:keys": ADMINS,
  "export:csv": BUSINESS,
  "affiliates:read": BUSINESS,
  "affiliates:invite": BUSINESS,
  "affiliates:share": BUSINESS,
  "team:read": ADMINS,
  "team:manage": ADMINS,
  "settings:read": ADMINS,
  "settings:manage": ADMINS,
  "audit:read": ADMINS,
};

describe("can", () => {
  it("covers exactly the design's permissions and roles", () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(DESIGN).sort());
    expect([...ROLES]).toEqual(["owner", "admin", "marketing", "support"]);
  });

  for (const permission of Object.keys(DESIGN) as Permission[]) {
    for (const role of ROLES) {
      const expected = DESIGN[permission].includes(role);
      it(`${role} ${expected ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(expected);
      });
    }
  }

  it("support cannot read analytics, settlements or export CSV", () => {
    expect(can("support", "analytics:read")).toBe(false);
    expect(can("support", "settlements:read")).toBe(false);
    expect(can("support", "export:csv")).toBe(false);
  });

  it("marketing cannot see or manage the team, settings or audit log", () => {
    for (const p of ["team:read", "team:manage", "settings:manage", "audit:read"] as const) {
      expect(can("marketing", p)).toBe(false);
    }
  });

  it("an unknown role (stale session) is refused everything", () => {
    expect(can("guest" as Role, "sales:read")).toBe(false);
  });
});

describe("canManageMember", () => {
  it("owners manage everyone, including making owners", () => {
    for (const target of ROLES) for (const next of ROLES) expect(canManageMember("owner", target, next)).toBe(true);
  });

  it("admins cannot touch owners nor make owners", () => {
    expect(canManageMember("admin", "owner")).toBe(false);
    expect(canManageMember("admin", "owner", "support")).toBe(false);
    expect(canManageMember("admin", "support", "owner")).toBe(false);
    expect(canManageMember("admin", "admin", "owner")).toBe(false);
  });

  it("admins manage admins, marketing and support", () => {
    expect(canManageMember("admin", "marketing", "support")).toBe(true);
    expect(canManageMember("admin", "support")).toBe(true);
    expect(canManageMember("admin", "admin", "marketing")).toBe(true);
  });

  it("marketing and support manage nobody", () => {
    for (const actor of ["marketing", "support"] as const) {
      for (const target of ROLES) expect(canManageMember(actor, target, "support")).toBe(false);
    }
  });
});
