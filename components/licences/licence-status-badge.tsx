// A licence's status in the merchant's words (lib/format/codes.ts, kind licenceStatus), tinted by what it
// asks of them: active is fine, pending activation waits on the buyer, revoked is a problem.
import { useTranslations } from "next-intl";
import { CodeLabel } from "@/components/ui/code-label";

const TONE: Record<string, string> = {
  active: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200",
  pending_activation: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-200",
  expired: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  revoked: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-200",
};

export function LicenceStatusBadge({ status }: { status: string | null }) {
  const t = useTranslations("licences");
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs ${TONE[status ?? ""] ?? "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200"}`} data-status={status ?? ""}>
      {status ? <CodeLabel kind="licenceStatus" code={status} /> : t("unknown")}
    </span>
  );
}
