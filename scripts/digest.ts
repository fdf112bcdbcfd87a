// `npm run digest -- --send-now [--member email] [--weekly]`: sends the digest at once (docs/notifications.md),
// for trying it and for tests — to every member who may read it, or to one. Without SMTP_URL it still
// lands in each member's in-app list (and the store's webhook when set), and says so.
import fs from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db";
import { EnvError, getEnv } from "@/lib/env";
import { sendDigestNow } from "@/lib/notifications/runner";
import { notificationDeps } from "@/lib/notifications/start";

for (const file of [".env.local", ".env"]) {
  if (fs.existsSync(file) && typeof process.loadEnvFile === "function") process.loadEnvFile(file);
}
// `npm start` keeps a generated AUTH_SECRET under DATA_DIR when none is configured (demo mode): use the same
// one, so the unsubscribe links this command signs are the server's.
const savedSecret = path.resolve(process.env.DATA_DIR ?? "data", "auth-secret");
if (!process.env.AUTH_SECRET?.trim() && fs.existsSync(savedSecret)) process.env.AUTH_SECRET = fs.readFileSync(savedSecret, "utf8").trim();

const USAGE = "usage: npm run digest -- --send-now [--member someone@example.com] [--weekly]";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "send-now": { type: "boolean", default: false }, member: { type: "string" }, weekly: { type: "boolean", default: false } } });
  if (!values["send-now"]) {
    console.error(USAGE);
    return 2;
  }
  const env = getEnv();
  const opened = await openDatabase(env.DATABASE_URL);
  try {
    const deps = notificationDeps(opened.db, `digest:${hostname()}:${process.pid}`);
    const sentTo = await sendDigestNow(deps, { kind: values.weekly ? "weekly" : "daily", memberEmail: values.member });
    if (sentTo.length === 0) {
      console.error(values.member ? `[digest] no active member ${values.member} who may read the figures (analytics:read)` : "[digest] no member may read the figures");
      return 1;
    }
    const log = await opened.db.selectFrom("notification_outbox").select(["channel", "status", "last_error"]).where("dedupe_key", "like", `digest:%:now-%`).orderBy("created_at", "desc").limit(sentTo.length * 2).execute();
    console.log(`[digest] ${values.weekly ? "weekly" : "daily"} digest for ${sentTo.join(", ")}${deps.email ? "" : " (SMTP_URL is not set: in the app only)"}`);
    for (const l of log) console.log(`  ${l.channel}: ${l.status}${l.last_error ? ` (${l.last_error})` : ""}`);
    return log.some((l) => l.status === "pending" || l.status === "failed") ? 1 : 0;
  } finally {
    await opened.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof EnvError ? error.message : `[digest] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
