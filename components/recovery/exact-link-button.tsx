// A lead's exact recovery link (lib/recovery/exact-link.ts), rendered on the server from the stored link:
// none yet → the create form (./exact-link-form.tsx, the only client part: one click asks Chariow for a new
// checkout of the lead's product for its customer — a sale on Chariow's API channel, made once — then the
// page refreshes); a payment link → the link, Copy and a WhatsApp share of it (both audited, like the lead's
// other contact buttons); a free or already owned product → said in words; Chariow's answer lost → said,
// with only an explicit retry. The stored link is shown without JavaScript; the inbox's first load carries
// only the small form (issue 15's 180 KB budget).
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import type { ExactLinkStatus, ExactLinkStep } from "@/lib/recovery/exact-link-codes";
import { CopyLeadLink } from "./copy-lead-link";
import { ExactLinkForm } from "./exact-link-form";
import { LeadContactLink } from "./lead-contact-link";

/** What is shown of a stored link (the route's `link`). */
export type ExactLinkView = { status: ExactLinkStatus; step: ExactLinkStep | null; url: string | null; discountCode: string | null };

/**
 * `initial`: the lead's stored link, if any (getExactRecoveryLink on the server).
 * `whatsappDigits`: the customer's number in international digits, when known: the share opens their chat.
 */
export function ExactLinkButton({ leadId, initial = null, whatsappDigits = null }: { leadId: string; initial?: ExactLinkView | null; whatsappDigits?: string | null }) {
  const t = useTranslations("Recovery");
  const link = initial;
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
            <CopyLeadLink saleId={leadId} url={url} testId="exact-link-copy" />
            <LeadContactLink saleId={leadId} contact={{ channel: "whatsapp", href: `https://wa.me/${whatsappDigits ?? ""}?text=${encodeURIComponent(url)}` }} className={buttonClass("secondary")} testId="exact-link-whatsapp">
              {t("exactLink.whatsapp")}
            </LeadContactLink>
          </div>
        </div>
      ) : link?.status === "created" ? (
        <p role="status" data-testid="exact-link-outcome" className="text-sm">
          {link.step === "completed" ? t("exactLink.completed") : `${t("exactLink.alreadyPurchased")} ${t("exactLink.markedWon")}`}
        </p>
      ) : link?.status === "unknown" ? (
        <div className="space-y-2">
          <p role="alert" data-testid="exact-link-unknown" className="text-sm text-amber-800 dark:text-amber-300">
            {t("exactLink.unknown")}
          </p>
          <ExactLinkForm leadId={leadId} retry />
        </div>
      ) : (
        <ExactLinkForm leadId={leadId} pending={link?.status === "pending"} />
      )}
    </div>
  );
}
