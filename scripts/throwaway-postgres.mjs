// Starts a disposable PostgreSQL cluster for the test run (Debian's `postgresql` package), so the
// data-layer tests run on both engines. Returns null (and says so) when PostgreSQL is not installed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

function findBin(name) {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const p = path.join(base, v, "bin", name);
    if (existsSync(p)) return p;
  }
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function startThrowawayPostgres() {
  if (process.env.TEST_POSTGRES_URL) {
    console.log(`PostgreSQL tests use TEST_POSTGRES_URL`);
    return { url: process.env.TEST_POSTGRES_URL, stop() {} };
  }
  const initdb = findBin("initdb");
  const pgCtl = findBin("pg_ctl");
  if (!initdb || !pgCtl) {
    console.log("PostgreSQL not installed: SKIPPING the PostgreSQL data-layer tests (apt-get install -y postgresql)");
    return null;
  }
  // initdb refuses to run as root: run the cluster as the `postgres` system user.
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), "chariow-pg-"));
  const wrap = (bin, args) => (asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args]);
  if (asRoot) {
    const pw = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const uid = Number(pw.stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const [c1, a1] = wrap(initdb, ["-D", dir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const init = spawnSync(c1, a1, { encoding: "utf8" });
  if (init.status !== 0) {
    console.log(`PostgreSQL initdb failed: SKIPPING the PostgreSQL tests\n${init.stderr}`);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const [c2, a2] = wrap(pgCtl, ["-D", dir, "-o", opts, "-l", path.join(dir, "log"), "-w", "start"]);
  const start = spawnSync(c2, a2, { encoding: "utf8" });
  if (start.status !== 0) {
    console.log(`PostgreSQL failed to start: SKIPPING the PostgreSQL tests\n${start.stderr}`);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  console.log(`PostgreSQL test cluster on 127.0.0.1:${port}`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      const [c3, a3] = wrap(pgCtl, ["-D", dir, "-m", "immediate", "stop"]);
      spawnSync(c3, a3);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
