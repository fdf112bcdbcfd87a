"use client";
// The inbox's primary action: a real link to the lead's WhatsApp chat (wa.me, a new tab) or e-mail
// (mailto:), its prefilled message built on the server and in the HTML — so one tap opens the chat with no
// server round trip first (no pop-up blocker), even before this island hydrates. Once hydrated, the same
// tap also sends POST …/contacted (keepalive: it survives the tab switch), which marks an open lead
// contacted (audited); the page is then refreshed and shows it. Without JavaScript the chat still opens,
// the lead is not marked (docs/recovery.md says why: a GET that marks would be open to other sites and
// link previews).
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ErrorText } from "@/components/ui/error-text";
import { apiFetch } from "@/lib/http/api-client";
import type { LeadContactHref } from "./recovery-types";

export function LeadContactLink({ saleId, contact, className, testId, label, children }: { saleId: string; contact: LeadContactHref; className: string; testId: string; label?: string; children: ReactNode }) {
  const t = useTranslations("Recovery");
  const router = useRouter();
  const [error, setError] = useState<unknown>(null);
  const mark = () => {
    setError(null);
    apiFetch(`/api/recovery/leads/${encodeURIComponent(saleId)}/contacted`, { method: "POST", body: { channel: contact.channel }, keepalive: true }).then(
      () => router.refresh(),
      (e: unknown) => setError(e),
    );
  };
  return (
    <>
      <a
        href={contact.href}
        // WhatsApp in a new tab (the inbox stays open); a mailto: hands over to the mail client in place.
        target={contact.channel === "whatsapp" ? "_blank" : undefined}
        rel="noopener noreferrer"
        aria-label={label}
        className={className}
        data-testid={testId}
        data-channel={contact.channel}
        onClick={mark}
        // A middle click opens it too.
        onAuxClick={(e) => (e.button === 1 ? mark() : undefined)}
      >
        {children}
      </a>
      {error ? (
        <span role="status" className="basis-full text-xs text-red-700 dark:text-red-300">
          {t("row.notMarked")} <ErrorText error={error} />
        </span>
      ) : null}
    </>
  );
}
