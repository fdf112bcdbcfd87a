"use client";
// A lead's exact recovery link (lib/recovery/exact-link.ts): one click asks Chariow for a new checkout of the
// lead's product for its customer (an optional discount code) — a sale on Chariow's API channel, made once —
// and shows the payment link with Copy and a WhatsApp share. Paid, it recovers this lead exactly. Already
// asked: the stored link is shown. Chariow's answer lost: it says so, and only an explicit second click asks
// again. Errors by code (Recovery.exactLink.errors, else <ErrorText>). Copying or sharing is audited as a
// contact (POST …/contact), like the lead's other contact buttons.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { filterLabelClass, inputClass } from "@/components/ui/field";
import { apiFetch } from "@/lib/http/api-client";
import { clientError } from "@/lib/http/client-error";
import { isExactLinkErrorCode, type ExactLinkStatus, type ExactLinkStep } from "@/lib/recovery/exact-link-codes";

/** What the button shows of a stored link (the route's `link`). */
export type ExactLinkView = { status: ExactLinkStatus; step: ExactLinkStep | null; url: string | null; discountCode: string | null };

type Answer = { link: ExactLinkView; created: boolean; leadMarkedWon: boolean };

/**
 * `initial`: the lead's stored link, if any (GET …/checkout-link or getExactRecoveryLink on the server).
 * `whatsappDigits`: the customer's number in international digits, when known: the share opens their chat.
 */
export function ExactLinkButton({ leadId, initial = null, whatsappDigits = null }: { leadId: string; initial?: ExactLinkView | null; whatsappDigits?: string | null }) {
  const t = useTranslations("Recovery");
  const router = useRouter();
  const [link, setLink] = useState<ExactLinkView | null>(initial);
  const [discount, setDiscount] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [markedWon, setMarkedWon] = useState(false);
  const [copy, setCopy] = useState<"copied" | "copyFailed" | null>(null);
  const base = `/api/recovery/leads/${encodeURIComponent(leadId)}`;

  const create = async (retryUnknown: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const code = discount.trim();
      const answer = await apiFetch<Answer>(`${base}/checkout-link`, { method: "POST", body: { ...(code ? { discountCode: code } : {}), ...(retryUnknown ? { retryUnknown: true } : {}) } });
      setLink(answer.link);
      setMarkedWon(answer.leadMarkedWon);
      // Completed or already owned: the lead's state changed on the server.
      if (answer.link.step !== "payment") router.refresh();
    } catch (e) {
      if (clientError(e).code === "checkout_outcome_unknown") setLink({ status: "unknown", step: null, url: null, discountCode: discountOrNull(discount) });
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  const contacted = (channel: "link" | "whatsapp") => apiFetch(`${base}/contact`, { method: "POST", body: { channel } }).catch((e: unknown) => setError(e));
  const copyLink = async (url: string) => {
    const ok = await navigator.clipboard.writeText(url).then(
      () => true,
      () => false,
    );
    setCopy(ok ? "copied" : "copyFailed");
    if (ok) void contacted("link");
  };

  const url = link?.status === "created" && link.step === "payment" ? link.url : null;
  return (
    <div className="space-y-2" data-testid="exact-link">
      <p className="text-sm font-medium">{t("exactLink.title")}</p>
      {url ? (
        <div className="space-y-2">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{link?.discountCode ? t("exactLink.readyWithCode", { code: link.discountCode }) : t("exactLink.ready")}</p>
          <a data-testid="exact-link-url" href={url} target="_blank" rel="noopener noreferrer" className="block min-h-11 break-all py-2 text-sm text-brand-700 underline dark:text-brand-100">
            {url}
          </a>
          <div className="flex flex-wrap gap-2">
            <button type="button" data-testid="exact-link-copy" className={buttonClass("secondary")} onClick={() => void copyLink(url)}>
              {t("exactLink.copy")}
            </button>
            <a
              data-testid="exact-link-whatsapp"
              href={`https://wa.me/${whatsappDigits ?? ""}?text=${encodeURIComponent(url)}`}
              target="_blank"
              rel="noopener noreferrer"
              className={buttonClass("secondary")}
              onClick={() => void contacted("whatsapp")}
            >
              {t("exactLink.whatsapp")}
            </a>
          </div>
          {copy ? <p role="status" className="text-sm">{copy === "copied" ? t("exactLink.copied") : t("exactLink.copyFailed")}</p> : null}
        </div>
      ) : link?.status === "created" ? (
        <p role="status" data-testid="exact-link-outcome" className="text-sm">
          {link.step === "completed" ? t("exactLink.completed") : t("exactLink.alreadyPurchased")} {markedWon ? t("exactLink.markedWon") : null}
        </p>
      ) : link?.status === "unknown" ? (
        <div className="space-y-2">
          <p role="alert" data-testid="exact-link-unknown" className="text-sm text-amber-800 dark:text-amber-300">
            {t("exactLink.unknown")}
          </p>
          <button type="button" data-testid="exact-link-retry" disabled={busy} className={buttonClass("secondary")} onClick={() => void create(true)}>
            {t("exactLink.retry")}
          </button>
        </div>
      ) : (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void create(false);
          }}
        >
          <label className={`${filterLabelClass} min-w-0 grow sm:grow-0`}>
            {t("exactLink.discount")}
            <input data-testid="exact-link-discount" className={inputClass} value={discount} maxLength={50} autoComplete="off" onChange={(e) => setDiscount(e.target.value)} />
          </label>
          <button type="submit" data-testid="exact-link-create" disabled={busy} className={buttonClass("primary")}>
            {busy ? t("exactLink.creating") : t("exactLink.create")}
          </button>
          <p className="basis-full text-xs text-zinc-600 dark:text-zinc-400">{link?.status === "pending" ? t("exactLink.inProgress") : t("exactLink.help")}</p>
        </form>
      )}
      {error ? (
        <p role="alert" data-testid="exact-link-error" className="text-sm text-red-700 dark:text-red-300">
          {isExactLinkErrorCode(clientError(error).code) ? t(`exactLink.errors.${clientError(error).code}`) : <ErrorText error={error} />}
        </p>
      ) : null}
    </div>
  );
}

const discountOrNull = (value: string) => value.trim() || null;
