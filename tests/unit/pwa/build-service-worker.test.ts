// The service worker build (lib/pwa/build-service-worker.mjs): sw/sw.ts compiles into one classic script
// (no import left: a worker registered without `type: "module"` cannot import), the precache list names
// every home-screen icon and the manifest with a revision that follows the file's bytes, and the
// offline page's words are there in both languages.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs module; TypeScript has no declaration for it
import { buildServiceWorker, precacheEntries } from "@/lib/pwa/build-service-worker.mjs";

const root = path.resolve(import.meta.dirname, "../../..");
const messages = (locale: string) => JSON.parse(readFileSync(path.join(root, "messages", locale, "offline.json"), "utf8")).Offline.worker;

describe("the service worker build", () => {
  it("compiles sw/sw.ts into one self-contained script with the precache list and both languages", () => {
    const outfile = path.join(mkdtempSync(path.join(os.tmpdir(), "sw-build-")), "sw.js");
    buildServiceWorker(root, { minify: false, outfile });
    const script = readFileSync(outfile, "utf8");
    expect(script).not.toMatch(/^\s*import\s/m);
    // Replaced by their values (esbuild leaves a `<define:NAME>` comment where it put each one).
    expect(script).not.toMatch(/(?<!define:)__PRECACHE__/);
    expect(script).not.toMatch(/(?<!define:)__OFFLINE_MESSAGES__/);
    for (const entry of precacheEntries(root) as { url: string; revision: string }[]) {
      expect(script).toContain(entry.url);
      expect(script).toContain(entry.revision);
    }
    expect(script).toContain(JSON.stringify(messages("fr").pagesKept).slice(1, -1));
    expect(script).toContain(JSON.stringify(messages("en").pagesKept).slice(1, -1));
  });

  it("precaches every icon of public/icons and the manifest, each revision a hash of its content", () => {
    const entries = precacheEntries(root) as { url: string; revision: string }[];
    expect(entries.map((e) => e.url).sort()).toEqual(
      ["/icons/apple-touch-icon-180.png", "/icons/icon-192.png", "/icons/icon-512.png", "/icons/icon-maskable-512.png", "/manifest.webmanifest"].sort(),
    );
    expect(new Set(entries.map((e) => e.revision)).size).toBe(entries.length);
    for (const e of entries) expect(e.revision).toMatch(/^[0-9a-f]{16,}$/);
  });
});
