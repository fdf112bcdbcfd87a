// The Team page itself, rendered to HTML as the server sends it (before JavaScript), on both engines: each
// table reads its own page of the URL from the database (members_*, invites_*, audit_* keys), so a link of
// one table moves only that table; words instead of codes; an admin gets no controls on owners.
import { createTranslator } from "next-intl";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db";
import { setRecoveryWindowDays } from "@/lib/recovery/attribution-window";
import { setRecoveryTemplates } from "@/lib/recovery/templates";
import { setStoreTimeZone } from "@/lib/settings/store-timezone";
import { loadMessages } from "@/lib/i18n/messages";
import { attributesOf, renderHtml } from "@/tests/support/render";
import { describeEachEngine } from "../db/engines";

// setStoreTimeZone reads the configured default zone (lib/env.ts), which needs a complete environment.
vi.stubEnv("AUTH_SECRET", "team-page-test-secret-0123456789abcdef");
const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ requirePermission: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.mock("next-intl/server", async () => {
  const messages = await loadMessages("fr");
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "fr", messages, namespace }) };
});
const { default: TeamPage } = await import("@/app/(dashboard)/team/page");

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");

describeEachEngine("Team page (server HTML)", ({ db }) => {
  const k = () => db().db as Kysely<Database>;

  beforeEach(async () => {
    state.db = k();
    // 30 members: 2 owners, then admins… so 25 fit on page 1 and 5 on page 2 (role order, then join date).
    const roles: Role[] = ["owner", "owner", ...Array.from({ length: 8 }, (): Role => "admin"), ...Array.from({ length: 20 }, (): Role => "support")];
    await k()
      .insertInto("users")
      .values(roles.map((role, i) => ({ id: `u${i}`, email: `m${String(i).padStart(2, "0")}@shop.test`, name: `Member ${i}`, password_hash: null, role, created_at: `2026-01-${String(i + 1).padStart(2, "0")}T08:00:00.000Z`, disabled_at: null })))
      .execute();
    // 30 audit entries, ids 1…30 (newest last).
    for (let i = 1; i <= 30; i++) await k().insertInto("audit_log").values({ at: `2026-02-01T00:${String(i).padStart(2, "0")}:00.000Z`, actor_user_id: null, actor_email: null, action: "team.role_changed", target: `target-${i}`, details: null, ip: null }).execute();
  });

  const render = async (query: Record<string, string>) => renderHtml(await TeamPage({ searchParams: Promise.resolve(query) }), "fr", "Africa/Abidjan");

  it("pages each table on its own keys, newest audit entries first, members by role", async () => {
    state.member = { id: "u0", email: "m00@shop.test", name: "Member 0", role: "owner", createdAt: "2026-01-01T08:00:00.000Z" };
    const first = await render({});
    const emails = attributesOf(first, "span", "data-email");
    expect(emails).toHaveLength(25);
    expect(emails.slice(0, 3)).toEqual(["m00@shop.test", "m01@shop.test", "m02@shop.test"]);
    expect(attributesOf(first, "span", "data-action")).toHaveLength(25);
    expect(text(first)).toContain("target-30");
    expect(text(first)).not.toContain("target-5 ");
    expect(attributesOf(first, "a", "href")).toContain("/team?members_page=2");
    expect(attributesOf(first, "a", "href")).toContain("/team?audit_page=2");

    // Audit page 2 leaves the members on page 1, and the reverse.
    const auditTwo = await render({ audit_page: "2" });
    expect(attributesOf(auditTwo, "span", "data-email")).toEqual(emails);
    expect(text(auditTwo)).toContain("target-5 ");
    expect(text(auditTwo)).not.toContain("target-6 ");
    const membersTwo = await render({ members_page: "2", audit_page: "2" });
    expect(attributesOf(membersTwo, "span", "data-email")).toEqual(["m25@shop.test", "m26@shop.test", "m27@shop.test", "m28@shop.test", "m29@shop.test"]);
    expect(attributesOf(membersTwo, "a", "href")).toContain("/team?members_page=1&audit_page=2");
    // Sorted by email, descending, as the header link asks.
    const byEmail = await render({ members_sort: "email", members_dir: "desc" });
    expect(attributesOf(byEmail, "span", "data-email").slice(0, 2)).toEqual(["m29@shop.test", "m28@shop.test"]);
    // Words, not codes.
    expect(text(first)).toContain("Rôle modifié");
    expect(text(first)).not.toContain("team.role_changed");
  });

  it("an admin gets no role select or remove button on owners", async () => {
    state.member = { id: "u2", email: "m02@shop.test", name: "Member 2", role: "admin", createdAt: "2026-01-03T08:00:00.000Z" };
    const html = await render({});
    expect(html).not.toContain('aria-label="Retirer m00@shop.test');
    expect(html).not.toContain('aria-label="Changer le rôle de m00@shop.test"');
    expect(html).toContain('aria-label="Changer le rôle de m03@shop.test"');
    expect(html).toContain('aria-label="Retirer m03@shop.test');
    // Their own row: a role select (admins may re-role admins) but no remove button.
    expect(html).not.toContain('aria-label="Retirer m02@shop.test');
  });

  it("says what a settings change was about in words: the setting, the time zone, never their keys", async () => {
    state.member = { id: "u0", email: "m00@shop.test", name: "Member 0", role: "owner", createdAt: "2026-01-01T08:00:00.000Z" };
    const actor = { id: "u0", email: "m00@shop.test", role: "owner" as const };
    // Written by the services themselves, with the targets they really record.
    await setRecoveryWindowDays(k(), { days: 3 }, actor);
    await setRecoveryTemplates(k(), { fr: "Bonjour {customer}", en: "Hello {customer}" }, actor);
    await setStoreTimeZone(k(), "Africa/Lagos", actor);
    const words = text(await render({}));
    expect(words).toContain("Fenêtre d'attribution des relances");
    expect(words).toContain("Modèles de message de relance");
    expect(words).toContain("Lagos (UTC+1)");
    for (const key of ["recovery.window_days", "recovery.templates", "Africa/Lagos"]) expect(words).not.toContain(key);
  });
});
