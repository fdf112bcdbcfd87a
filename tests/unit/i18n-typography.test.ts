// French messages follow French typography (docs/glossary.md): a narrow no-break space before : ; ! ? and
// %, and inside « guillemets ». The rule is scripts/french-typography.mjs; this checks the catalogues are
// already set by it (after a merge brings new French text: `node scripts/french-typography.mjs`).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script; TypeScript has no declaration for it
import { frenchCatalogueFiles, frenchTypography } from "../../scripts/french-typography.mjs";

const fix = frenchTypography as (text: string) => string;
const N = "\u202F";

function strings(value: unknown, prefix = ""): Array<[string, string]> {
  if (typeof value === "string") return [[prefix, value]];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

describe("French typography", () => {
  it("sets a narrow no-break space before : ; ! ? % and inside guillemets", () => {
    expect(fix("Total : 3")).toBe(`Total${N}: 3`);
    expect(fix("Action impossible: {message}")).toBe(`Action impossible${N}: {message}`);
    expect(fix("Retirer {email} de l'équipe ?")).toBe(`Retirer {email} de l'équipe${N}?`);
    expect(fix("Vraiment ?!")).toBe(`Vraiment${N}?!`);
    expect(fix("vérifié {when} ; vérifié à nouveau")).toBe(`vérifié {when}${N}; vérifié à nouveau`);
    expect(fix("Historique {percent} %")).toBe(`Historique {percent}${N}%`);
    expect(fix("{count, plural, one {« {fields} » : retiré.} other {x}}")).toBe(`{count, plural, one {«${N}{fields}${N}»${N}: retiré.} other {x}}`);
    expect(fix("Copiez le lien à la main :")).toBe(`Copiez le lien à la main${N}:`);
  });

  it("leaves addresses, times and ICU skeletons alone, and is idempotent", () => {
    for (const text of ["https://example.com/a?b=1", "à 12:30", "{at, date, ::yyyyMMdd}", "mailto:x@example.com"]) expect(fix(text)).toBe(text);
    const once = fix("Note : « a » ; b ? 5 %");
    expect(fix(once)).toBe(once);
  });

  it("is already applied to every French message (messages/fr.json and messages/fr/*.json)", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const unset = (frenchCatalogueFiles(root) as string[]).flatMap((file) =>
      strings(JSON.parse(readFileSync(file, "utf8")))
        .filter(([, text]) => fix(text) !== text)
        .map(([key]) => `${path.basename(file)} ${key}`),
    );
    expect(unset).toEqual([]);
  });
});
