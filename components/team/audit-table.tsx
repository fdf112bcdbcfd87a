// The audit log as a table: when, who, what, on whom. Known actions get a translated label; the action
// code stays visible (and is the label of actions added later without a translation).
import { useFormatter, useTranslations } from "next-intl";

export type AuditRow = { id: number; at: string; actorEmail: string | null; action: string; target: string | null };

/** Message keys cannot contain dots (next-intl nests on them): "team.role_changed" → "team_role_changed". */
function actionKey(action: string): string {
  return action.replace(/\./g, "_");
}

export function AuditTable({ entries }: { entries: AuditRow[] }) {
  const t = useTranslations("audit");
  const format = useFormatter();
  if (entries.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("empty")}</p>;
  return (
    <div className="relative overflow-x-auto" tabIndex={0}>
      <table className="w-full text-left text-sm" data-testid="audit-table">
        <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-600 dark:text-zinc-400 dark:border-zinc-800">
          <tr>
            <th className="py-2 pr-4">{t("columns.at")}</th>
            <th className="py-2 pr-4">{t("columns.actor")}</th>
            <th className="py-2 pr-4">{t("columns.action")}</th>
            <th className="py-2">{t("columns.target")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-action={e.action} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <td className="whitespace-nowrap py-2 pr-4 text-xs text-zinc-600 dark:text-zinc-400">
                {format.dateTime(new Date(e.at), { dateStyle: "short", timeStyle: "medium" })}
              </td>
              <td className="py-2 pr-4 font-mono text-xs">{e.actorEmail ?? t("system")}</td>
              <td className="py-2 pr-4">
                {t.has(`actions.${actionKey(e.action)}`) ? <span className="mr-2">{t(`actions.${actionKey(e.action)}`)}</span> : null}
                <code className="text-xs text-zinc-600 dark:text-zinc-400">{e.action}</code>
              </td>
              <td className="py-2 font-mono text-xs">{e.target ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
