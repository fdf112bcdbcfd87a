// Secrets the app needs that a fresh machine does not have yet: AUTH_SECRET is generated once and kept
// under ./data/ (mode 0600, in a folder created 0700 — the SQLite file lives there too) so sessions
// survive restarts; the demo Pulse secret is per run.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function persistentAuthSecret(dataDir) {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) {
    const saved = readFileSync(file, "utf8").trim();
    if (saved.length >= 32) return saved;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function randomToken(prefix = "") {
  return `${prefix}${randomBytes(24).toString("hex")}`;
}

/**
 * The demo simulator's origin, key and control token, for whoever drives it (the e2e suite, a curious
 * merchant), owner-only: the one place they are written, since start-up prints neither.
 */
export function writeControlFile(file, value) {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(value)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // the mode above applies only to a new file
}
