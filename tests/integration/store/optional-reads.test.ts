// The shell's and the recovery link's optional reads against a store without GET /store and /products
// (the simulator's missingEndpoints), and a 501 from /store: the store name, URL and product link
// degrade to "unknown" without throwing, a missing endpoint is not asked again every minute, and the
// health probe still calls the API reachable (it answered).
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi, describe } from "vitest";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, type ChariowClient } from "@/lib/chariow";
import { startSimulator, type RunningSimulator } from "@/simulator/index";

const state = vi.hoisted(() => ({ client: null as unknown }));
vi.mock("@/lib/store/chariow-connection", () => ({ getChariowClient: () => state.client }));
vi.mock("@/lib/env", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/env")>()), getEnv: () => ({ DEMO_MODE: false }) }));

const { getStoreName, getStoreUrl } = await import("@/lib/store/store-info");
const { storeCatalogueLinks } = await import("@/lib/store/catalogue-links");
const { getUpstreamHealth } = await import("@/lib/store/upstream-health");

let sim: RunningSimulator;
const asked: Record<string, number> = {};
/** Stands in for Chariow on some paths (a 501 the simulator does not serve); null = ask the simulator. */
let answer: (path: string) => Response | null = () => null;

function makeClient(): ChariowClient {
  const clock = createVirtualClock();
  return createChariowClient({
    baseUrl: sim.baseUrl,
    apiKey: sim.apiKey,
    clock,
    scheduler: createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }) }),
    fetch: async (input: string, init: RequestInit) => {
      const path = new URL(input).pathname.replace(/^\/v1/, "");
      const resource = `/${path.split("/")[1]}`;
      asked[resource] = (asked[resource] ?? 0) + 1;
      return answer(path) ?? fetch(input, init);
    },
  });
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 5, rateLimit: 0, sales: 20, now: new Date("2026-06-01T00:00:00Z"), missingEndpoints: ["store", "products"] });
});
afterAll(async () => sim?.close());

describe("optional reads of a store without GET /store and /products", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    state.client = makeClient();
    for (const k of Object.keys(asked)) delete asked[k];
    answer = () => null;
    // The store info service caches process-wide: start each test cold.
    const cache = globalThis as { __chariowStore?: unknown; __chariowProductLinks?: unknown };
    delete cache.__chariowStore;
    delete cache.__chariowProductLinks;
  });
  afterEach(() => vi.useRealTimers());

  it("store name and URL are unknown (null, no throw), and GET /store is not asked again minutes later", async () => {
    expect(await getStoreName()).toBeNull();
    expect(await getStoreUrl()).toBeNull();
    expect(asked["/store"]).toBe(1);
    vi.setSystemTime(Date.now() + 5 * 60_000); // pages keep rendering the shell
    expect(await getStoreName()).toBeNull();
    expect(asked["/store"]).toBe(1);
    vi.setSystemTime(Date.now() + 10 * 60_000);
    await getStoreName();
    expect(asked["/store"]).toBe(2); // asked again like a known answer, every ten minutes
  });

  it("the recovery link's lookups give no link (null, no throw), and the product is not asked again minutes later", async () => {
    expect(await storeCatalogueLinks.storeUrl()).toBeNull();
    expect(await storeCatalogueLinks.product("prd_anything")).toBeNull();
    expect(asked["/products"]).toBe(1);
    vi.setSystemTime(Date.now() + 5 * 60_000);
    expect(await storeCatalogueLinks.product("prd_anything")).toBeNull();
    expect(asked["/products"]).toBe(1);
  });

  it("a transient failure (503) is still asked again a minute later", async () => {
    answer = (path) => (path === "/store" ? new Response(JSON.stringify({ message: "Server Error", data: [], errors: [] }), { status: 503, headers: { "content-type": "application/json" } }) : null);
    expect(await getStoreName()).toBeNull();
    const first = asked["/store"];
    vi.setSystemTime(Date.now() + 61_000);
    await getStoreName();
    expect(asked["/store"]).toBeGreaterThan(first);
  });

  it("the health probe calls the API reachable when /store is missing (404) or not implemented (501)", async () => {
    expect(await getUpstreamHealth()).toEqual({ mode: "live", reachable: true });
    vi.setSystemTime(Date.now() + 2 * 60_000); // past the probe's one-minute cache
    answer = (path) => (path === "/store" ? new Response(JSON.stringify({ message: "Not Implemented", data: [], errors: [] }), { status: 501, headers: { "content-type": "application/json" } }) : null);
    expect(await getUpstreamHealth()).toEqual({ mode: "live", reachable: true });
    // The control: a server that does answer 503 on every try is unreachable.
    vi.setSystemTime(Date.now() + 2 * 60_000);
    answer = (path) => (path === "/store" ? new Response("<html>503</html>", { status: 503, headers: { "content-type": "text/html" } }) : null);
    expect(await getUpstreamHealth()).toEqual({ mode: "live", reachable: false });
  });
});
