"use client";
// Copies a lead's recovery link (resolved on the server, in the page) to the clipboard, and audits it
// (POST …/contact {channel: "link"}). Never a silent no-op: a refused clipboard shows the link to copy by
// hand, a failed call its error by code.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { apiFetch } from "@/lib/http/api-client";

type Outcome = { copied: true } | { copyFailed: true } | { error: unknown };

export function CopyLeadLink({ saleId, url, testId = "lead-copy-link" }: { saleId: string; url: string; testId?: string }) {
  const t = useTranslations("Recovery");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const copy = async () => {
    const copied = await navigator.clipboard.writeText(url).then(
      () => true,
      () => false,
    );
    if (!copied) return setOutcome({ copyFailed: true });
    try {
      await apiFetch(`/api/recovery/leads/${encodeURIComponent(saleId)}/contact`, { method: "POST", body: { channel: "link" } });
      setOutcome({ copied: true });
    } catch (error) {
      setOutcome({ error });
    }
  };
  return (
    <>
      <button type="button" className={buttonClass("secondary")} onClick={copy} data-testid={testId}>
        {t("actions.copyLink")}
      </button>
      {outcome ? (
        <p role="status" className={`basis-full text-sm ${"error" in outcome ? "text-red-700 dark:text-red-300" : ""}`}>
          {"copied" in outcome ? t("actions.copied") : "copyFailed" in outcome ? <span className="break-all">{`${t("actions.copyFailed")} ${url}`}</span> : <ErrorText error={outcome.error} />}
        </p>
      ) : null}
    </>
  );
}
