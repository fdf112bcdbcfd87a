// The unsubscribe link (issue 19) through app/unsubscribe/route.ts, both engines: a link signed for the
// member and the choice shows a confirmation (GET changes nothing) and POST turns off exactly that choice;
// a forged signature, a signature of another member or choice, a missing field or a removed member is a
// 400 page and changes nothing. The signature is built here by an independent HMAC, not by the app.
import { createHmac } from "node:crypto";
import { NextRequest } from "next/server";
import { expect, it, vi } from "vitest";
import { DEFAULT_PREFERENCES, getPreferences } from "@/lib/notifications/preferences";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const SECRET = "unsubscribe-test-secret-0123456789abcdef";
const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));
vi.stubEnv("AUTH_SECRET", SECRET);
const { GET, POST } = await import("@/app/unsubscribe/route");

/** The documented scheme (lib/notifications/unsubscribe.ts): base64url HMAC-SHA256 of "unsubscribe:<member>:<what>". */
const signature = (member: string, what: string, secret = SECRET) => createHmac("sha256", secret).update(`unsubscribe:${member}:${what}`).digest("base64url");
const link = (q: Record<string, string>) => `http://localhost:3000/unsubscribe?${new URLSearchParams(q).toString()}`;
// A mail provider's one-click POST: cross-site, form-encoded.
const oneClick = (url: string) => POST(new NextRequest(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.example" }, body: "List-Unsubscribe=One-Click" }));

describeEachEngine("notifications: the unsubscribe link", ({ db }) => {
  it("GET asks, POST turns off exactly what the signed link names", async () => {
    const { member } = await makeMember(db().db, "owner", { email: "owner@shop.test" });
    state.db = db().db;
    const url = link({ m: member.id, w: "daily", s: signature(member.id, "daily") });
    const page = await GET(new NextRequest(url));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("owner@shop.test");
    expect(html).toContain('method="post"');
    expect(await getPreferences(db().db, member.id)).toEqual(DEFAULT_PREFERENCES);

    expect((await oneClick(url)).status).toBe(200);
    expect(await getPreferences(db().db, member.id)).toEqual({ ...DEFAULT_PREFERENCES, daily: false });
    expect((await oneClick(link({ m: member.id, w: "alerts", s: signature(member.id, "alerts") }))).status).toBe(200);
    expect(await getPreferences(db().db, member.id)).toEqual({ ...DEFAULT_PREFERENCES, daily: false, alertEmail: false });
    expect((await oneClick(link({ m: member.id, w: "all", s: signature(member.id, "all") }))).status).toBe(200);
    expect(await getPreferences(db().db, member.id)).toEqual({ ...DEFAULT_PREFERENCES, daily: false, alertEmail: false, email: false });
  });

  it("refuses a forged or borrowed link with a 400 page, changing nothing", async () => {
    const { member } = await makeMember(db().db, "owner");
    const { member: other } = await makeMember(db().db, "support");
    state.db = db().db;
    const bad: Record<string, string>[] = [
      { m: member.id, w: "all", s: signature(member.id, "all", "not-the-secret") },
      // A link of this member for the daily digest, replayed for every e-mail.
      { m: member.id, w: "all", s: signature(member.id, "daily") },
      // The other member's own link, pointed at this member.
      { m: member.id, w: "daily", s: signature(other.id, "daily") },
      { m: member.id, w: "everything", s: signature(member.id, "everything") },
      { m: member.id, w: "daily" },
      { m: "", w: "daily", s: signature("", "daily") },
      { m: "no-such-member", w: "daily", s: signature("no-such-member", "daily") },
    ];
    for (const q of bad) {
      for (const res of [await GET(new NextRequest(link(q))), await oneClick(link(q))]) {
        expect(res.status, JSON.stringify(q)).toBe(400);
        expect(res.headers.get("content-type")).toContain("text/html");
      }
    }
    expect(await getPreferences(db().db, member.id)).toEqual(DEFAULT_PREFERENCES);
    expect(await getPreferences(db().db, other.id)).toEqual(DEFAULT_PREFERENCES);
  });
});
