// "Next payout" for the overview (issue 7): a server component that reads the next payout per currency
// and renders the presentational card. Render it only for roles with settlements:read.
import { getTranslations } from "next-intl/server";
import { NextPayoutCard } from "@/components/settlements/next-payout-card";
import { getDb } from "@/lib/db";
import { currentLocale } from "@/lib/i18n/request";
import { formatMoney } from "@/lib/money";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { getNextPayouts } from "@/lib/settlements";

export async function NextPayoutSection() {
  const t = await getTranslations("Settlements.nextPayout");
  const locale = await currentLocale();
  const db = await getDb();
  const payouts = await getNextPayouts(db, await getStoreTimeZone(db));
  const views = payouts.map((p) => ({ currency: p.currency, dueDay: p.dueDay, net: formatMoney({ minor: p.net, currency: p.currency }, locale), salesCount: p.salesCount }));
  const salesLabels = Object.fromEntries(views.map((v) => [v.salesCount, t("sales", { count: v.salesCount })]));
  return <NextPayoutCard title={t("title")} payouts={views} emptyMessage={t("none")} salesLabels={salesLabels} />;
}
