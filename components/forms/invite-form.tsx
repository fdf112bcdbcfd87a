"use client";
// Invite a teammate: email + role; after creation shows the single-use link with a copy button. Role
// names and the expiry (store's time zone) in the member's words.
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { Role } from "@/lib/auth/permissions";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { formatDateTime } from "@/lib/format/date-time";

export type CreatedInviteLink = { url: string; email: string; expiresAt: string };

type Props = {
  roles: readonly Role[];
  pending: boolean;
  created: CreatedInviteLink | null;
  onSubmit: (input: { email: string; role: Role }) => void;
};

export function InviteForm({ roles, pending, created, onSubmit }: Props) {
  const t = useTranslations("team.invite");
  const codeLabel = useCodeLabel();
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  const [copied, setCopied] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setCopied(false);
    onSubmit({ email: String(data.get("email") ?? ""), role: String(data.get("role")) as Role });
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" data-testid="invite-create-form">
        <div className="min-w-56 flex-1">
          <Field id="invite-email" name="email" type="email" required label={t("email")} />
        </div>
        <div className="space-y-1">
          <label htmlFor="invite-role" className="block text-sm font-medium">
            {t("role")}
          </label>
          <select id="invite-role" name="role" defaultValue={roles.includes("support") ? "support" : roles[0]} className={`${inputClass} min-h-11`}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {codeLabel("role", r)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={pending} className="min-h-11">
          {pending ? t("submitting") : t("submit")}
        </Button>
      </form>
      {created ? (
        <div className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3 dark:border-zinc-700 dark:bg-zinc-800" data-testid="invite-link">
          <p className="text-sm font-medium">{t("linkTitle")}</p>
          <div className="flex flex-wrap gap-2 sm:flex-nowrap">
            <input readOnly value={created.url} aria-label={t("linkTitle")} className={`${inputClass} min-h-11 min-w-0 font-mono text-xs`} onFocus={(e) => e.currentTarget.select()} />
            <Button
              type="button"
              variant="secondary"
              className="min-h-11"
              onClick={() => {
                void navigator.clipboard?.writeText(created.url).then(() => setCopied(true), () => setCopied(false));
              }}
            >
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {t("linkHint", { email: created.email, expiresAt: formatDateTime(created.expiresAt, { locale, timeZone }) })}
          </p>
        </div>
      ) : null}
    </div>
  );
}
