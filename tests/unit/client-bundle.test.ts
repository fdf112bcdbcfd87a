// What the browser downloads first (issue 15: first-load JavaScript ≤ 180 KB compressed): every module a
// "use client" file reaches through static value imports ships in that page's first load. zod (~30 KB
// gzip) must not be among them — the server page parses the URL and hands the island what it parsed;
// islands use the zod-free modules beside the schemas (lib/sales/view-query.ts, lib/analytics/date-range.ts,
// lib/chariow/enum-values.ts…; docs/architecture.md "The page pattern") — nor may Recharts: the chart
// modules are loaded through next/dynamic only (tests/unit/charts/chart-bundle.test.ts), so each is the
// root of a later chunk, and reaching one statically counts.
// The walk follows what a bundler follows: `import … from`, `import "x"` and `export … from`, but not
// `import type` / `export type` (or imports whose every name is `type`), which TypeScript erases, nor
// `import()`, which becomes a chunk fetched later. An import written without `type` whose names are only
// used as types is erased by the compiler too, but counted here: write it `import type`.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "../..");
const CHART_MODULES = ["revenue-chart", "breakdown-chart", "customer-split-chart", "rate-chart"].map((m) => `components/charts/${m}.tsx`);
// The table of every code (lib/format/codes.ts, ~1.5 KB gzip with every audit action) stays on the
// server too: client components read a code's words through components/ui/use-code-label.ts.
const FORBIDDEN = ["zod", "recharts", "@/lib/format/codes"];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The specifiers a file imports as values, and whether it opens with the "use client" directive. */
function parseModule(text: string, fileName = "module.tsx"): { useClient: boolean; imports: string[] } {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith(".ts") ? ts.ScriptKind.TS : ts.ScriptKind.TSX);
  let useClient = false;
  for (const statement of file.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    if (statement.expression.text === "use client") useClient = true;
  }
  const imports: string[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypeNames =
        clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypeNames) imports.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      if (statement.isTypeOnly) continue;
      const named = statement.exportClause;
      const onlyTypeNames = named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypeNames) imports.push(statement.moduleSpecifier.text);
    }
  }
  return { useClient, imports };
}

/** The repository file a specifier names, or null for a package (or a file the walk need not read). */
function resolveOnDisk(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = join(dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(join(ROOT, candidate))) return relative(ROOT, join(ROOT, candidate));
  }
  if (/\.(json|css)$/.test(base)) return null;
  throw new Error(`${from}: cannot resolve "${specifier}"`);
}

function isPackage(specifier: string, pkg: string): boolean {
  return specifier === pkg || specifier.startsWith(`${pkg}/`);
}

/**
 * Every module that imports `pkg` and that some client root reaches, each with the shortest chain of
 * static imports from a root that leads to it.
 */
function forbiddenChains(files: string[], read: (file: string) => string, resolve: (from: string, specifier: string) => string | null, pkg: string): string[][] {
  const parsed = new Map<string, ReturnType<typeof parseModule>>();
  const parse = (file: string) => {
    if (!parsed.has(file)) parsed.set(file, parseModule(read(file), file));
    return parsed.get(file)!;
  };
  const chains = new Map<string, string[]>();
  // A chart module is the root of its own lazy chunk, not of a first load.
  const roots = files.filter((f) => parse(f).useClient && !CHART_MODULES.includes(f));
  for (const root of roots) {
    const cameFrom = new Map<string, string | null>([[root, null]]);
    const queue = [root];
    while (queue.length > 0) {
      const file = queue.shift()!;
      const { imports } = parse(file);
      if (imports.some((s) => isPackage(s, pkg))) {
        const chain = [file];
        for (let at = cameFrom.get(file); at; at = cameFrom.get(at)) chain.unshift(at);
        const known = chains.get(file);
        if (!known || chain.length < known.length) chains.set(file, chain);
      }
      for (const specifier of imports) {
        const next = resolve(file, specifier);
        if (next && !cameFrom.has(next)) {
          cameFrom.set(next, file);
          queue.push(next);
        }
      }
    }
  }
  return [...chains.values()].sort((a, b) => a.at(-1)!.localeCompare(b.at(-1)!));
}

describe("client islands import neither zod, Recharts nor the table of codes", () => {
  const files = ["app", "components", "lib"].flatMap(sources);
  const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

  for (const pkg of FORBIDDEN) {
    it(`no "use client" module reaches ${pkg} through static value imports`, () => {
      const chains = forbiddenChains(files, read, resolveOnDisk, pkg).map((chain) => chain.join(" → "));
      expect(chains).toEqual([]);
    });
  }

  it("the walker sees value imports and skips erased ones", () => {
    const text = [
      '// why',
      '"use client";',
      'import { a } from "./a";',
      'import "./side-effect";',
      'import type { B } from "./b";',
      'import { type C, type D } from "./c";',
      'import { type E, f } from "./e";',
      'export { g } from "./g";',
      'export type { H } from "./h";',
      'export * from "./star";',
      'const lazy = import("./lazy");',
    ].join("\n");
    expect(parseModule(text)).toEqual({ useClient: true, imports: ["./a", "./side-effect", "./e", "./g", "./star"] });
    expect(parseModule('import "server-only";\nimport { z } from "zod";').useClient).toBe(false);
  });

  it("the walker names the shortest chain from an island to a module importing the package, through re-exports but not type imports", () => {
    const world: Record<string, string> = {
      "components/x/island.tsx": '"use client";\nimport { helper } from "@/lib/x/helper";\nimport type { T } from "@/lib/x/typed";',
      "lib/x/helper.ts": 'export { schema } from "./schemas";',
      "lib/x/schemas.ts": 'import { z } from "zod";\nexport const schema = z.string();',
      "lib/x/typed.ts": 'import { z } from "zod";\nexport type T = string;',
      "components/x/server.tsx": 'import { schema } from "@/lib/x/schemas";',
    };
    const resolve = (from: string, specifier: string) => {
      const base = specifier.startsWith("@/") ? specifier.slice(2) : join(dirname(from), specifier);
      return [`${base}.ts`, `${base}.tsx`].find((candidate) => candidate in world) ?? null;
    };
    const chains = forbiddenChains(Object.keys(world), (file) => world[file]!, resolve, "zod");
    expect(chains).toEqual([["components/x/island.tsx", "lib/x/helper.ts", "lib/x/schemas.ts"]]);
    // A chart module is a lazy chunk's root, not a first load's; an island importing it statically is caught.
    world["components/charts/revenue-chart.tsx"] = '"use client";\nimport { LineChart } from "recharts";';
    expect(forbiddenChains(Object.keys(world), (file) => world[file]!, resolve, "recharts")).toEqual([]);
    world["components/x/island.tsx"] += '\nimport { RevenueChart } from "@/components/charts/revenue-chart";';
    expect(forbiddenChains(Object.keys(world), (file) => world[file]!, resolve, "recharts")).toEqual([["components/x/island.tsx", "components/charts/revenue-chart.tsx"]]);
  });
});

