// `npm run digest -- --send-now` as an operator runs it (issue 19): a child process against a temp SQLite
// file and a real SMTP server in this process. It e-mails the digest to the member named, says what it
// did, exits 0; without --send-now it prints its usage and exits 2; an unknown member exits 1.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { startSmtpInbox, type SmtpInbox } from "../../factories/smtp-inbox";
import { makeMember } from "../../factories/team";

const root = path.resolve(__dirname, "../../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
let dir: string;
let databaseUrl: string;
let smtp: SmtpInbox;
let smtpPort = 0;
let inbox: ParsedMail[] = [];

/** Runs the script without blocking this process (the SMTP server answers it from here). */
function digest(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ["--conditions=react-server", "scripts/digest.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "test", AUTH_SECRET: "a".repeat(40), SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SMTP_FROM: "Boutique <dash@example.com>", CHARIOW_API_KEY: "", APP_URL: "https://dash.example", ...extraEnv },
    });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

describe("npm run digest", () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chariow-digest-"));
    databaseUrl = `file:${path.join(dir, "digest.db")}`;
    smtp = await startSmtpInbox();
    smtpPort = smtp.port;
    inbox = smtp.messages;
  });
  afterAll(async () => {
    await smtp?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("sends the digest now to the member named, and says so", async () => {
    const opened = await openDatabase(databaseUrl);
    const owner = await makeMember(opened.db, "owner", { email: "aya@shop.test" });
    await makeMember(opened.db, "admin", { email: "ben@shop.test" });
    await opened.close();

    const usage = await digest([]);
    expect(usage.code).toBe(2);
    expect(usage.out).toContain("usage: npm run digest -- --send-now");

    const unknown = await digest(["--send-now", "--member", "nobody@shop.test"]);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain("no active member nobody@shop.test");

    const sent = await digest(["--send-now", "--member", "Aya@Shop.test"]);
    expect(sent.out).toContain("daily digest for aya@shop.test");
    expect(sent.out).toContain("email: sent");
    expect(sent.code, sent.out).toBe(0);
    expect(inbox.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address)).toEqual([owner.member.email]);
    expect(inbox[0]!.subject).toMatch(/^Chariow — ventes du /);

    // Sending again now is a new message (the command is for trying it), not a duplicate refused.
    const again = await digest(["--send-now", "--member", "aya@shop.test"]);
    expect(again.code, again.out).toBe(0);
    expect(inbox).toHaveLength(2);

    // In demo mode `npm start` keeps its generated AUTH_SECRET under DATA_DIR: the command uses it.
    fs.writeFileSync(path.join(dir, "auth-secret"), `${"d".repeat(43)}\n`);
    const demo = await digest(["--send-now", "--member", "aya@shop.test"], { AUTH_SECRET: "", DATA_DIR: dir });
    expect(demo.code, demo.out).toBe(0);
    expect(inbox).toHaveLength(3);
    const noSecret = await digest(["--send-now"], { AUTH_SECRET: "", DATA_DIR: path.join(dir, "none") });
    expect(noSecret.code).toBe(1);
    expect(noSecret.out).toContain("AUTH_SECRET: is required");
  }, 120_000);
});
