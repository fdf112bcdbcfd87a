"use client";
// The Team page's mutations, the only part of it that needs JavaScript: change a role, remove a member,
// revoke an invite. The lists themselves are server-rendered pages of the URL; after a change the page
// is refreshed from the server (router.refresh), so members, invites and the audit log stay one truth.
// One provider holds the error (said by its code in the member's language) and which row is busy.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { apiFetch } from "@/lib/http/api-client";
import { clientError, errorMessage } from "@/lib/http/client-error";

/** Runs a change for a row (busy meanwhile): its result, or undefined when it failed (the error is shown). */
type Run = <T>(rowId: string | null, call: () => Promise<T>) => Promise<T | undefined>;
type TeamActions = { run: Run; busyId: string | null };

const TeamActionsContext = createContext<TeamActions | null>(null);

/**
 * What the Team page says when a change fails: the team's own cases first (an email that is already a
 * member, the last owner, a member or invite gone meanwhile), then the shared words for the error's code.
 */
export function useTeamErrorText(): (error: unknown) => string {
  const t = useTranslations("team.errors");
  const tErrors = useTranslations("Errors");
  return useCallback(
    (error: unknown) => {
      const { code, field } = clientError(error);
      // lib/team: the only conflicts are "already a member" (on `email`) and "keep one owner" (no field).
      if (code === "conflict") return field === "email" ? t("alreadyMember") : t("lastOwner");
      if (code === "not_found") return t("gone");
      if ((code === "invalid_input" || code === "validation_error") && field === "email") return t("invalidEmail");
      return errorMessage(tErrors, error);
    },
    [t, tErrors],
  );
}

export function TeamActionsProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const describe = useTeamErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const run = useCallback(
    async <T,>(rowId: string | null, call: () => Promise<T>): Promise<T | undefined> => {
      setError(null);
      setBusyId(rowId);
      try {
        return await call();
      } catch (e) {
        setError(describe(e));
        return undefined;
      } finally {
        setBusyId(null);
        // Even a failed change may mean the list moved on (a member removed meanwhile): read it again.
        router.refresh();
      }
    },
    [describe, router],
  );
  const value = useMemo(() => ({ run, busyId }), [run, busyId]);
  return (
    <TeamActionsContext.Provider value={value}>
      <div className="space-y-6">
        {error ? <Alert>{error}</Alert> : null}
        {children}
      </div>
    </TeamActionsContext.Provider>
  );
}

export function useTeamActions(): TeamActions {
  const actions = useContext(TeamActionsContext);
  if (!actions) throw new Error("useTeamActions outside <TeamActionsProvider>");
  return actions;
}

const small = "min-h-11 px-3 text-sm";

/** A member's role, for a viewer who may change it: saved as soon as it is chosen. */
export function RoleSelect({ member, roles }: { member: { id: string; email: string; role: Role }; roles: readonly Role[] }) {
  const t = useTranslations("team");
  const codeLabel = useCodeLabel();
  const { run, busyId } = useTeamActions();
  // The chosen role shows at once; a refused change puts the member's role back.
  const [value, setValue] = useState(member.role);
  return (
    <select
      aria-label={t("changeRole", { email: member.email })}
      value={value}
      disabled={busyId === member.id}
      onChange={async (e) => {
        const role = e.target.value as Role;
        setValue(role);
        const saved = await run(member.id, () => apiFetch<{ member: unknown }>(`/api/team/members/${encodeURIComponent(member.id)}`, { method: "PATCH", body: { role } }));
        if (saved === undefined) setValue(member.role);
      }}
      className={`${inputClass} min-h-11 w-auto py-1`}
    >
      {ROLES.filter((r) => r === member.role || roles.includes(r)).map((r) => (
        <option key={r} value={r}>
          {codeLabel("role", r)}
        </option>
      ))}
    </select>
  );
}

export function RemoveMemberButton({ member }: { member: { id: string; email: string } }) {
  const t = useTranslations("team");
  const { run, busyId } = useTeamActions();
  return (
    <Button
      variant="danger"
      className={small}
      disabled={busyId === member.id}
      aria-label={t("removeLabel", { email: member.email })}
      onClick={() => {
        if (!window.confirm(t("removeConfirm", { email: member.email }))) return;
        void run(member.id, () => apiFetch(`/api/team/members/${encodeURIComponent(member.id)}`, { method: "DELETE" }));
      }}
    >
      {t("remove")}
    </Button>
  );
}

export function RevokeInviteButton({ invite }: { invite: { id: string; email: string } }) {
  const t = useTranslations("team");
  const { run, busyId } = useTeamActions();
  return (
    <Button
      variant="danger"
      className={small}
      disabled={busyId === invite.id}
      aria-label={t("revokeInviteLabel", { email: invite.email })}
      data-testid="revoke-invite"
      onClick={() => {
        if (!window.confirm(t("revokeInviteConfirm", { email: invite.email }))) return;
        void run(invite.id, () => apiFetch(`/api/team/invites/${encodeURIComponent(invite.id)}`, { method: "DELETE" }));
      }}
    >
      {t("revokeInvite")}
    </Button>
  );
}
