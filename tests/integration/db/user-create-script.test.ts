// `npm run user:create` as an operator runs it: a child process against a temp SQLite file, the
// password piped on stdin, clear errors and non-zero exits, and never the password in the output.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { authenticate, listMembers } from "@/lib/team";

const root = path.resolve(__dirname, "../../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
let dir: string;
let databaseUrl: string;

function userCreate(args: string[], stdin: string) {
  const res = spawnSync(tsx, ["--conditions=react-server", "scripts/user-create.ts", ...args], {
    cwd: root,
    input: stdin,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "test" },
    timeout: 60_000,
  });
  return { code: res.status, out: res.stdout + res.stderr };
}

describe("user:create script (SQLite)", () => {
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chariow-cli-"));
    databaseUrl = `file:${path.join(dir, "nested", "cli.db")}`;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("creates the first owner in a fresh database, who can then sign in", async () => {
    const password = "first-owner-password";
    const { code, out } = userCreate(["--email", "Founder@Shop.CI", "--role", "owner", "--name", "Aya", "--password-stdin"], `${password}\n`);
    expect(out).toContain("Created owner founder@shop.ci");
    expect(out).not.toContain(password);
    expect(code).toBe(0);

    const opened = await openDatabase(databaseUrl);
    try {
      expect(await listMembers(opened.db)).toEqual([expect.objectContaining({ email: "founder@shop.ci", role: "owner", name: "Aya" })]);
      expect((await authenticate(opened.db, { email: "founder@shop.ci", password, ip: null })).ok).toBe(true);
    } finally {
      await opened.close();
    }
  });

  it.each([
    ["an existing email", ["--email", "founder@shop.ci", "--role", "admin"], "another-password", /already a member/],
    ["an invalid email", ["--email", "not-an-email", "--role", "admin"], "another-password", /Invalid email/],
    ["an unknown role", ["--email", "x@shop.ci", "--role", "boss"], "another-password", /Invalid role.*owner, admin, marketing, support/],
    ["a weak password", ["--email", "x@shop.ci", "--role", "admin"], "short", /at least 10 characters/],
    ["a common password", ["--email", "x@shop.ci", "--role", "admin"], "password123", /password.*too common/],
    ["a common French password", ["--email", "x@shop.ci", "--role", "admin"], "Azerty1234!", /password.*too common/],
    ["a missing --role", ["--email", "x@shop.ci"], "another-password", /--role are required/],
  ])("refuses %s with a clear message and a non-zero exit", (_label, args, password, message) => {
    const { code, out } = userCreate([...args, "--password-stdin"], `${password}\n`);
    expect(code).not.toBe(0);
    expect(out).toMatch(message);
    expect(out).not.toContain(password);
  });
});
