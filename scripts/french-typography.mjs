#!/usr/bin/env node
// French typography for the French messages (docs/glossary.md, "Typographie"): a narrow no-break space
// (U+202F) before : ; ! ? and %, and inside « guillemets », so "Total :" never breaks before its colon
// and reads as French. Mechanical and idempotent; the keys are never touched. Run after adding French
// text, or after a merge brought some in (tests/unit/i18n-typography.test.ts fails until then):
//
//   node scripts/french-typography.mjs           # rewrites messages/fr.json and messages/fr/*.json
//   node scripts/french-typography.mjs --check   # lists what it would change, exits 1 if anything
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const NNBSP = "\u202F";
const SPACE = "[ \\u00A0\\u202F]";

// A colon only when a space or the end follows: "https://", "12:30" and ICU's "::skeleton" stay as they are.
const BEFORE_COLON = new RegExp(`([^\\s\\u00A0\\u202F({«:;!?])${SPACE}?:(?=$|[\\s}])`, "gu");
// ; ! ? when the sentence goes on or ends there ("?!" keeps its two marks together; "?a=1" is left alone).
const BEFORE_MARK = new RegExp(`([^\\s\\u00A0\\u202F({«:;!?])${SPACE}?([;!?])(?=$|[\\s}).,»…!?])`, "gu");
const BEFORE_PERCENT = new RegExp(`([\\d}])${SPACE}?%`, "gu");
const AFTER_OPENING_QUOTE = new RegExp(`«${SPACE}?`, "gu");
const BEFORE_CLOSING_QUOTE = new RegExp(`${SPACE}?»`, "gu");

/** One French message with its spaces set. */
export function frenchTypography(text) {
  return text
    .replace(BEFORE_COLON, `$1${NNBSP}:`)
    .replace(BEFORE_MARK, `$1${NNBSP}$2`)
    .replace(BEFORE_PERCENT, `$1${NNBSP}%`)
    .replace(AFTER_OPENING_QUOTE, `«${NNBSP}`)
    .replace(BEFORE_CLOSING_QUOTE, `${NNBSP}»`);
}

/** The catalogue with every string value fixed, keys and order unchanged. */
export function fixCatalogue(value) {
  if (typeof value === "string") return frenchTypography(value);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, fixCatalogue(child)]));
  }
  return value;
}

export function frenchCatalogueFiles(root) {
  const dir = path.join(root, "messages", "fr");
  return [path.join(root, "messages", "fr.json"), ...readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(dir, f))];
}

function main() {
  const check = process.argv.includes("--check");
  const root = path.resolve(import.meta.dirname, "..");
  let changed = 0;
  for (const file of frenchCatalogueFiles(root)) {
    const before = readFileSync(file, "utf8");
    const after = `${JSON.stringify(fixCatalogue(JSON.parse(before)), null, 2)}\n`;
    if (after === before) continue;
    changed += 1;
    if (check) console.log(`${path.relative(root, file)} needs French spacing`);
    else writeFileSync(file, after);
  }
  if (check && changed > 0) process.exit(1);
  if (!check) console.log(`${changed} file(s) rewritten`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) main();
