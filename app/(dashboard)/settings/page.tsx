// The Settings page (owners/admins): store connection and sync status, the Pulse URL to paste into
// Chariow with which Pulses have secrets (never their values) and the live delivery log, and the store
// time zone (editable with settings:manage).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExportButton } from "@/components/data-table/export-button";
import { PulseEndpointDetails } from "@/components/settings/pulse-endpoint-card";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { defaultPresetFor } from "@/lib/csv/presets";
import { currentLocale } from "@/lib/i18n/request";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getSettingsSyncView } from "@/lib/freshness/get-freshness";
import { getPulseEndpointInfo, getPulseLog } from "@/lib/pulses";
import { PULSE_LOG_PAGE_SIZE } from "@/lib/query/keys";
import { getStoreTimeZone, listTimeZones } from "@/lib/settings/store-timezone";
import { getConnectionStatus } from "@/lib/store/store-info";
import { PulseLogClient } from "./pulse-log-client";
import { SyncStatusClient } from "./sync-status-client";
import { TimezoneClient } from "./timezone-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.settings"))("title") };
}

export default async function SettingsPage() {
  const member = await requirePermission("settings:read");
  const t = await getTranslations();
  const db = await getDb();
  const c = getConnectionStatus();
  const csvPreset = defaultPresetFor(await currentLocale());
  const [pulseLog, timeZone, sync] = await Promise.all([getPulseLog(db, { limit: PULSE_LOG_PAGE_SIZE }), getStoreTimeZone(db), getSettingsSyncView(db)]);
  const rows: Array<[string, string]> = [
    [t("settings.mode"), c.mode === "demo" ? t("settings.modeDemo") : t("settings.modeLive")],
    [t("settings.apiHost"), c.apiHost],
    [t("settings.apiKey"), c.apiKeyConfigured ? t("settings.configured") : t("settings.notConfigured")],
    [t("settings.pulseSecret"), c.pulseSecretConfigured ? t("settings.configured") : t("settings.notConfigured")],
    [t("settings.timezone"), timeZone],
  ];
  return (
    <>
      <PageHeader title={t("pages.settings.title")} description={t("pages.settings.description")} />
      <div className="space-y-6">
        <Card title={t("settings.connectionTitle")} testId="connection">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
                <dd className="font-medium">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("settings.syncTitle")} testId="sync-status">
          <SyncStatusClient initial={sync.freshness} leaseHolder={sync.leaseHolder} lastError={sync.lastError} optionalJobs={sync.optionalJobs} />
        </Card>
        <Card title={t("settings.pulsesTitle")} testId="pulses">
          <PulseEndpointDetails {...getPulseEndpointInfo()}>
            <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
              <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                <h3 className="text-sm font-semibold">{t("pulseLog.title")}</h3>
                {can(member.role, "export:csv") ? <ExportButton href="/api/pulses/log/export.csv" expectedRows={null} defaultPreset={csvPreset} filename="pulse-log.csv" /> : null}
              </div>
              <PulseLogClient initial={pulseLog} limit={PULSE_LOG_PAGE_SIZE} />
            </div>
          </PulseEndpointDetails>
        </Card>
        <Card title={t("settings.timezoneTitle")}>
          <TimezoneClient zones={listTimeZones(timeZone)} current={timeZone} canManage={can(member.role, "settings:manage")} />
        </Card>
      </div>
    </>
  );
}
