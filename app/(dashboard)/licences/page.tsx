// The Licences page (issue 9): every licence the mirror knows (GET /licenses walk, sale details, licence
// Pulses), keys masked; filters in the URL (a GET form, like Recovery); reveal and export go through
// /api/licences/**, which audit them. Read on the server; the table island only reveals keys.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LicencesTable, type LicenceView } from "@/components/licences/licences-table";
import { Card } from "@/components/ui/card";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatInstantInZone } from "@/lib/csv/cells";
import { getDb } from "@/lib/db";
import { parsePageQuery } from "@/lib/http/page-query";
import { LICENCES_PAGE_LIMIT, LICENCE_STATUSES, licenceCountsByStatus, licenceProducts, licencesQuerySchema, listLicences, type LicenceRow } from "@/lib/licences";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { loadLicencesSyncState, notAvailableSince } from "@/lib/sync";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("licences"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function LicencesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requirePermission("fulfilment:read");
  const sp = await searchParams;
  const t = await getTranslations("licences");
  const db = await getDb();
  // Bad values in the URL are cleared and named (the notice), never an error page.
  const { value: query, cleared } = parsePageQuery(licencesQuerySchema, { status: sp.status, product: sp.product, expiringWithinDays: sp.expiringWithinDays });
  const [timeZone, list, counts, products, syncState, unavailableSince] = await Promise.all([
    getStoreTimeZone(db),
    listLicences(db, query, { limit: LICENCES_PAGE_LIMIT }),
    licenceCountsByStatus(db),
    licenceProducts(db),
    loadLicencesSyncState({ db }),
    notAvailableSince(db, "licences"),
  ]);
  const statusLabel = (s: string | null) => ((LICENCE_STATUSES as readonly string[]).includes(s ?? "") ? t(`statuses.${s}`) : t("unknown"));
  const view = (r: LicenceRow): LicenceView => ({
    licenceId: r.licenceId,
    maskedKey: r.maskedKey,
    product: r.productName ?? r.productId ?? t("unknown"),
    customer: [r.customerName, r.customerEmail].filter(Boolean).join(" · ") || t("unknown"),
    status: r.status,
    statusLabel: statusLabel(r.status),
    activations: `${r.activations ?? "?"} / ${r.maxActivations ?? "?"}`,
    expiry: r.expiresAt ? formatInstantInZone(r.expiresAt, timeZone, "second") : t("noExpiry"),
    sale: r.saleId ?? t("saleUnknown"),
  });
  const exportParams = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
  const exportHref = (keys: "masked" | "clear") => `/api/licences/export.csv?${new URLSearchParams([...exportParams, ["keys", keys]]).toString()}`;
  // A store without GET /licenses (docs/sync.md, "Health"): say so rather than "not read yet" forever.
  const lastWalk =
    unavailableSince !== null
      ? t("sync.notAvailable", { at: formatInstantInZone(new Date(unavailableSince).toISOString(), timeZone, "second") })
      : syncState?.lastPassAt
        ? t("sync.last", { at: formatInstantInZone(syncState.lastPassAt, timeZone, "second"), count: syncState.lastPassSeen ?? 0 })
        : t("sync.never");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {cleared.length > 0 ? <div className="mb-4"><ClearedFiltersNotice fields={cleared} /></div> : null}
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400" data-testid="licences-sync">
        {lastWalk} {syncState?.inPass && unavailableSince === null ? t("sync.inProgress", { count: syncState.seen }) : null}
      </p>
      <ul className="mb-6 flex flex-wrap gap-3 text-sm" aria-label={t("summary")}>
        {LICENCE_STATUSES.map((s) => (
          <li key={s} className="rounded border px-3 py-1" data-testid={`licences-count-${s}`}>
            {t(`statuses.${s}`)}: <span className="tabular-nums font-medium">{counts[s] ?? 0}</span>
          </li>
        ))}
      </ul>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 text-sm" aria-label={t("filters.label")}>
        <label className="flex flex-col gap-1">{t("filters.status")}
          <select className="rounded border px-2 py-1" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("filters.all")}</option>
            {LICENCE_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">{t("filters.product")}
          <select className="rounded border px-2 py-1" name="product" defaultValue={query.product ?? ""}>
            <option value="">{t("filters.all")}</option>
            {products.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">{t("filters.expiringWithinDays")}
          <input className="w-28 rounded border px-2 py-1" type="number" min={1} max={3650} name="expiringWithinDays" defaultValue={query.expiringWithinDays ?? ""} />
        </label>
        <button type="submit" className="rounded bg-zinc-900 px-3 py-1.5 text-white dark:bg-zinc-100 dark:text-zinc-900">{t("filters.apply")}</button>
        {can(member.role, "export:csv") ? (
          <a className="rounded border px-3 py-1.5" href={exportHref("masked")} data-testid="licences-export">{t("export.masked")}</a>
        ) : null}
        {can(member.role, "export:csv") && can(member.role, "licences:keys") ? (
          <a className="rounded border border-red-300 px-3 py-1.5 text-red-800 dark:text-red-200" href={exportHref("clear")} data-testid="licences-export-clear">{t("export.clear")}</a>
        ) : null}
      </form>
      <Card title={list.total > list.rows.length ? t("table.titleCapped", { shown: list.rows.length, total: list.total }) : t("table.title", { count: list.total })}>
        <LicencesTable
          rows={list.rows.map(view)}
          labels={{
            columns: { key: t("columns.key"), product: t("columns.product"), customer: t("columns.customer"), status: t("columns.status"), activations: t("columns.activations"), expiry: t("columns.expiry"), sale: t("columns.sale") },
            empty: t("table.empty"),
          }}
        />
      </Card>
    </>
  );
}
