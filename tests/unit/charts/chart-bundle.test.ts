// Recharts stays out of every page's first-load JavaScript (issue 15: charts load after the content):
// only the three chart modules import it, and those are reached only through next/dynamic in
// components/charts/lazy-charts.tsx (a dynamic import() becomes a chunk fetched after hydration) or as
// types. A static import anywhere else would put Recharts in that page's first load.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "../../..");
const CHART_MODULES = ["revenue-chart", "breakdown-chart", "customer-split-chart", "rate-chart"];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** Static, value-importing `import … from "x"` / `export … from "x"` specifiers of a file (type-only ones left out). */
function staticImports(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+["']([^"']+)["']/gms)].map((m) => m[1]!);
}

describe("Recharts only behind next/dynamic", () => {
  const files = ["app", "components", "lib"].flatMap(sources);

  it("only the chart modules import recharts", () => {
    const importers = files.filter((f) => staticImports(readFileSync(join(ROOT, f), "utf8")).includes("recharts")).map((f) => relative(ROOT, join(ROOT, f)));
    expect(importers.sort()).toEqual(CHART_MODULES.map((m) => `components/charts/${m}.tsx`).sort());
  });

  it("no module imports a chart module statically; lazy-charts loads each with import()", () => {
    for (const file of files) {
      const imports = staticImports(readFileSync(join(ROOT, file), "utf8"));
      for (const m of CHART_MODULES) expect(imports.some((i) => i.endsWith(`/${m}`) || i === `./${m}`), `${file} imports ${m}`).toBe(false);
    }
    const lazy = readFileSync(join(ROOT, "components/charts/lazy-charts.tsx"), "utf8");
    for (const m of CHART_MODULES) expect(lazy).toContain(`import("./${m}")`);
  });

  it("the test sees a static import when there is one", () => {
    expect(staticImports('import { LineChart } from "recharts";\nimport type { X } from "./revenue-chart";')).toEqual(["recharts"]);
    expect(staticImports('import {\n  Bar,\n  BarChart,\n} from "recharts";')).toEqual(["recharts"]);
  });
});
