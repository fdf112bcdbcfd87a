// Reaching a customer from their page (issue 16): their phone (a tel: link) and e-mail, and a WhatsApp
// and an e-mail button — plain links prepared by the server (lib/customers/contact.ts), so they work
// before JavaScript and no pop-up blocker stands in the way. When WhatsApp cannot be offered, it says why.
import { useTranslations } from "next-intl";
import { Mail, MessageCircle, Phone } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { CustomerContact } from "@/lib/customers/contact";

export function CustomerContactCard({ contact }: { contact: CustomerContact }) {
  const t = useTranslations("Customers.contact");
  const muted = "text-sm text-zinc-600 dark:text-zinc-400";
  return (
    <Card title={t("title")} testId="customer-contact">
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="min-w-0">
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t("phone")}</dt>
          <dd className="[overflow-wrap:anywhere]" data-testid="customer-phone">
            {contact.phone ? (
              <a href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`} className="inline-flex min-h-11 items-center gap-2 text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                <Phone aria-hidden className="size-4" />
                {contact.phone}
              </a>
            ) : (
              <span className={muted}>{t("noPhone")}</span>
            )}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t("email")}</dt>
          <dd className="flex min-h-11 items-center [overflow-wrap:anywhere]" data-testid="customer-email">
            {contact.email ?? <span className={muted}>{t("noEmail")}</span>}
          </dd>
        </div>
      </dl>
      <div className="mt-4 flex flex-wrap gap-2">
        {contact.whatsappUrl ? (
          <a href={contact.whatsappUrl} target="_blank" rel="noopener noreferrer" className={buttonClass("primary")} data-testid="customer-whatsapp">
            <MessageCircle aria-hidden className="size-4" />
            {t("whatsapp")}
          </a>
        ) : null}
        {contact.mailtoUrl ? (
          <a href={contact.mailtoUrl} className={buttonClass(contact.whatsappUrl ? "secondary" : "primary")} data-testid="customer-mailto">
            <Mail aria-hidden className="size-4" />
            {t("sendEmail")}
          </a>
        ) : null}
      </div>
      {contact.phone && contact.whatsappProblem ? (
        <p className={`mt-2 ${muted}`} data-testid="customer-whatsapp-problem">
          {t(`whatsappProblem.${contact.whatsappProblem}`)}
        </p>
      ) : null}
    </Card>
  );
}
