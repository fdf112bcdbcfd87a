// The Recovery page (DESIGN §3): failed and abandoned sales to follow up (default: last 30 days, still
// open), recovery attributed automatically within the window setting, and the recovery analytics of the range. Rows and stats are
// read here on the server; the worklist island performs the audited actions and refreshes the page.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RecoveryStatsCard } from "@/components/recovery/recovery-stats-card";
import { RecoveryTemplatesForm } from "@/components/recovery/templates-form";
import { RecoveryWindowForm } from "@/components/recovery/window-form";
import { RecoveryWorklist } from "@/components/recovery/recovery-worklist";
import type { LeadView } from "@/components/recovery/recovery-types";
import { Card } from "@/components/ui/card";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { parsePageQuery } from "@/lib/http/page-query";
import { currentLocale } from "@/lib/i18n/request";
import { formatMoney } from "@/lib/money";
import {
  defaultLeadRange,
  getRecoveryTemplates,
  getRecoveryWindowDays,
  isOpenLead,
  leadAgeDays,
  listLeads,
  MAX_RECOVERY_WINDOW_DAYS,
  MIN_RECOVERY_WINDOW_DAYS,
  recoveryStats,
  recoveryStatsForRole,
  worklistQuerySchema,
  type Lead,
} from "@/lib/recovery";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { listMembers } from "@/lib/team";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.recovery"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function RecoveryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requirePermission("recovery:read");
  const sp = await searchParams;
  const t = await getTranslations("Recovery");
  const tp = await getTranslations("pages.recovery");
  const locale = await currentLocale();
  const db = await getDb();
  const timeZone = await getStoreTimeZone(db);
  // Bad values in the URL are cleared and named (the notice), never an error page.
  const q = parsePageQuery(worklistQuerySchema, { from: sp.from, to: sp.to, include: sp.include });
  const fallback = defaultLeadRange(timeZone);
  const range = { from: q.value.from ?? fallback.from, to: q.value.to ?? fallback.to };
  const include = q.value.include;
  const windowDays = await getRecoveryWindowDays(db);
  const [all, members, templates] = await Promise.all([listLeads(db, range, { windowDays }), listMembers(db), getRecoveryTemplates(db)]);
  const shown = include === "all" ? all : all.filter(isOpenLead);
  const money = (minor: number | null, currency: string | null) => (minor === null || !currency ? t("unknown") : formatMoney({ minor, currency }, locale));
  const view = (l: Lead): LeadView => ({
    saleId: l.saleId,
    customer: l.customerName ?? l.customerEmail ?? t("unknown"),
    product: l.productName ?? t("unknown"),
    amount: money(l.amount, l.currency),
    categoryLabel: t(`categories.${l.category}`),
    reason: [l.failureCode, l.failureMessage].filter(Boolean).join(" — ") || null,
    channel: l.channel ?? t("unknown"),
    age: l.at ? t("age", { days: leadAgeDays(l) }) : t("unknown"),
    state: l.state,
    stateLabel: t(`states.${l.state}`),
    note: l.note,
    assignedTo: l.assignedTo,
    recovered: l.recovered ? t("recovered", { amount: money(l.recovered.amount, l.recovered.currency), day: l.recovered.paidAt.slice(0, 10) }) : null,
    recoveredSaleId: l.recovered?.saleId ?? null,
    // A product may still have no known link: the contact API then answers none and the row says why.
    hasLink: l.checkoutUrl !== null || l.productId !== null,
    hasEmail: l.customerEmail !== null,
  });
  const states = { open: t("states.open"), contacted: t("states.contacted"), won: t("states.won"), lost: t("states.lost") };
  return (
    <>
      <PageHeader title={tp("title")} description={tp("description")} />
      {q.cleared.length > 0 ? <div className="mb-6"><ClearedFiltersNotice fields={q.cleared} /></div> : null}
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 text-sm" aria-label={t("range.label")}>
        <label className="flex flex-col gap-1">{t("range.from")}<input className="rounded border px-2 py-1" type="date" name="from" defaultValue={range.from} /></label>
        <label className="flex flex-col gap-1">{t("range.to")}<input className="rounded border px-2 py-1" type="date" name="to" defaultValue={range.to} /></label>
        <label className="flex flex-col gap-1">{t("range.include")}
          <select className="rounded border px-2 py-1" name="include" defaultValue={include}>
            <option value="open">{t("range.open")}</option>
            <option value="all">{t("range.all")}</option>
          </select>
        </label>
        <button type="submit" className="rounded bg-zinc-900 px-3 py-1.5 text-white dark:bg-zinc-100 dark:text-zinc-900">{t("range.apply")}</button>
      </form>
      <div className="mb-6">
        <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="recovery-window-rule">{t("window.rule", { days: windowDays })}</p>
        <RecoveryStatsCard stats={recoveryStatsForRole(recoveryStats(all), member.role)} locale={locale} labels={{ title: t("stats.title"), atRisk: t("stats.atRisk"), recovered: t("stats.recovered"), rate: t("stats.rate"), median: t("stats.median"), byCategory: t("stats.byCategory"), byMethod: t("stats.byMethod"), contacted: t("stats.contacted"), uncontacted: t("stats.uncontacted"), none: t("stats.none"), unknown: t("unknown"), categories: Object.fromEntries(["insufficient_funds", "declined", "cancelled", "timeout", "abandoned", "other"].map((c) => [c, t(`categories.${c}`)])) }} />
      </div>
      <Card title={t("worklist.title", { count: shown.length })}>
        <RecoveryWorklist
          leads={shown.map(view)}
          members={members.map((m) => ({ id: m.id, label: m.name ?? m.email }))}
          defaultLanguage={locale}
          exportHref={can(member.role, "export:csv") ? `/api/recovery/export.csv?${new URLSearchParams(range).toString()}` : null}
          labels={{
            selectLead: t("worklist.select"), selectAll: t("worklist.selectAll"), copyLink: t("actions.copyLink"), whatsapp: t("actions.whatsapp"), email: t("actions.email"),
            state: t("actions.state"), states, note: t("actions.note"), save: t("actions.save"), assign: t("actions.assign"), unassigned: t("actions.unassigned"),
            saved: t("actions.saved"), copied: t("actions.copied"), noLink: t("actions.noLink"), noLinkShort: t("actions.noLinkShort"), copyFailed: t("actions.copyFailed"), bulk: t("actions.bulk"), bulkApply: t("actions.bulkApply"), exportSelected: t("actions.exportSelected"), language: t("actions.language"),
            whatsappRefused: { missing: t("whatsapp.missing"), no_country: t("whatsapp.no_country"), unknown_country: t("whatsapp.unknown_country"), invalid: t("whatsapp.invalid") },
            columns: { customer: t("columns.customer"), product: t("columns.product"), amount: t("columns.amount"), reason: t("columns.reason"), channel: t("columns.channel"), age: t("columns.age"), status: t("columns.status"), actions: t("columns.actions") },
            empty: t("worklist.empty"),
          }}
        />
      </Card>
      {can(member.role, "settings:manage") ? (
        <div className="mt-6">
          <Card>
            <div className="mb-4">
              <RecoveryWindowForm initial={windowDays} min={MIN_RECOVERY_WINDOW_DAYS} max={MAX_RECOVERY_WINDOW_DAYS} labels={{ days: t("window.days"), help: t("window.help", { min: MIN_RECOVERY_WINDOW_DAYS, max: MAX_RECOVERY_WINDOW_DAYS }), save: t("actions.save"), saved: t("actions.saved") }} />
            </div>
            <RecoveryTemplatesForm initial={templates} labels={{ title: t("templates.title"), fr: t("templates.fr"), en: t("templates.en"), placeholders: t("templates.placeholders"), save: t("actions.save"), saved: t("actions.saved") }} />
          </Card>
        </div>
      ) : null}
    </>
  );
}
