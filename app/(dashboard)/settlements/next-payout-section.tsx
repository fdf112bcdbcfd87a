// "Next payout" for the overview (issue 7): a server component that reads the next payout per currency
// and renders the presentational card. Render it only for roles with settlements:read.
import { NextPayoutCard } from "@/components/settlements/next-payout-card";
import { getDb } from "@/lib/db";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { getNextPayouts } from "@/lib/settlements";

export async function NextPayoutSection() {
  const db = await getDb();
  const payouts = await getNextPayouts(db, await getStoreTimeZone(db));
  return <NextPayoutCard payouts={payouts.map((p) => ({ currency: p.currency, dueDay: p.dueDay, net: p.net, salesCount: p.salesCount }))} />;
}
