"use client";
// The Team page's invite form (a client island): creates the single-use link, shows it once to its
// creator, and refreshes the server-rendered lists (pending invites, audit log) through the page's
// TeamActionsProvider, which also says any error by its code.
import { useState } from "react";
import { InviteForm, type CreatedInviteLink } from "@/components/forms/invite-form";
import { useTeamActions } from "@/components/team/team-actions";
import type { Role } from "@/lib/auth/permissions";
import { apiFetch } from "@/lib/http/api-client";

export function InviteClient({ roles }: { roles: readonly Role[] }) {
  const { run } = useTeamActions();
  const [created, setCreated] = useState<CreatedInviteLink | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <InviteForm
      roles={roles}
      pending={pending}
      created={created}
      onSubmit={async (input) => {
        setPending(true);
        const answer = await run(null, () => apiFetch<{ invite: CreatedInviteLink }>("/api/team/invites", { method: "POST", body: input }));
        setPending(false);
        if (answer) setCreated(answer.invite);
      }}
    />
  );
}
