// "Technical details" on Settings, closed by default (a <details>, works before JavaScript): what support
// or whoever hosts the dashboard needs, and a merchant does not — the Chariow API host, the API requests
// left and when they renew, which instance runs the sync, each optional sync job's state, the last sync
// error's own text, and which Pulse ids have a signing secret.
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ChevronRight } from "lucide-react";
import { useCodeLabel } from "@/components/ui/use-code-label";
import type { FreshnessView, OptionalJobView } from "@/lib/freshness/schemas";
import { DefinitionRows, useSyncErrorKind, type SyncLastError } from "./sync-status-details";

type Props = {
  apiHost: string;
  budget: FreshnessView["budget"];
  now: number;
  leaseHolder: string | null;
  optionalJobs: OptionalJobView[];
  lastError: SyncLastError | null;
  pulseSecretsFor: "all" | string[];
};

export function TechnicalDetails({ apiHost, budget, now, leaseHolder, optionalJobs, lastError, pulseSecretsFor }: Props) {
  const t = useTranslations("settings");
  const codeLabel = useCodeLabel();
  const format = useFormatter();
  const errorKind = useSyncErrorKind();
  const when = (iso: string | null) => (iso ? format.relativeTime(new Date(iso), now) : t("never"));
  const jobState = (j: OptionalJobView) =>
    j.state === "not_available"
      ? t("optionalJobState.notAvailable", { when: when(j.at) })
      : j.state === "failing"
        ? t("optionalJobState.failing", { when: when(j.at), reason: errorKind(j.error?.kind ?? "internal"), message: j.error?.message ?? "" })
        : j.state === "ok"
          ? t("optionalJobState.ok", { when: when(j.at) })
          : t("optionalJobState.never");
  const rows: Array<[string, ReactNode, string]> = [
    [t("apiHost"), <code key="host">{apiHost}</code>, "api-host"],
    [t("budget"), budget ? t("budgetValue", { remaining: budget.remaining, limit: budget.limit, when: when(budget.resetAt) }) : t("notYet"), "sync-budget"],
    [t("leaseHolder"), leaseHolder ? <code key="lease">{leaseHolder}</code> : t("none"), "sync-lease"],
    ...optionalJobs.map((j): [string, ReactNode, string] => [t("optionalJob", { job: codeLabel("syncJob", j.job) }), jobState(j), `sync-job-${j.job}`]),
    [t("lastErrorText"), lastError ? <code key="error" className="whitespace-pre-wrap">{lastError.message || errorKind(lastError.kind)}</code> : t("none"), "sync-last-error-text"],
    [t("pulseSecretIds"), pulseSecretsFor === "all" ? t("pulseSecretsAll") : pulseSecretsFor.length === 0 ? t("none") : <code key="ids">{pulseSecretsFor.join(", ")}</code>, "pulse-secret-ids"],
  ];
  return (
    <details className="group" data-testid="technical-details">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 text-base font-semibold text-zinc-900 dark:text-zinc-100">
        <ChevronRight aria-hidden className="size-4 transition-transform group-open:rotate-90" />
        {t("technicalTitle")}
      </summary>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t("technicalHelp")}</p>
      <DefinitionRows rows={rows} />
    </details>
  );
}
