"use client";
// The case's status buttons: one per move the server allows from where the case stands (the page passes
// them from lib/payment-cases CASE_MOVES). One audited call each; the page is then refreshed from the server.
import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { ApiError, apiFetch } from "@/lib/http/api-client";

type Status = "open" | "sent" | "resolved";

export function CaseStatusActions({ caseId, status, moves }: { caseId: string; status: Status; moves: readonly Status[] }) {
  const t = useTranslations("PaymentCases");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const move = async (to: Status) => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/payment-cases/${encodeURIComponent(caseId)}/status`, { method: "POST", body: { status: to } });
      router.refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const label = (to: Status) => (to === "open" && status === "sent" ? t("detail.movedBack.open") : t(`detail.moves.${to}`));
  const otherCase = error instanceof ApiError && error.code === "case_already_open" ? (/\/payments\/cases\/([\w-]+)/.exec(error.message)?.[1] ?? null) : null;
  return (
    <div className="space-y-2" data-testid="case-status-actions">
      <div className="flex flex-wrap gap-2">
        {moves.map((to) => (
          <button key={to} type="button" disabled={busy} className={buttonClass(to === "sent" ? "primary" : "secondary")} data-testid={`case-move-${to}`} onClick={() => void move(to)}>
            {label(to)}
          </button>
        ))}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error instanceof ApiError && error.code === "case_move_refused" ? t("detail.moveRefused") : null}
          {otherCase !== null ? (
            <>
              {t("form.errors.alreadyOpen")}{" "}
              <Link href={`/payments/cases/${encodeURIComponent(otherCase)}`} className="inline-flex min-h-11 items-center underline">
                {t("saleDetail.viewCase")}
              </Link>
            </>
          ) : null}
          {error instanceof ApiError && (error.code === "case_move_refused" || error.code === "case_already_open") ? null : <ErrorText error={error} />}
        </p>
      ) : null}
    </div>
  );
}
