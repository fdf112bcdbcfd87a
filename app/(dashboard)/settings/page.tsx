// The Settings page (owners/admins), in the merchant's words: the store connection, the sync's state,
// the Pulse URL to paste into Chariow with the delivery log (one page of the URL, `pulses_*` keys, the
// first one kept live), the store time zone (editable with settings:manage), and — closed by default —
// the technical details support needs (API host and budget, sync jobs, Pulse ids). Also the member's own
// data saver choice with what a page weighs in each mode (docs/offline.md).
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { readTableState } from "@/components/data-table/table-state";
import { LowDataControl } from "@/components/pwa/low-data-control";
import { PageWeightsTable } from "@/components/pwa/page-weights-table";
import { PulseEndpointDetails } from "@/components/settings/pulse-endpoint-card";
import { PULSE_LOG_PAGE_SIZES, PULSE_LOG_TABLE_PREFIX } from "@/components/settings/pulse-log-table";
import { DefinitionRows } from "@/components/settings/sync-status-details";
import { Card } from "@/components/ui/card";
import { TimeZoneName } from "@/components/ui/time-zone-name";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getSettingsSyncView } from "@/lib/freshness/get-freshness";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { getPulseEndpointInfo, getPulseLog } from "@/lib/pulses";
import { getLowDataChoice, isLowData } from "@/lib/pwa/low-data";
import { getStoreTimeZone, listTimeZones } from "@/lib/settings/store-timezone";
import { getConnectionStatus } from "@/lib/store/store-info";
import { PulseLogClient } from "./pulse-log-client";
import { SyncStatusClient, TechnicalDetailsClient } from "./sync-status-client";
import { TimezoneClient } from "./timezone-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.settings"))("title") };
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("settings:read");
  const t = await getTranslations();
  const db = await getDb();
  const query = await searchParams;
  const c = getConnectionStatus();
  const pulses = getPulseEndpointInfo();
  const logState = readTableState(query, { sort: { column: "received_at", dir: "desc" }, size: PULSE_LOG_PAGE_SIZES[0] }, { prefix: PULSE_LOG_TABLE_PREFIX, sizes: PULSE_LOG_PAGE_SIZES });
  const logPage = { number: logState.page, size: logState.size };
  // One entry more than the page: whether a next page exists, without counting.
  const [pulseLog, timeZone, sync, lowDataChoice] = await Promise.all([
    getPulseLog(db, { limit: logPage.size + 1, offset: (logPage.number - 1) * logPage.size }),
    getStoreTimeZone(db),
    getSettingsSyncView(db),
    getLowDataChoice(db, member.id),
  ]);
  const lowData = isLowData(lowDataChoice, (await headers()).get("save-data"));
  const configured = (yes: boolean) => (yes ? t("settings.configured") : t("settings.notConfigured"));
  return (
    <>
      <PageHeader title={t("pages.settings.title")} description={t("pages.settings.description")} />
      <div className="space-y-6">
        <Card title={t("settings.connectionTitle")} testId="connection">
          <DefinitionRows
            rows={[
              [t("settings.mode"), c.mode === "demo" ? t("settings.modeDemo") : t("settings.modeLive"), "connection-mode"],
              [t("settings.apiKey"), configured(c.apiKeyConfigured), "connection-api-key"],
              [t("settings.pulseSecret"), configured(c.pulseSecretConfigured), "connection-pulse-secret"],
              [t("settings.timezone"), <TimeZoneName key="zone" zone={timeZone} />, "connection-timezone"],
            ]}
          />
        </Card>
        <Card title={t("settings.syncTitle")} testId="sync-status">
          <SyncStatusClient initial={sync.freshness} lastError={sync.lastError} />
        </Card>
        <Card title={t("settings.pulsesTitle")} testId="pulses">
          <PulseEndpointDetails {...pulses}>
            <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
              <h3 className="mb-2 text-sm font-semibold">{t("pulseLog.title")}</h3>
              <PulseLogClient initial={pulseLog} page={logPage} query={query} exportHref={can(member.role, "export:csv") ? "/api/pulses/log/export.csv" : null} lowData={lowData} />
            </div>
          </PulseEndpointDetails>
        </Card>
        <Card title={t("settings.timezoneTitle")}>
          <TimezoneClient zones={listTimeZones(timeZone)} current={timeZone} canManage={can(member.role, "settings:manage")} />
        </Card>
        <Card title={t("Offline.lowData.title")} testId="low-data">
          <div className="space-y-4">
            <LowDataControl id="settings-low-data" current={lowDataChoice} returnTo="/settings" showHelp />
            <PageWeightsTable />
          </div>
        </Card>
        <Card>
          <TechnicalDetailsClient
            initial={sync.freshness}
            apiHost={c.apiHost}
            leaseHolder={sync.leaseHolder}
            optionalJobs={sync.optionalJobs}
            lastError={sync.lastError}
            pulseSecretsFor={pulses.secretsFor}
          />
        </Card>
      </div>
    </>
  );
}
