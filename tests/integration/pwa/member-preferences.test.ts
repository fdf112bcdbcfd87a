// Low-data mode per member (migration 0028, lib/pwa/low-data.ts, /api/me/preferences) on both engines:
// no row reads "auto", a choice is stored and replaced, one member's choice never touches another's, a
// removed member's row goes with them, and the route refuses a value it does not know with a 400 naming
// the field — as the signed-in member only.
import { NextRequest } from "next/server";
import { expect, it, vi } from "vitest";
import { getLowDataChoice, setLowDataChoice } from "@/lib/pwa/low-data";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
const { GET, PUT } = await import("@/app/api/me/preferences/route");

const URL_ = "http://localhost:3000/api/me/preferences";
const call = (handler: typeof GET, init: { method: string; body?: unknown }) =>
  handler(
    new NextRequest(URL_, {
      method: init.method,
      headers: { "content-type": "application/json", origin: "http://localhost:3000", host: "localhost:3000", "sec-fetch-site": "same-origin" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve({}) },
  );

describeEachEngine("member preferences: low-data mode", ({ db }) => {
  it("reads auto without a row, then the stored choice; one member's choice is theirs alone", async () => {
    const { member: a } = await makeMember(db().db, "support", { email: "a@shop.test" });
    const { member: b } = await makeMember(db().db, "owner", { email: "b@shop.test" });
    expect(await getLowDataChoice(db().db, a.id)).toBe("auto");
    await setLowDataChoice(db().db, a.id, "on");
    expect(await getLowDataChoice(db().db, a.id)).toBe("on");
    expect(await getLowDataChoice(db().db, b.id)).toBe("auto");
    await setLowDataChoice(db().db, a.id, "off");
    await setLowDataChoice(db().db, b.id, "on");
    expect(await getLowDataChoice(db().db, a.id)).toBe("off");
    await setLowDataChoice(db().db, a.id, "auto");
    expect(await getLowDataChoice(db().db, a.id)).toBe("auto");
    expect(await getLowDataChoice(db().db, b.id)).toBe("on");
    expect(await db().db.selectFrom("member_preferences").select(["user_id", "low_data"]).orderBy("user_id").execute()).toEqual(
      [{ user_id: a.id, low_data: null }, { user_id: b.id, low_data: "on" }].sort((x, y) => x.user_id.localeCompare(y.user_id)),
    );
    // A removed member's preferences go with them.
    await db().db.deleteFrom("users").where("id", "=", b.id).execute();
    expect(await db().db.selectFrom("member_preferences").select("user_id").execute()).toEqual([{ user_id: a.id }]);
  });

  it("GET and PUT /api/me/preferences act on the signed-in member only, and refuse unknown values", async () => {
    const { member: a } = await makeMember(db().db, "marketing", { email: "a@shop.test" });
    const { member: b } = await makeMember(db().db, "owner", { email: "b@shop.test" });
    state.db = db().db;
    state.member = a;
    expect(await (await call(GET, { method: "GET" })).json()).toEqual({ lowData: "auto" });
    const saved = await call(PUT, { method: "PUT", body: { lowData: "on" } });
    expect(saved.status).toBe(200);
    expect(await getLowDataChoice(db().db, a.id)).toBe("on");
    expect(await getLowDataChoice(db().db, b.id)).toBe("auto");

    const refused = await call(PUT, { method: "PUT", body: { lowData: "sometimes" } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.field).toBe("lowData");
    const extra = await call(PUT, { method: "PUT", body: { lowData: "off", userId: b.id } });
    expect(extra.status).toBe(400);
    expect(await getLowDataChoice(db().db, a.id)).toBe("on");
    expect(await getLowDataChoice(db().db, b.id)).toBe("auto");

    state.member = null;
    expect((await call(GET, { method: "GET" })).status).toBe(401);
    expect((await call(PUT, { method: "PUT", body: { lowData: "off" } })).status).toBe(401);
  });
});
