// The inline script every dashboard page carries (lib/pwa/early-script.ts), run in a VM context with fake
// window, document and Cache API: on a phone it holds the install offer and announces it, elsewhere it
// leaves the browser's own; a sign-out form's submit deletes the member's offline copies and only them.
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { INSTALL_AVAILABLE_EVENT, INSTALL_EVENT_KEY, earlyOfflineScript } from "@/lib/pwa/early-script";
import { SNAPSHOT_CACHE_PREFIX, STATE_CACHE, STATIC_CACHE } from "@/sw/snapshot-rules";

class FakeForm {
  constructor(private readonly attrs: string[]) {}
  hasAttribute(name: string) {
    return this.attrs.includes(name);
  }
}

function run({ phone, cacheNames }: { phone: boolean; cacheNames: string[] }) {
  const windowListeners = new Map<string, (e: unknown) => void>();
  const documentListeners = new Map<string, { fn: (e: unknown) => void; capture: unknown }>();
  const dispatched: string[] = [];
  const deleted: string[] = [];
  const context: Record<string, unknown> = {
    addEventListener: (type: string, fn: (e: unknown) => void) => windowListeners.set(type, fn),
    dispatchEvent: (e: { type: string }) => dispatched.push(e.type),
    matchMedia: (query: string) => ({ matches: phone && query.includes("pointer: coarse") }),
    Event: class {
      constructor(public type: string) {}
    },
    HTMLFormElement: FakeForm,
    document: { addEventListener: (type: string, fn: (e: unknown) => void, capture: unknown) => documentListeners.set(type, { fn, capture }) },
    caches: {
      keys: async () => cacheNames,
      delete: async (name: string) => {
        deleted.push(name);
        return true;
      },
    },
    Promise,
  };
  context.window = context;
  vm.runInNewContext(earlyOfflineScript(), context);
  return { context, windowListeners, documentListeners, dispatched, deleted };
}

describe("the early offline script", () => {
  it("holds the install offer on a phone and announces it", () => {
    const { context, windowListeners, dispatched } = run({ phone: true, cacheNames: [] });
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    windowListeners.get("beforeinstallprompt")!(event);
    expect(prevented).toBe(true);
    expect(context[INSTALL_EVENT_KEY]).toBe(event);
    expect(dispatched).toEqual([INSTALL_AVAILABLE_EVENT]);
  });

  it("leaves the browser's own offer on a desktop", () => {
    const { context, windowListeners, dispatched } = run({ phone: false, cacheNames: [] });
    let prevented = false;
    windowListeners.get("beforeinstallprompt")!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
    expect(context[INSTALL_EVENT_KEY]).toBeUndefined();
    expect(dispatched).toEqual([]);
  });

  it("deletes the member's copies when a sign-out form is sent, and nothing else", async () => {
    const names = [`${SNAPSHOT_CACHE_PREFIX}abc`, `${SNAPSHOT_CACHE_PREFIX}def`, STATE_CACHE, STATIC_CACHE, "other"];
    const { documentListeners, deleted } = run({ phone: true, cacheNames: names });
    const submit = documentListeners.get("submit")!;
    expect(submit.capture).toBe(true); // heard before the form's own handlers
    submit.fn({ target: new FakeForm([]) });
    submit.fn({ target: { hasAttribute: () => true } }); // not a form
    await new Promise((r) => setTimeout(r, 0));
    expect(deleted).toEqual([]);
    submit.fn({ target: new FakeForm(["data-sign-out"]) });
    await new Promise((r) => setTimeout(r, 0));
    expect(deleted.sort()).toEqual([`${SNAPSHOT_CACHE_PREFIX}abc`, `${SNAPSHOT_CACHE_PREFIX}def`, STATE_CACHE].sort());
  });
});
