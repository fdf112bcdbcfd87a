// Test helpers: a client wired to a fake fetch, a virtual clock and its own scheduler.
import { createChariowClient } from "@/lib/chariow/client";
import { createMemoryBudgetStore } from "@/lib/chariow/budget-store";
import { createVirtualClock } from "@/lib/chariow/clock";
import { createScheduler, type SchedulerOptions } from "@/lib/chariow/scheduler";
import { createFakeFetch, type FakeHandler } from "./fake-fetch";

export const TEST_KEY = "sk_live_TESTKEY_1234567890";

export function testClient(handler: FakeHandler, schedulerOptions: SchedulerOptions = {}, timeoutMs?: number) {
  const clock = createVirtualClock();
  const { fetch, calls } = createFakeFetch(handler);
  const scheduler = createScheduler({
    clock,
    store: createMemoryBudgetStore({ assumedLimit: 1000 }),
    random: () => 0.5,
    ...schedulerOptions,
  });
  const client = createChariowClient({ baseUrl: "https://api.test/v1/", apiKey: TEST_KEY, fetch, scheduler, clock, timeoutMs });
  return { client, calls, clock, scheduler };
}
