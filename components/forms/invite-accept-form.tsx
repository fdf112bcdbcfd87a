"use client";
// The invitee types the address the invite was sent to (never shown: a forwarded link alone must not be
// enough), sets their name and password; on success they are signed in and land in the dashboard.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

type SignInState = { error?: "invalid" | "throttled" | "generic" };
// The error codes lib/auth/password.ts gives a refused password (POST /api/team/invites/accept).
const PASSWORD_ERRORS = ["password_too_short", "password_too_long", "password_common"] as const;
type PasswordError = (typeof PASSWORD_ERRORS)[number];
type SignIn = (state: SignInState, form: FormData) => Promise<SignInState>;

export function InviteAcceptForm({ token, signInAction }: { token: string; signInAction: SignIn }) {
  const t = useTranslations("invite");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const data = new FormData(event.currentTarget);
    const password = String(data.get("password") ?? "");
    const res = await fetch("/api/team/invites/accept", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token, email: data.get("email"), name: data.get("name"), password }),
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
      // A refused password or address says why in the reader's language; other errors keep the server's message.
      const code = body?.error?.code;
      const passwordError = code && (PASSWORD_ERRORS as readonly string[]).includes(code) ? t(`errorPassword.${code as PasswordError}`) : null;
      setError(code === "invite_email_mismatch" ? t("errorEmailMismatch") : (passwordError ?? (res.status === 404 ? t("invalidBody") : (body?.error?.message ?? t("errorGeneric")))));
      setPending(false);
      return;
    }
    const { member } = (await res.json()) as { member: { email: string } };
    const form = new FormData();
    form.set("email", member.email);
    form.set("password", password);
    form.set("next", "/");
    const result = await signInAction({}, form); // redirects into the dashboard on success
    if (result?.error) {
      setError(t("errorGeneric"));
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="invite-form">
      {error ? <Alert>{error}</Alert> : null}
      <Field id="invite-email" name="email" type="email" required maxLength={254} autoComplete="email" label={t("email")} hint={t("emailHint")} />
      <Field id="invite-name" name="name" required maxLength={100} autoComplete="name" label={t("name")} />
      <Field id="invite-password" name="password" type="password" required minLength={10} autoComplete="new-password" label={t("password")} hint={t("passwordHint")} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
