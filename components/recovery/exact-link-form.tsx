"use client";
// The one interactive part of a lead's exact recovery link (./exact-link-button.tsx renders the rest on the
// server): the create form (an optional discount code) or, after an unknown outcome, the explicit retry. One
// click asks Chariow once (POST …/checkout-link); whatever the answer — a link, a free product, an owned
// one, an outcome lost on the way — it is stored, and the page is refreshed so the server shows it. Errors
// that stored nothing (a refused code, a spent API budget…) are said here, by code.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { filterLabelClass, inputClass } from "@/components/ui/field";
import { apiFetch } from "@/lib/http/api-client";
import { clientError } from "@/lib/http/client-error";
import { isExactLinkErrorCode } from "@/lib/recovery/exact-link-codes";

export function ExactLinkForm({ leadId, retry = false, pending = false }: { leadId: string; retry?: boolean; pending?: boolean }) {
  const t = useTranslations("Recovery");
  const router = useRouter();
  const [discount, setDiscount] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const code = discount.trim();
      await apiFetch(`/api/recovery/leads/${encodeURIComponent(leadId)}/checkout-link`, { method: "POST", body: { ...(code ? { discountCode: code } : {}), ...(retry ? { retryUnknown: true } : {}) } });
      router.refresh();
    } catch (e) {
      // A lost answer is stored as unknown: the server shows it, with the retry.
      if (clientError(e).code === "checkout_outcome_unknown") router.refresh();
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  const code = error ? clientError(error).code : null;
  return (
    <>
      {retry ? (
        <button type="button" data-testid="exact-link-retry" disabled={busy} className={buttonClass("secondary")} onClick={() => void create()}>
          {t("exactLink.retry")}
        </button>
      ) : (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <label className={`${filterLabelClass} min-w-0 grow sm:grow-0`}>
            {t("exactLink.discount")}
            <input data-testid="exact-link-discount" className={inputClass} value={discount} maxLength={50} autoComplete="off" onChange={(e) => setDiscount(e.target.value)} />
          </label>
          <button type="submit" data-testid="exact-link-create" disabled={busy} className={buttonClass("primary")}>
            {busy ? t("exactLink.creating") : t("exactLink.create")}
          </button>
          <p className="basis-full text-xs text-zinc-600 dark:text-zinc-400">{pending ? t("exactLink.inProgress") : t("exactLink.help")}</p>
        </form>
      )}
      {error ? (
        <p role="alert" data-testid="exact-link-error" className="text-sm text-red-700 dark:text-red-300">
          {code && isExactLinkErrorCode(code) ? t(`exactLink.errors.${code}`) : <ErrorText error={error} />}
        </p>
      ) : null}
    </>
  );
}
