// What session revocation costs per request (issue 14): every authenticated request already decoded the
// session JWT and re-read the member by primary key; the revocation check adds an indexed
// `exists (… revoked_sessions …)` to that same read, plus the absolute-lifetime comparison.
// Measured with 1,000 signed-out sessions on record: the JWT decode, the member read before
// (findMemberById) and now (findSessionMember), and the whole check (liveSession), per engine.
// Run: npx tsx --conditions=react-server bench/session-check.ts [postgres://…/db]   (SQLite always; PG when a URL is given)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { encode, decode } from "next-auth/jwt";
import pg from "pg";
import { openDatabase, type OpenedDatabase } from "../lib/db";
import { liveSession, startSession } from "../lib/auth/session-token";
import { createUser, findMemberById, findSessionMember, revokeSession } from "../lib/team";

const ITERATIONS = 5_000;
const ROUNDS = 5;
const SECRET = "bench-secret-0123456789abcdef0123456789";
const SALT = "authjs.session-token";

async function best(label: string, fn: () => Promise<unknown>): Promise<[string, number]> {
  for (let i = 0; i < 200; i++) await fn(); // warm-up: statement caches, JIT
  let bestUs = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < ITERATIONS; i++) await fn();
    bestUs = Math.min(bestUs, Number(process.hrtime.bigint() - t0) / 1000 / ITERATIONS);
  }
  return [label, bestUs];
}

async function measure(engine: string, opened: OpenedDatabase): Promise<Array<[string, number]>> {
  const db = opened.db;
  const ids: string[] = [];
  for (let i = 0; i < 50; i++) {
    ids.push((await createUser(db, { email: `m${i}@bench.test`, password: "correct horse battery", role: "admin" })).id);
  }
  // A day's worth of sign-outs and more: the sub-select must stay an index probe.
  const expiresAt = new Date(Date.now() + 3_600_000);
  for (let i = 0; i < 1000; i++) await revokeSession(db, { sessionId: randomUUID(), userId: ids[i % 50]!, expiresAt });
  const member = (await findMemberById(db, ids[25]!))!;
  const token = startSession({}, member);
  const sid = token.sid as string;
  const cookie = await encode({ token, secret: SECRET, salt: SALT });
  const rows: Array<[string, number]> = [];
  rows.push(await best(`${engine}: JWT decode (every request, unchanged)`, () => decode({ token: cookie, secret: SECRET, salt: SALT })));
  rows.push(await best(`${engine}: member read before (findMemberById)`, () => findMemberById(db, member.id)));
  rows.push(await best(`${engine}: member read now (findSessionMember, + revoked?)`, () => findSessionMember(db, member.id, sid)));
  rows.push(await best(`${engine}: whole check (liveSession: lifetime, read, revoked?)`, () => liveSession(db, token)));
  return rows;
}

async function main() {
  const rows: Array<[string, number]> = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "session-bench-"));
  const sqlite = await openDatabase(`file:${path.join(dir, "bench.db")}`);
  rows.push(...(await measure("SQLite", sqlite)));
  await sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const pgUrl = process.argv[2];
  if (pgUrl) {
    const name = `bench_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const opened = await openDatabase(url.toString());
    try {
      rows.push(...(await measure("PostgreSQL", opened)));
    } finally {
      await opened.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  console.log(`${ITERATIONS} iterations, best of ${ROUNDS}; ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`);
  console.log("| step | µs per request |\n| --- | ---: |");
  for (const [label, us] of rows) console.log(`| ${label} | ${us.toFixed(1)} |`);
}

await main();
