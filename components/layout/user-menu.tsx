// The signed-in member (name or email, role) and the sign-out button: a form posting to a server action
// (passed in), so signing out works before the JavaScript has loaded too; the form also deletes the
// member's offline copies in this browser as it is sent (`data-sign-out`: lib/pwa/early-script.ts).
import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { CodeLabel } from "@/components/ui/code-label";
import type { Role } from "@/lib/auth/permissions";

export type ShellUser = { email: string; name: string | null; role: Role };

export function UserMenu({ user, signOutAction }: { user: ShellUser; signOutAction: () => Promise<void> }) {
  const t = useTranslations();
  return (
    <div data-testid="user-menu" className="space-y-2">
      <div className="min-w-0">
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("shell.signedInAs")}</p>
        <p className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100" data-testid="user-email">
          {user.name ?? user.email}
        </p>
        {user.name ? <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">{user.email}</p> : null}
        <p className="text-xs font-medium text-brand-700 dark:text-brand-100" data-testid="user-role">
          <CodeLabel kind="role" code={user.role} />
        </p>
      </div>
      <form action={signOutAction} data-sign-out="">
        <button
          type="submit"
          className={buttonClass("ghost", "-ml-3")}
        >
          <LogOut aria-hidden className="size-4" />
          {t("shell.signOut")}
        </button>
      </form>
    </div>
  );
}
