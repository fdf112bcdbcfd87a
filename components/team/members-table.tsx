// The team as a table: role selector and remove button for the members the viewer may manage.
import { useFormatter, useTranslations } from "next-intl";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";

export type MemberRow = { id: string; email: string; name: string | null; role: Role; createdAt: string; manageable: boolean; isSelf: boolean };

type Props = {
  members: MemberRow[];
  assignableRoles: readonly Role[];
  busyId: string | null;
  onChangeRole: (member: MemberRow, role: Role) => void;
  onRemove: (member: MemberRow) => void;
};

export function MembersTable({ members, assignableRoles, busyId, onChangeRole, onRemove }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <div className="relative overflow-x-auto" tabIndex={0}>
      <table className="w-full text-left text-sm" data-testid="members-table">
        <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-600 dark:text-zinc-400 dark:border-zinc-800">
          <tr>
            <th className="py-2 pr-4">{t("team.columns.name")}</th>
            <th className="py-2 pr-4">{t("team.columns.email")}</th>
            <th className="py-2 pr-4">{t("team.columns.role")}</th>
            <th className="py-2 pr-4">{t("team.columns.joined")}</th>
            <th className="py-2">{t("team.columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} data-email={m.email} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <td className="py-2 pr-4">
                {m.name ?? t("team.noName")}
                {m.isSelf ? <span className="ml-1 text-xs text-zinc-600 dark:text-zinc-400">({t("team.you")})</span> : null}
              </td>
              <td className="py-2 pr-4 font-mono text-xs">{m.email}</td>
              <td className="py-2 pr-4">
                {m.manageable ? (
                  <select
                    aria-label={t("team.changeRole", { email: m.email })}
                    value={m.role}
                    disabled={busyId === m.id}
                    onChange={(e) => onChangeRole(m, e.target.value as Role)}
                    className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
                  >
                    {ROLES.filter((r) => r === m.role || assignableRoles.includes(r)).map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span data-testid="member-role">{t(`roles.${m.role}`)}</span>
                )}
              </td>
              <td className="py-2 pr-4 text-xs text-zinc-600 dark:text-zinc-400">{format.dateTime(new Date(m.createdAt), { dateStyle: "medium" })}</td>
              <td className="py-2">
                {m.manageable && !m.isSelf ? (
                  <Button variant="danger" className="px-2 py-1 text-xs" disabled={busyId === m.id} onClick={() => onRemove(m)}>
                    {t("team.remove")}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
