// The Team page's tables as the server sends them, before any JavaScript: each is one page of the URL
// under its own keys (members_*, invites_*, audit_*) whose links keep the other tables' state; roles and
// audit actions in words, never their codes; dates in the store's time zone; the row controls only for
// members the viewer may manage; empty states said.
import { describe, expect, it } from "vitest";
import { AuditTable } from "@/components/team/audit-table";
import { MembersTable, type MemberRow } from "@/components/team/members-table";
import { PendingInvites } from "@/components/team/pending-invites";
import { TeamActionsProvider, useTeamErrorText } from "@/components/team/team-actions";
import { ApiError } from "@/lib/http/api-client";
import { attributesOf, renderHtml } from "@/tests/support/render";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");

const members: MemberRow[] = [
  { id: "u1", email: "awa@shop.test", name: "Awa Diallo", role: "owner", createdAt: "2026-03-31T23:30:00.000Z", manageable: false, isSelf: true },
  { id: "u2", email: "kofi@shop.test", name: null, role: "support", createdAt: "2026-01-10T09:00:00.000Z", manageable: true, isSelf: false },
];
// The other tables' state in the URL: a link of one table keeps it.
const query = { audit_page: "2", invites_page: "3" };

describe("Team tables (server HTML)", () => {
  it("members: sort links under members_* that keep the other tables' pages, roles in words, controls only where allowed", async () => {
    const html = await renderHtml(
      <TeamActionsProvider>
        <MembersTable
          members={members}
          assignableRoles={["admin", "marketing", "support"]}
          url={{ pathname: "/team", query: { ...query, members_page: "2" } }}
          sort={{ column: "role", dir: "asc" }}
          page={{ number: 2, size: 25, hasMore: true }}
          exportHref="/api/team/members/export.csv"
        />
      </TeamActionsProvider>,
      "fr",
      "Africa/Lagos",
    );
    const hrefs = attributesOf(html, "a", "href");
    expect(hrefs).toContain("/team?audit_page=2&invites_page=3&members_sort=name&members_dir=desc");
    expect(hrefs).toContain("/team?audit_page=2&invites_page=3&members_sort=role&members_dir=desc");
    expect(hrefs).toContain("/team?audit_page=2&invites_page=3&members_page=3");
    expect(hrefs).toContain("/team?audit_page=2&invites_page=3&members_page=1");
    const words = text(html);
    // Awa is the owner the viewer cannot manage: her role in words; Kofi's is a select offering words.
    expect(words).toContain("Propriétaire");
    expect(html).toMatch(/<option value="support" selected="">Service client<\/option>/);
    expect(words).not.toMatch(/\b(owner|support|marketing)\b/);
    // Joined on 31 March 23:30 UTC = 1 April in Lagos (UTC+1): the store's day, not UTC's.
    expect(words).toContain("1 avr. 2026");
    expect(words).toContain("(vous)");
    // One remove button: Kofi's (manageable, not the viewer).
    expect(html.match(/aria-label="Retirer kofi@shop\.test de l/g)).toHaveLength(1);
    expect(html).not.toContain("Retirer awa@shop.test");
    expect(attributesOf(html, "span", "data-email")).toEqual(["awa@shop.test", "kofi@shop.test"]);
    expect(html).toContain('data-testid="members-table"');
  });

  it("pending invites: paged under invites_*, role and expiry in words, revoke only when allowed, empty state", async () => {
    const html = await renderHtml(
      <TeamActionsProvider>
        <PendingInvites
          invites={[
            { id: "i1", email: "new@shop.test", role: "marketing", expiresAt: "2026-06-07T22:15:00.000Z", revocable: true },
            { id: "i2", email: "boss@shop.test", role: "owner", expiresAt: "2026-06-08T10:00:00.000Z", revocable: false },
          ]}
          url={{ pathname: "/team", query }}
          page={{ number: 3, size: 25, hasMore: false }}
        />
      </TeamActionsProvider>,
      "en",
      "Africa/Lagos",
    );
    expect(attributesOf(html, "a", "href")).toContain("/team?audit_page=2&invites_page=2");
    const words = text(html);
    expect(words).toContain("Marketing");
    expect(words).toContain("Owner");
    expect(words).toContain("Jun 7, 2026, 11:15 PM");
    expect(html.match(/data-testid="revoke-invite"/g)).toHaveLength(1);
    expect(html).toContain('aria-label="Revoke the invite to new@shop.test"');

    const empty = await renderHtml(<PendingInvites invites={[]} url={{ pathname: "/team", query: {} }} page={{ number: 1, size: 25, hasMore: false }} />);
    expect(text(empty)).toContain("Aucune invitation en attente.");
  });

  it("audit log: actions in words with the code kept as data, dates in the store's zone, audit_* pages and sizes", async () => {
    const html = await renderHtml(
      <AuditTable
        entries={[
          { id: 9, at: "2026-03-31T23:30:00.000Z", actorEmail: "awa@shop.test", action: "team.role_changed", target: "kofi@shop.test" },
          { id: 8, at: "2026-03-30T08:00:00.000Z", actorEmail: null, action: "auth.sign_in_failed", target: "x@shop.test" },
        ]}
        url={{ pathname: "/team", query: { ...query, members_sort: "email" } }}
        page={{ number: 2, size: 25, hasMore: true }}
        exportHref="/api/audit/export.csv"
      />,
      "fr",
      "Africa/Lagos",
    );
    const words = text(html);
    expect(words).toContain("Rôle modifié");
    expect(words).toContain("Échec de connexion");
    expect(words).toContain("système");
    expect(words).not.toContain("team.role_changed");
    expect(words).not.toContain("sign_in_failed");
    expect(attributesOf(html, "span", "data-action")).toEqual(["team.role_changed", "auth.sign_in_failed"]);
    expect(words).toContain("1 avr. 2026, 00:30");
    const hrefs = attributesOf(html, "a", "href");
    expect(hrefs).toContain("/team?audit_page=3&invites_page=3&members_sort=email");
    expect(hrefs).toContain("/team?audit_page=1&invites_page=3&members_sort=email");
    expect(hrefs).toContain("/team?invites_page=3&members_sort=email&audit_size=50");
    expect(await renderHtml(<AuditTable entries={[]} url={{ pathname: "/team", query: {} }} page={{ number: 1, size: 25, hasMore: false }} />, "en")).toContain("No action recorded yet.");
  });

  it("says a failed change by its code in the member's language, never the server's English message", async () => {
    function Say({ error }: { error: unknown }) {
      return <p>{useTeamErrorText()(error)}</p>;
    }
    const say = async (error: unknown, locale: "fr" | "en" = "fr") => text(await renderHtml(<Say error={error} />, locale)).trim();
    expect(await say(new ApiError(409, "conflict", "awa@shop.test is already a member", "email"))).toBe("Cette adresse est déjà celle d'un membre de l'équipe.");
    expect(await say(new ApiError(409, "conflict", "The store must keep at least one owner: make someone else owner first"), "en")).toBe("The store must keep at least one owner: make someone else owner first.");
    expect(await say(new ApiError(409, "conflict", "The store must keep at least one owner"))).toContain("au moins un propriétaire");
    expect(await say(new ApiError(404, "not_found", "No such member"))).toBe("Cette invitation ou ce membre n'existe plus.");
    expect(await say(new ApiError(400, "invalid_input", "email: must be a valid email address", "email"))).toBe("Cette adresse e-mail n'est pas valide.");
    expect(await say(new ApiError(403, "forbidden", "Admins cannot manage owners or make someone an owner"))).toBe("Votre rôle ne permet pas cette action.");
    expect(await say(new TypeError("Failed to fetch"))).toContain("Connexion impossible");
  });
});
