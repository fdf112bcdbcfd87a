// Child process for the migration race test: opens (and so migrates) the database at argv[2] at the
// instant argv[4], like an app instance starting up, then writes one row to prove the schema is usable.
import { openDatabase } from "@/lib/db";

const url = process.argv[2];
const label = process.argv[3] ?? String(process.pid);
// All children start at the same instant (after their slow tsx start-up), so they really race.
const startAt = Number(process.argv[4] ?? 0);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
const opened = await openDatabase(url);
await opened.db
  .insertInto("app_settings")
  .values({ key: `started:${label}`, value: "1", updated_at: new Date().toISOString() })
  .execute();
await opened.close();
console.log("opened");
