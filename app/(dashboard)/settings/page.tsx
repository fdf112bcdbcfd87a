// The Settings page: store connection status (mode, API host, which secrets are configured — never
// their values). Budget, Pulse endpoint and timezone editing come with the sync issue.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getConnectionStatus } from "@/lib/store/store-info";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.settings"))("title") };
}

export default async function SettingsPage() {
  await requirePermission("settings:read");
  const t = await getTranslations();
  const c = getConnectionStatus();
  const rows: Array<[string, string]> = [
    [t("settings.mode"), c.mode === "demo" ? t("settings.modeDemo") : t("settings.modeLive")],
    [t("settings.apiHost"), c.apiHost],
    [t("settings.apiKey"), c.apiKeyConfigured ? t("settings.configured") : t("settings.notConfigured")],
    [t("settings.pulseSecret"), c.pulseSecretConfigured ? t("settings.configured") : t("settings.notConfigured")],
    [t("settings.timezone"), c.timezone],
  ];
  return (
    <>
      <PageHeader title={t("pages.settings.title")} description={t("pages.settings.description")} />
      <Card title={t("settings.connectionTitle")} testId="connection">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-zinc-500">{label}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}
