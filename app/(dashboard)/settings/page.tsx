// The Settings page (owners/admins), in the merchant's words: the store connection, the sync's state,
// the Pulse URL to paste into Chariow with the delivery log (one page of the URL, `pulses_*` keys, the
// first one kept live), the store time zone (editable with settings:manage), and — closed by default —
// the technical details support needs (API host and budget, sync jobs, Pulse ids). Also the member's own
// data saver choice with what a page weighs in each mode (docs/offline.md). Notifications (issue 19,
// docs/notifications.md): the member's own preferences, then the store's alert rules and webhook, and the
// send log.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { readTableState } from "@/components/data-table/table-state";
import { LowDataControl } from "@/components/pwa/low-data-control";
import { NotificationPreferencesForm } from "@/components/notifications/preferences-form";
import { SEND_LOG_PAGE_SIZES, SEND_LOG_TABLE_PREFIX, SendLogTable } from "@/components/notifications/send-log-table";
import { StoreSettingsForm } from "@/components/notifications/store-settings-form";
import { WebhookActions } from "@/components/notifications/webhook-actions";
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
import { LOCALES } from "@/lib/i18n/locales";
import { rotateWebhookSecretAction, sendWebhookTestAction } from "@/lib/notifications/actions";
import { formFeedback } from "@/lib/notifications/page-query";
import { ALERT_TOPICS } from "@/lib/notifications/preferences";
import { readMemberNotifications } from "@/lib/notifications/preferences-service";
import { sendLogPage } from "@/lib/notifications/send-log";
import { getStoreSettings } from "@/lib/notifications/store-settings";
import { maskSecret, settingsAsInput } from "@/lib/notifications/store-settings-service";
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
  const sendLogState = readTableState(query, { sort: { column: "created_at", dir: "desc" }, size: SEND_LOG_PAGE_SIZES[0] }, { prefix: SEND_LOG_TABLE_PREFIX, sizes: SEND_LOG_PAGE_SIZES });
  // One entry more than the page: whether a next page exists, without counting.
  const [pulseLog, timeZone, sync, lowDataChoice, notifications, storeNotifications, sendLog] = await Promise.all([
    getPulseLog(db, { limit: logPage.size + 1, offset: (logPage.number - 1) * logPage.size }),
    getStoreTimeZone(db),
    getSettingsSyncView(db),
    getLowDataChoice(db, member.id),
    readMemberNotifications(db, member.id),
    getStoreSettings(db),
    sendLogPage(db, { limit: sendLogState.size + 1, offset: (sendLogState.page - 1) * sendLogState.size }),
  ]);
  const feedback = formFeedback(query, "notifications");
  const alertsFeedback = formFeedback(query, "alerts");
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
        <Card title={t("NotificationsPage.preferences.title")} testId="notifications">
          <NotificationPreferencesForm
            preferences={notifications.preferences}
            topics={ALERT_TOPICS}
            locales={LOCALES}
            emailConfigured={notifications.emailConfigured}
            returnTo="/settings"
            saved={feedback.saved}
            errorField={feedback.errorField}
            previewHref={can(member.role, "analytics:read") ? "/notifications/preview" : null}
          />
        </Card>
        <Card title={t("NotificationsPage.store.title")} testId="alerts-webhook">
          <div className="space-y-6">
            <StoreSettingsForm values={settingsAsInput(storeNotifications)} canManage={can(member.role, "settings:manage")} saved={alertsFeedback.saved} errorField={alertsFeedback.errorField} />
            {can(member.role, "settings:manage") ? <WebhookActions maskedSecret={maskSecret(storeNotifications.webhook.secret)} hasUrl={storeNotifications.webhook.url !== null} rotateAction={rotateWebhookSecretAction} testAction={sendWebhookTestAction} /> : null}
            <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
              <h3 className="mb-2 text-sm font-semibold">{t("NotificationsPage.sendLog.title")}</h3>
              <SendLogTable
                rows={sendLog.slice(0, sendLogState.size)}
                url={{ pathname: "/settings", query }}
                page={{ number: sendLogState.page, size: sendLogState.size, hasMore: sendLog.length > sendLogState.size }}
                exportHref={can(member.role, "export:csv") ? "/api/notifications/send-log/export.csv" : null}
              />
            </div>
          </div>
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
