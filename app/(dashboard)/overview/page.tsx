// The overview section (DESIGN §3). KPI cards and charts come with the overview issue; until then the
// page shows real data it already has: the newest sales in the mirror, live (Pulses and sync).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listRecentSales } from "@/lib/overview/recent-sales";
import { RECENT_SALES_LIMIT } from "@/lib/overview/schemas";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { OverviewClient } from "./overview-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.overview"))("title") };
}

export default async function OverviewPage() {
  await requirePermission("analytics:read");
  const t = await getTranslations();
  const db = await getDb();
  const [sales, timeZone] = await Promise.all([listRecentSales(db, { limit: RECENT_SALES_LIMIT }), getStoreTimeZone(db)]);
  return (
    <>
      <PageHeader title={t("pages.overview.title")} description={t("pages.overview.description")} />
      <div className="space-y-6">
        <Alert tone="info">{t("overview.pendingNote")}</Alert>
        <OverviewClient initialSales={sales} limit={RECENT_SALES_LIMIT} timeZone={timeZone} />
      </div>
    </>
  );
}
