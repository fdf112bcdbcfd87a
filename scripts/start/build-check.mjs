// Is the production build older than the sources? A cheap mtime walk, so `npm start` rebuilds after a
// `git pull` without paying for `next build` on every start.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_ENTRIES = [
  "app", "components", "config", "lib", "messages", "public", "sw", "types",
  "proxy.ts", "instrumentation.ts", "next.config.mjs", "postcss.config.mjs", "tailwind.config.ts",
  "tsconfig.json", "tsconfig.next.json", "package.json", "package-lock.json",
];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // A directory's own mtime moves when a file in it is deleted or renamed: that needs a rebuild too.
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** Returns why a build is needed, or null when .next/BUILD_ID is newer than every source file. */
export function buildNeeded(root) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no production build yet";
  const builtAt = statSync(buildId).mtimeMs;
  for (const entry of SOURCE_ENTRIES) {
    if (newestMtime(path.join(root, entry)) > builtAt) return `${entry} changed since the last build`;
  }
  return null;
}
