"use client";
// The interactive part of the Team page: members (query key ["team","members"], hydrated from the
// server), invite, revoke an invite, change role, remove. Each mutation refreshes the members, the
// pending invites and the audit log.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { InviteForm, type CreatedInviteLink } from "@/components/forms/invite-form";
import { MembersTable, type MemberRow } from "@/components/team/members-table";
import { PendingInvites, type PendingInvite } from "@/components/team/pending-invites";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ROLES, canManageMember, type Role } from "@/lib/auth/permissions";
import { ApiError, apiFetch } from "@/lib/http/api-client";
import { queryKeys } from "@/lib/query/keys";

type Member = Omit<MemberRow, "manageable" | "isSelf">;

type Props = { initialMembers: Member[]; initialInvites: PendingInvite[]; viewer: { id: string; role: Role; canManage: boolean } };

export function TeamClient({ initialMembers, initialInvites, viewer }: Props) {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedInviteLink | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const members = useQuery({
    queryKey: queryKeys.teamMembers(),
    queryFn: () => apiFetch<{ members: Member[] }>("/api/team/members").then((r) => r.members),
    initialData: initialMembers,
  });
  const invites = useQuery({
    queryKey: queryKeys.teamInvites(),
    queryFn: () => apiFetch<{ invites: PendingInvite[] }>("/api/team/invites").then((r) => r.invites),
    initialData: initialInvites,
  });

  const describe = (e: unknown) => {
    if (!(e instanceof ApiError)) return t("team.errors.generic");
    if (e.status === 403) return t("team.errors.forbidden");
    if (e.status === 409) return t("team.errors.conflict", { message: e.message });
    if (e.status === 404) return t("team.errors.gone");
    if (e.status === 400) return t("team.errors.invalid", { field: e.field ?? e.message });
    return t("team.errors.generic");
  };
  const refresh = async () => {
    setBusyId(null);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.teamMembers() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.teamInvites() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.auditAll() }),
    ]);
  };
  const options = { onError: (e: unknown) => setError(describe(e)), onSettled: refresh, onMutate: () => setError(null) };

  const invite = useMutation({
    mutationFn: (input: { email: string; role: Role }) => apiFetch<{ invite: CreatedInviteLink }>("/api/team/invites", { method: "POST", body: input }),
    ...options,
    onSuccess: (r) => setCreated(r.invite),
  });
  const changeRole = useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) => apiFetch(`/api/team/members/${id}`, { method: "PATCH", body: { role } }),
    ...options,
  });
  const revokeInvite = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/team/invites/${encodeURIComponent(id)}`, { method: "DELETE" }),
    ...options,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/team/members/${id}`, { method: "DELETE" }),
    ...options,
  });

  const rows: MemberRow[] = members.data.map((m) => ({
    ...m,
    isSelf: m.id === viewer.id,
    manageable: viewer.canManage && canManageMember(viewer.role, m.role),
  }));
  const assignableRoles = ROLES.filter((r) => canManageMember(viewer.role, r, r));

  return (
    <div className="space-y-6">
      {error ? <Alert>{error}</Alert> : null}
      {viewer.canManage ? (
        <Card title={t("team.invite.title")}>
          <InviteForm roles={assignableRoles} pending={invite.isPending} created={created} onSubmit={(input) => invite.mutate(input)} />
          <div className="mt-6 border-t border-zinc-200 pt-4 dark:border-zinc-800">
            <h3 className="mb-2 text-sm font-semibold">{t("team.pendingTitle")}</h3>
            <PendingInvites
              invites={invites.data}
              busyId={busyId}
              canRevoke={(i) => canManageMember(viewer.role, i.role, i.role)}
              onRevoke={(i) => {
                if (!window.confirm(t("team.revokeInviteConfirm", { email: i.email }))) return;
                setBusyId(i.id);
                revokeInvite.mutate(i.id);
              }}
            />
          </div>
        </Card>
      ) : null}
      <Card title={t("team.membersTitle")} testId="members">
        <MembersTable
          members={rows}
          assignableRoles={assignableRoles}
          busyId={busyId}
          onChangeRole={(m, role) => {
            setBusyId(m.id);
            changeRole.mutate({ id: m.id, role });
          }}
          onRemove={(m) => {
            if (!window.confirm(t("team.removeConfirm", { email: m.email }))) return;
            setBusyId(m.id);
            remove.mutate(m.id);
          }}
        />
      </Card>
    </div>
  );
}
