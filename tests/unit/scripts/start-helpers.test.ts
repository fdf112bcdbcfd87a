// `npm start` rebuilds only when a source is newer than the last build (including a deleted file), and
// keeps one generated AUTH_SECRET across restarts, readable by its owner only, in an owner-only folder.
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs helper without type declarations
import { buildNeeded } from "../../../scripts/start/build-check.mjs";
// @ts-expect-error -- plain .mjs helper without type declarations
import { persistentAuthSecret } from "../../../scripts/start/secrets.mjs";

let root: string;
const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "start-helpers-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("buildNeeded", () => {
  it("asks for a build when there is none, then only when a source changed", () => {
    mkdirSync(path.join(root, "app"));
    writeFileSync(path.join(root, "app", "page.tsx"), "x");
    at(path.join(root, "app", "page.tsx"), 1000);
    at(path.join(root, "app"), 1000);
    expect(buildNeeded(root)).toBe("no production build yet");

    mkdirSync(path.join(root, ".next"));
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "id");
    at(path.join(root, ".next", "BUILD_ID"), 2000);
    expect(buildNeeded(root)).toBeNull();

    at(path.join(root, "app", "page.tsx"), 3000);
    expect(buildNeeded(root)).toMatch(/app/);
  });

  it("notices a deleted file through its folder's mtime", () => {
    mkdirSync(path.join(root, "app"));
    mkdirSync(path.join(root, ".next"));
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "id");
    at(path.join(root, ".next", "BUILD_ID"), 2000);
    at(path.join(root, "app"), 3000); // what rm does to the folder
    expect(buildNeeded(root)).toMatch(/app/);
  });
});

describe("persistentAuthSecret", () => {
  it("generates a strong secret once, keeps it, and keeps it private", () => {
    const dataDir = path.join(root, "data");
    const first = persistentAuthSecret(dataDir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(persistentAuthSecret(dataDir)).toBe(first);
    expect(statSync(path.join(dataDir, "auth-secret")).mode & 0o077).toBe(0);
  });

  it("creates the data folder (the SQLite file's too) owner-only, whatever the umask", () => {
    const previous = process.umask(0o022);
    try {
      persistentAuthSecret(path.join(root, "data"));
    } finally {
      process.umask(previous);
    }
    expect((statSync(path.join(root, "data")).mode & 0o777).toString(8)).toBe("700");
  });
});
