"use client";
// Email + password form. The server action answers with an error code; the message comes from messages.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeLabel } from "@/components/ui/code-label";
import { Field } from "@/components/ui/field";
import type { Role } from "@/lib/auth/permissions";

type State = { error?: "invalid" | "throttled" | "generic" };
type DemoAccount = { email: string; password: string; role: Role };

const ERROR_KEYS = { invalid: "errorInvalid", throttled: "errorThrottled", generic: "errorGeneric" } as const;

export function LoginForm({
  action,
  next,
  demoAccounts,
}: {
  action: (state: State, form: FormData) => Promise<State>;
  next?: string;
  demoAccounts: DemoAccount[];
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  return (
    <div className="space-y-6">
      <form action={formAction} className="space-y-4" data-testid="login-form">
        {state.error ? <Alert>{t(`login.${ERROR_KEYS[state.error]}`)}</Alert> : null}
        <input type="hidden" name="next" value={next ?? "/"} />
        <Field id="email" name="email" type="email" autoComplete="username" required label={t("login.email")} value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          label={t("login.password")}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t("login.submitting") : t("login.submit")}
        </Button>
      </form>
      {demoAccounts.length > 0 ? (
        <section data-testid="demo-accounts" className="rounded-lg border border-amber-200 bg-amber-50 p-4 dark:border-amber-900 dark:bg-amber-950/40">
          <h2 className="text-sm font-semibold">{t("login.demoTitle")}</h2>
          <p className="mb-3 text-xs text-zinc-600 dark:text-zinc-400">{t("login.demoHint")}</p>
          <ul className="space-y-2">
            {demoAccounts.map((account) => (
              <li key={account.email} className="flex flex-wrap items-center justify-between gap-2 text-xs">
                <span>
                  <strong>
                    <CodeLabel kind="role" code={account.role} />
                  </strong> · <code>{account.email}</code> · <code>{account.password}</code>
                </span>
                <Button
                  type="button"
                  variant="secondary"
                  className="px-2 py-1 text-xs"
                  data-role={account.role}
                  onClick={() => {
                    setEmail(account.email);
                    setPassword(account.password);
                  }}
                >
                  {t("login.demoUse")}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
