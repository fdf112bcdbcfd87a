// The sale detail API as each role sees it, through the real route on both engines, live from Chariow
// and from the mirror: licence keys never leave in clear (the one way to a key is the audited,
// throttled reveal — issue 14 #7), and fees, net, settlement, payout dates and the affiliate commission
// follow settlements:read while what the customer paid stays for everyone (#8). Facts written out by hand.
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import { ROLES, type Role } from "@/lib/auth/permissions";
import type { Sale } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import type { SaleDetailView } from "@/lib/sales/sale-detail-view";
import type { Member } from "@/lib/team";
import { saleDetail } from "../../factories/sales";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown, client: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.mock("@/lib/store/chariow-connection", () => ({ getChariowClient: () => state.client }));

const { GET: saleRoute } = await import("@/app/api/sales/[id]/route");

const ZONE = "Africa/Abidjan";
const KEY = "ABCD-12345-SECRET";

/** A settled XOF sale: 10 000 paid, 300 gateway fee, 500 service fee, 9 200 net, paid out 18 March. */
function settledSale(): Sale {
  const s = saleDetail({
    id: "sal_money",
    status: "settled",
    originalMinor: 10_000,
    gatewayFeeMinor: 300,
    serviceFeeMinor: 500,
    settlementNetMinor: 9_200,
    settlementDueAt: "2025-03-17T00:00:00.000Z",
    settlementDoneAt: "2025-03-18T09:00:00.000Z",
  });
  return {
    ...s,
    storeAffiliate: { id: "aff_1", code: "AMA10" },
    affiliateCommission: { minor: 700, currency: "XOF" },
    postPurchase: { files: [], licences: [{ id: "lic_1", key: KEY, status: "active", activations: 0, maxActivations: 1, expiresAt: null }], instructions: null },
  };
}

describeEachEngine("sale detail by role (route)", ({ db }) => {
  const k = () => db().db as Kysely<Database>;
  const members: Partial<Record<Role, Member>> = {};

  beforeEach(async () => {
    state.db = k();
    for (const role of ROLES) members[role] = (await makeMember(k(), role)).member;
    await k().insertInto("app_settings").values({ key: "store_timezone", value: ZONE, updated_at: new Date().toISOString() }).execute();
    await upsertSales(k(), [settledSale()], { source: "detail", receivedAt: "2025-03-20T00:00:00.000Z", timeZone: ZONE });
  });

  async function detailAs(role: Role, source: "live" | "mirror") {
    state.member = members[role];
    state.client = source === "live" ? { getSale: async () => settledSale() } : null;
    const res = await saleRoute(new NextRequest("http://dash.test/api/sales/sal_money", { headers: { host: "dash.test" } }), { params: Promise.resolve({ id: "sal_money" }) });
    expect(res.status).toBe(200);
    const text = await res.text();
    return { text, body: JSON.parse(text) as { source: string; sale: Record<string, never> } };
  }

  it("no role gets a licence key in clear, live or mirrored: the licence is listed with its key masked", async () => {
    for (const source of ["live", "mirror"] as const) {
      for (const role of ROLES) {
        const { text, body } = await detailAs(role, source);
        expect(body.source).toBe(source);
        expect(text, `${role} ${source}`).not.toContain(KEY);
        expect(text).not.toContain("12345");
        expect(body.sale.postPurchase).toMatchObject({ licences: [{ id: "lic_1", maskedKey: "ABCD••••", status: "active" }] });
      }
    }
  });

  it("support keeps what the customer paid but gets no fee, net, settlement, payout date or commission; the others get them all", async () => {
    const xof = (minor: number) => ({ minor, currency: "XOF" });
    for (const source of ["live", "mirror"] as const) {
      for (const role of ROLES) {
        const { text, body } = await detailAs(role, source);
        const sale = body.sale as unknown as SaleDetailView;
        // What the customer paid: everyone.
        expect(sale.amounts).toMatchObject({ original: xof(10_000), discount: xof(0), paid: xof(10_000) });
        expect(sale.payment.amount).toEqual(xof(10_000));
        expect(sale.status).toBe("settled");
        if (role === "support") {
          expect(sale.amounts.net, source).toBeNull();
          expect(sale.amounts.deducted).toBeNull();
          expect(sale.payment.fee).toBeNull();
          expect(sale.payment.feeRatePercent).toBeNull();
          expect(sale.settlement).toBeNull();
          expect(sale.times.settledAt).toBeNull();
          expect(sale.affiliate).toEqual({ id: "aff_1", code: "AMA10", commission: null });
          for (const secret of ["9200", "2025-03-17", "2025-03-18", '"minor":300', '"minor":500', '"minor":800', '"minor":700']) expect(text, `${source}: ${secret}`).not.toContain(secret);
        } else {
          expect(sale.amounts.net, `${role} ${source}`).toEqual(xof(9_200));
          expect(sale.amounts.deducted).toEqual(xof(800));
          expect(sale.payment.fee).toEqual(xof(300));
          expect(sale.settlement).toEqual({ net: xof(9_200), serviceFee: xof(500), dueAt: "2025-03-17T00:00:00.000Z", doneAt: "2025-03-18T09:00:00.000Z" });
          expect(sale.times.settledAt).toBe("2025-03-18T09:00:00.000Z");
          expect(sale.affiliate?.commission).toEqual(xof(700));
        }
      }
    }
  });
});
