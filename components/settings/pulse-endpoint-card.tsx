// The Pulse set-up facts: the URL to paste into Chariow (selectable) and whether Pulses have a signing
// secret (all, some — how many; the ids are in the technical details — or none). Presentational; the log
// below it is its own island.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

export function PulseEndpointDetails({ url, secretsFor, children }: { url: string; secretsFor: "all" | string[]; children?: ReactNode }) {
  const t = useTranslations("settings");
  const none = secretsFor !== "all" && secretsFor.length === 0;
  const secrets = secretsFor === "all" ? t("pulseSecretsAll") : none ? t("pulseSecretsNone") : t("pulseSecretsSome", { count: secretsFor.length });
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <p className="text-sm font-medium">{t("pulseUrl")}</p>
        <code data-testid="pulse-url" className="block select-all break-all rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800">
          {url}
        </code>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("pulseUrlHelp")}</p>
      </div>
      <p className="text-sm">
        <span className="text-zinc-600 dark:text-zinc-400">{t("pulseSecrets")} </span>
        <span data-testid="pulse-secrets" className={`font-medium ${none ? "text-red-700 dark:text-red-300" : ""}`}>
          {secrets}
        </span>
      </p>
      {children}
    </div>
  );
}
