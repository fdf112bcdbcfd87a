// Lists message keys that no source file seems to reference, as candidates for removal (a maintenance
// aid, not a test: keys can be built at run time). Usage: `node scripts/unused-messages.mjs`.
// A top-level namespace is referenced when app/, components/, lib/ or config/ ask for it by name
// (useTranslations("ns"), labels("ns", columns)…) or write one of its keys in full ("pages.settings"). A key is referenced when its last segment is a
// string (or a dot-separated piece of one) anywhere in those files, or its parent object is the static
// part of a template (`status.${x}` → every key under "status"). `Codes` and `Errors` are read through
// the codes and errors modules by value (tests/unit/format/codes.test.ts, errors.test.ts cover them),
// so they are not listed. Read every candidate before removing it.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(import.meta.dirname, "..");
const BY_VALUE = new Set(["Codes", "Errors"]);

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : files(full);
    return /\.(ts|tsx|mjs)$/.test(e.name) ? [full] : [];
  });
}

function catalogue(locale) {
  const merged = JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8"));
  for (const f of readdirSync(path.join(root, "messages", locale))) Object.assign(merged, JSON.parse(readFileSync(path.join(root, "messages", locale, f), "utf8")));
  return merged;
}

function leaves(value, prefix = "") {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

/** Every string in a file, template parts included (`status.${x}` → "status.${"), read by TypeScript's scanner. */
function stringsOf(file) {
  const text = readFileSync(file, "utf8");
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  const out = [];
  let braces = 0;
  const templateDepths = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.OpenBraceToken) braces++;
    else if (kind === ts.SyntaxKind.CloseBraceToken) {
      if (templateDepths.at(-1) === braces) {
        kind = scanner.reScanTemplateToken(false);
        if (kind === ts.SyntaxKind.TemplateTail) templateDepths.pop();
        out.push(scanner.getTokenValue() + (kind === ts.SyntaxKind.TemplateMiddle ? "${" : ""));
        continue;
      }
      braces--;
    }
    if (kind === ts.SyntaxKind.StringLiteral || kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral) out.push(scanner.getTokenValue());
    else if (kind === ts.SyntaxKind.TemplateHead) {
      out.push(`${scanner.getTokenValue()}\${`);
      templateDepths.push(braces);
    }
  }
  return out;
}

const sourceFiles = ["app", "components", "lib", "config"].flatMap((d) => files(path.join(root, d)));
const literals = sourceFiles.flatMap(stringsOf);
const source = sourceFiles.map((f) => readFileSync(f, "utf8")).join("\n");

/** A namespace is asked for by name (useTranslations("ns"), getTranslations({ namespace: "ns.sub" }), a CSV
 * export's labels("ns", …)…), or one of its keys is written in full ("ns.key" through the root translator). */
function namespaceUsed(ns) {
  const quoted = `["'\`]${ns}(?:\\.[\\w.]*)?["'\`]`;
  const byName = new RegExp(`(?:useTranslations|getTranslations|translator|translatorFor|labels|csvHeaderLabels)\\([^)]*?${quoted}|namespace:\\s*${quoted}`);
  return byName.test(source) || literals.some((l) => l.startsWith(`${ns}.`));
}
const tokens = new Set(literals.flatMap((l) => [l, ...l.split(/[.\s${}]+/)]));
// `ns.sub.${x}` → "ns.sub" and "sub": every key under such an object may be asked for.
const dynamicParents = new Set(literals.flatMap((l) => [...l.matchAll(/([\w.]+)\.\$\{/g)].flatMap((m) => [m[1], m[1].split(".").pop()])));

export function unusedMessageKeys(locale = "fr") {
  const messages = catalogue(locale);
  const out = [];
  for (const ns of Object.keys(messages)) {
    if (BY_VALUE.has(ns)) continue;
    if (!namespaceUsed(ns)) {
      out.push(`${ns} (whole namespace)`);
      continue;
    }
    for (const key of leaves(messages[ns], ns)) {
      const parts = key.split(".");
      const last = parts[parts.length - 1];
      const parents = parts.slice(1, -1);
      if (tokens.has(last) || parents.some((p) => dynamicParents.has(p)) || dynamicParents.has(parts.slice(0, -1).join("."))) continue;
      out.push(key);
    }
  }
  return out;
}

if (process.argv[1] === import.meta.filename) for (const key of unusedMessageKeys()) console.log(key);
