"use client";
// The invitee types the address the invite was sent to (never shown: a forwarded link alone must not be
// enough), sets their name and password; on success they are signed in and land in the dashboard. A form
// posting to a server action: it works before the JavaScript has loaded. Fields are controlled so a
// refused attempt keeps what was typed (React empties uncontrolled fields after a form action).
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** Why the server action (app/(auth)/invite/[token]/actions.ts) refused: each has its message. */
export type AcceptInviteError = "email_mismatch" | "password_too_short" | "password_too_long" | "password_common" | "invalid_link" | "generic";
/** The typed address and name come back too, so a refused form (without JavaScript) is not emptied. */
export type AcceptInviteState = { error?: AcceptInviteError; email?: string; name?: string };

const ERROR_KEYS = {
  email_mismatch: "errorEmailMismatch",
  password_too_short: "errorPassword.password_too_short",
  password_too_long: "errorPassword.password_too_long",
  password_common: "errorPassword.password_common",
  invalid_link: "invalidBody",
  generic: "errorGeneric",
} as const satisfies Record<AcceptInviteError, string>;

export function InviteAcceptForm({ action }: { action: (state: AcceptInviteState, form: FormData) => Promise<AcceptInviteState> }) {
  const t = useTranslations("invite");
  const [state, formAction, pending] = useActionState(action, {});
  const [email, setEmail] = useState(state.email ?? "");
  const [name, setName] = useState(state.name ?? "");
  const [password, setPassword] = useState("");

  return (
    <form action={formAction} className="space-y-4" data-testid="invite-form">
      {state.error ? <Alert>{t(ERROR_KEYS[state.error])}</Alert> : null}
      <Field
        id="invite-email"
        name="email"
        type="email"
        required
        maxLength={254}
        autoComplete="email"
        label={t("email")}
        hint={t("emailHint")}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <Field id="invite-name" name="name" required maxLength={100} autoComplete="name" label={t("name")} value={name} onChange={(e) => setName(e.target.value)} />
      <Field
        id="invite-password"
        name="password"
        type="password"
        required
        minLength={10}
        autoComplete="new-password"
        label={t("password")}
        hint={t("passwordHint")}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
