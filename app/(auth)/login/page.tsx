// The sign-in page: email + password, optional OAuth buttons, and in demo mode the demo accounts.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/forms/login-form";
import { DemoBadge } from "@/components/layout/demo-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { oauthProviders } from "@/lib/auth/config";
import { getDemoAccounts } from "@/lib/auth/demo-accounts";
import { getSessionMember } from "@/lib/auth/session";
import { signInWithPassword, signInWithProvider } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

type SearchParams = Promise<{ next?: string | string[]; error?: string | string[] }>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  if (await getSessionMember()) redirect("/");
  const t = await getTranslations();
  const { next, error } = await searchParams;
  // next-auth sends OAuth refusals back here: AccessDenied means "not a member" (signIn callback).
  const oauthError = typeof error === "string" ? (error === "AccessDenied" ? "login.errorNotMember" : "login.errorGeneric") : null;
  const demoAccounts = await getDemoAccounts();
  const providers = oauthProviders();
  return (
    <Card>
      <div className="mb-6 space-y-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{t("app.name")}</p>
        <h1 className="text-2xl font-semibold">{t("login.title")}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("login.subtitle")}</p>
        {demoAccounts.length > 0 ? <DemoBadge /> : null}
      </div>
      {oauthError ? (
        <div className="mb-4">
          <Alert>{t(oauthError)}</Alert>
        </div>
      ) : null}
      <LoginForm action={signInWithPassword} next={typeof next === "string" ? next : undefined} demoAccounts={demoAccounts} />
      {providers.length > 0 ? (
        <div className="mt-6 space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <p className="text-center text-xs text-zinc-600 dark:text-zinc-400">{t("login.or")}</p>
          {providers.map((provider) => (
            <form key={provider} action={signInWithProvider.bind(null, provider)}>
              <Button type="submit" variant="secondary" className="w-full">
                {t(provider === "google" ? "login.withGoogle" : "login.withGithub")}
              </Button>
            </form>
          ))}
        </div>
      ) : null}
    </Card>
  );
}
