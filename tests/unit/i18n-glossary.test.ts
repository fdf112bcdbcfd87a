// The words on screen are the merchant's (docs/glossary.md): no internal word — mirror, sync, enrichment,
// API budget, backfill, lease — and no "reversement" / "settlement" for a payout, in any French or English
// message, except the few lines of the Settings "Technical details" disclosure, listed here by key. And a
// filters form is submitted by "Appliquer" / "Apply", never "Afficher", "Filtrer", "Show".
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { LOCALES } from "@/lib/i18n/locales";

const ROOT = path.resolve(import.meta.dirname, "../..");

const INTERNAL_WORDS: RegExp[] = [
  /miroir|mirror/i,
  /synchro|\bsync/i,
  /enrichi|enrichment|enriched/i,
  /\bbudget\b/i,
  /backfill/i,
  /\blease\b|\bbail\b/i,
  /\bvm:\d/i,
  /reversement|revers[ée]/i,
  /\bsettle(d|ment|ments)?\b/i,
];

// What components/settings/technical-details.tsx shows inside its closed <details>, and nothing else
// (a key that also appears outside the disclosure must not be here).
const TECHNICAL_DETAILS_KEYS = [
  "settings.technicalTitle",
  "settings.technicalHelp",
  "settings.apiHost",
  "settings.budget",
  "settings.budgetValue",
  "settings.leaseHolder",
  "settings.optionalJob",
  "settings.optionalJobState.never",
  "settings.optionalJobState.ok",
  "settings.optionalJobState.notAvailable",
  "settings.optionalJobState.failing",
  "settings.lastErrorText",
  "settings.pulseSecretIds",
];

function strings(value: unknown, prefix = ""): Array<[string, string]> {
  if (typeof value === "string") return [[prefix, value]];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

/** The text a member can read: placeholder names ({enriched}, {count, plural, …}) are not shown. */
const readable = (text: string) => text.replace(/\{\s*\w+\s*([,}])/g, "{$1");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".tsx") ? [path.join(dir, e.name)] : []));
}

describe("glossary words on screen", () => {
  it("no internal word in any message outside the technical details", async () => {
    for (const locale of LOCALES) {
      const messages = strings(await loadMessages(locale));
      for (const key of TECHNICAL_DETAILS_KEYS) expect(messages.some(([k]) => k === key), `${key} exists`).toBe(true);
      const found = messages.filter(([key, text]) => !TECHNICAL_DETAILS_KEYS.includes(key) && INTERNAL_WORDS.some((word) => word.test(readable(text))));
      expect(found.map(([key, text]) => `${locale} ${key}: ${text}`)).toEqual([]);
    }
  });

  it("filters forms (GET) are submitted by the glossary's Appliquer / Apply", async () => {
    const submitKeys = [...sourceFiles(path.join(ROOT, "components")), ...sourceFiles(path.join(ROOT, "app"))].flatMap((file) => {
      const source = readFileSync(file, "utf8");
      if (!/method="get"/.test(source)) return [];
      return [...source.matchAll(/type="submit"[^>]*>\s*\{\w+\("([\w.]+)"\)\}/g)].map((m) => `${path.relative(ROOT, file)}: ${m[1]}`);
    });
    expect(submitKeys.length).toBeGreaterThanOrEqual(5);
    // Their keys end in "apply"; every such key says Appliquer / Apply.
    expect(submitKeys.filter((k) => !/(^|\.)apply$/.test(k.split(": ")[1]))).toEqual([]);
    const words = { fr: "Appliquer", en: "Apply" } as const;
    for (const locale of LOCALES) {
      const applies = strings(await loadMessages(locale)).filter(([key]) => /(^|\.)apply$/.test(key));
      expect(applies.filter(([, text]) => text !== words[locale]).map(([key, text]) => `${locale} ${key}: ${text}`)).toEqual([]);
    }
  });
});
