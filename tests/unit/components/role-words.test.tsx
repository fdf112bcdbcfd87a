// A role reads the same everywhere — the shell's member card, the login page's demo accounts, the Team
// page's role select — because its words live in one place (Codes.role), with the glossary's wording:
// support is "Service client" / "Customer service", admin "Administrateur" / "Administrator".
import { describe, expect, it } from "vitest";
import { LoginForm } from "@/components/forms/login-form";
import { UserMenu } from "@/components/layout/user-menu";
import { MembersTable } from "@/components/team/members-table";
import { TeamActionsProvider } from "@/components/team/team-actions";
import { loadMessages } from "@/lib/i18n/messages";
import { renderHtml } from "@/tests/support/render";

const WORDS = {
  fr: { owner: "Propriétaire", admin: "Administrateur", marketing: "Marketing", support: "Service client" },
  en: { owner: "Owner", admin: "Administrator", marketing: "Marketing", support: "Customer service" },
} as const;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("roles in words", () => {
  for (const locale of ["fr", "en"] as const) {
    it(`${locale}: the member card, the demo accounts and the Team select say the same words`, async () => {
      for (const role of ["admin", "support"] as const) {
        const card = await renderHtml(<UserMenu user={{ email: "kofi@shop.test", name: null, role }} signOutAction={async () => {}} />, locale);
        expect(text(card.split('data-testid="user-role"')[1])).toContain(WORDS[locale][role]);
      }
      const login = text(await renderHtml(<LoginForm action={async () => ({})} next="/" demoAccounts={[{ email: "s@demo.test", password: "pw", role: "support" }]} />, locale));
      expect(login).toContain(WORDS[locale].support);
      const team = await renderHtml(
        <TeamActionsProvider>
          <MembersTable
            members={[{ id: "u2", email: "kofi@shop.test", name: null, role: "support", createdAt: "2026-01-10T09:00:00.000Z", manageable: true, isSelf: false }]}
            assignableRoles={["admin", "marketing", "support"]}
            url={{ pathname: "/team", query: {} }}
            sort={{ column: "role", dir: "asc" }}
            page={{ number: 1, size: 25, hasMore: false }}
          />
        </TeamActionsProvider>,
        locale,
      );
      for (const role of ["admin", "marketing", "support"] as const) expect(team).toContain(`<option value="${role}"${role === "support" ? ' selected=""' : ""}>${WORDS[locale][role]}</option>`);
    });

    it(`${locale}: roles have one source of words (no second catalogue to drift)`, async () => {
      const messages = await loadMessages(locale);
      expect(messages).not.toHaveProperty("roles");
      expect((messages.Codes as { role: unknown }).role).toEqual(WORDS[locale]);
    });
  }
});
