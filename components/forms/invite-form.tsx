"use client";
// Invite a teammate: email + role; after creation shows the single-use link with a copy button.
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { Role } from "@/lib/auth/permissions";

export type CreatedInviteLink = { url: string; email: string; expiresAt: string };

type Props = {
  roles: readonly Role[];
  pending: boolean;
  created: CreatedInviteLink | null;
  onSubmit: (input: { email: string; role: Role }) => void;
};

export function InviteForm({ roles, pending, created, onSubmit }: Props) {
  const t = useTranslations();
  const format = useFormatter();
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
          <Field id="invite-email" name="email" type="email" required label={t("team.invite.email")} />
        </div>
        <div className="space-y-1">
          <label htmlFor="invite-role" className="block text-sm font-medium">
            {t("team.invite.role")}
          </label>
          <select id="invite-role" name="role" defaultValue={roles.includes("support") ? "support" : roles[0]} className={inputClass}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t("team.invite.submitting") : t("team.invite.submit")}
        </Button>
      </form>
      {created ? (
        <div className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3 dark:border-zinc-700 dark:bg-zinc-800" data-testid="invite-link">
          <p className="text-sm font-medium">{t("team.invite.linkTitle")}</p>
          <div className="flex gap-2">
            <input readOnly value={created.url} aria-label={t("team.invite.linkTitle")} className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.currentTarget.select()} />
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(created.url).then(() => setCopied(true), () => setCopied(false));
              }}
            >
              {copied ? t("team.invite.copied") : t("team.invite.copy")}
            </Button>
          </div>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {t("team.invite.linkHint", { email: created.email, expiresAt: format.dateTime(new Date(created.expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}
          </p>
        </div>
      ) : null}
    </div>
  );
}
