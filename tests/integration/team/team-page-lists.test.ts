// The Team page's three lists as numbered pages on both engines: members in the asked order (role
// owners-first, name without case and unnamed last, email, join date) sliced by LIMIT/OFFSET, pending
// invites newest first (used and expired ones never), and the audit log newest first with `offset` —
// each page checked against orders written out by hand from the rows inserted here.
import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import { listAudit, recordAudit } from "@/lib/audit";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db";
import { listMembers, listPendingInvites, type MemberSortColumn } from "@/lib/team";
import { describeEachEngine } from "../db/engines";

type User = { email: string; name: string | null; role: Role; created_at: string; disabled_at?: string };
const USERS: User[] = [
  { email: "zeynab@shop.test", name: "Zeynab Ba", role: "owner", created_at: "2026-01-01T09:00:00.000Z" },
  { email: "awa@shop.test", name: "awa diallo", role: "admin", created_at: "2026-02-01T09:00:00.000Z" },
  { email: "kofi@shop.test", name: null, role: "support", created_at: "2026-01-15T09:00:00.000Z" },
  { email: "bintou@shop.test", name: "Bintou Sy", role: "marketing", created_at: "2026-03-01T09:00:00.000Z" },
  { email: "cheikh@shop.test", name: "Cheikh", role: "support", created_at: "2026-01-10T09:00:00.000Z" },
  { email: "gone@shop.test", name: "Disabled", role: "admin", created_at: "2026-01-05T09:00:00.000Z", disabled_at: "2026-02-02T00:00:00.000Z" },
  { email: "moussa@shop.test", name: "Moussa", role: "owner", created_at: "2026-04-01T09:00:00.000Z" },
];

// By hand: the disabled member never appears; ties keep join order.
const EXPECTED: Record<`${MemberSortColumn}:${"asc" | "desc"}`, string[]> = {
  "role:asc": ["zeynab", "moussa", "awa", "bintou", "cheikh", "kofi"],
  "role:desc": ["cheikh", "kofi", "bintou", "awa", "zeynab", "moussa"],
  "name:asc": ["awa", "bintou", "cheikh", "moussa", "zeynab", "kofi"],
  "name:desc": ["zeynab", "moussa", "cheikh", "bintou", "awa", "kofi"],
  "email:asc": ["awa", "bintou", "cheikh", "kofi", "moussa", "zeynab"],
  "email:desc": ["zeynab", "moussa", "kofi", "cheikh", "bintou", "awa"],
  "created_at:asc": ["zeynab", "cheikh", "kofi", "awa", "bintou", "moussa"],
  "created_at:desc": ["moussa", "bintou", "awa", "kofi", "cheikh", "zeynab"],
};

const local = (email: string) => email.split("@")[0];

describeEachEngine("Team page lists", ({ db }) => {
  const k = () => db().db as Kysely<Database>;

  async function seedUsers() {
    await k()
      .insertInto("users")
      .values(USERS.map((u, i) => ({ id: `u${i}`, email: u.email, name: u.name, password_hash: null, role: u.role, created_at: u.created_at, disabled_at: u.disabled_at ?? null })))
      .execute();
  }

  it("members: every sort and direction, and pages of 2 that add up to the whole list", async () => {
    await seedUsers();
    expect((await listMembers(k())).map((m) => local(m.email))).toEqual(EXPECTED["role:asc"]);
    for (const [key, expected] of Object.entries(EXPECTED)) {
      const [sort, dir] = key.split(":") as [MemberSortColumn, "asc" | "desc"];
      expect((await listMembers(k(), { sort, dir })).map((m) => local(m.email)), key).toEqual(expected);
      const pages: string[][] = [];
      for (let offset = 0; offset < 8; offset += 2) pages.push((await listMembers(k(), { sort, dir, limit: 2, offset })).map((m) => local(m.email)));
      expect(pages, key).toEqual([expected.slice(0, 2), expected.slice(2, 4), expected.slice(4, 6), []]);
    }
    // The page's "is there a next page" read: size + 1.
    expect(await listMembers(k(), { limit: 3, offset: 4 })).toHaveLength(2);
  });

  it("pending invites: newest first, used and expired ones left out, one page at a time", async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const past = new Date(Date.now() - 60_000).toISOString();
    const invite = (id: string, created: string, extra: { expires_at?: string; used_at?: string } = {}) => ({
      id,
      token_hash: `hash-${id}`,
      email: `${id}@shop.test`,
      role: "support" as const,
      invited_by: null,
      created_at: created,
      expires_at: extra.expires_at ?? future,
      used_at: extra.used_at ?? null,
      used_by: null,
    });
    await k()
      .insertInto("invites")
      .values([
        invite("i1", "2026-05-01T10:00:00.000Z"),
        invite("i2", "2026-05-03T10:00:00.000Z"),
        invite("i3", "2026-05-02T10:00:00.000Z", { used_at: "2026-05-02T11:00:00.000Z" }),
        invite("i4", "2026-05-04T10:00:00.000Z", { expires_at: past }),
        invite("i5", "2026-05-05T10:00:00.000Z"),
        invite("i6", "2026-04-30T10:00:00.000Z"),
      ])
      .execute();
    const ids = async (opts?: { limit?: number; offset?: number }) => (await listPendingInvites(k(), opts)).map((i) => i.id);
    expect(await ids()).toEqual(["i5", "i2", "i1", "i6"]);
    expect(await ids({ limit: 3, offset: 0 })).toEqual(["i5", "i2", "i1"]);
    expect(await ids({ limit: 3, offset: 2 })).toEqual(["i1", "i6"]);
    expect(await ids({ limit: 3, offset: 4 })).toEqual([]);
  });

  it("audit log: newest first, `offset` pages through the filter", async () => {
    const actions = ["auth.sign_in", "team.invite_created", "team.role_changed", "auth.sign_in", "team.member_removed", "settings.timezone_changed", "team.invite_revoked"] as const;
    for (const [i, action] of actions.entries()) await recordAudit(k(), { actor: null, action, target: `t${i + 1}` });
    const targets = async (opts: Parameters<typeof listAudit>[1]) => (await listAudit(k(), opts)).map((e) => e.target);
    expect(await targets({ limit: 3 })).toEqual(["t7", "t6", "t5"]);
    expect(await targets({ limit: 3, offset: 3 })).toEqual(["t4", "t3", "t2"]);
    expect(await targets({ limit: 3, offset: 6 })).toEqual(["t1"]);
    expect(await targets({ limit: 3, offset: 7 })).toEqual([]);
    // Within a filter: team changes only (t2, t3, t5, t7), second page of 2.
    expect(await targets({ action: "team.", limit: 2, offset: 2 })).toEqual(["t3", "t2"]);
  });
});
