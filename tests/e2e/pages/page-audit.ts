// What "built for the phone" means, checked the same way on every page (issue 15): no horizontal page
// overflow, no serious or critical axe-core violation, no touch target under 44 px (phones), no label's
// text drawn over its value's in a list of facts (a <dt> over the <dd> it names), and no raw
// code in the French page text — a snake_case value of any enum the app knows (the snake_case keys of the
// French catalogue, where every code has its words: the Codes namespace and the older per-page ones) or a
// locale code such as fr_BJ.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { REPO_ROOT } from "../support/e2e-env";

const axeSource = readFileSync(path.join(REPO_ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

/** Every snake_case code the app knows: the snake_case keys of the French catalogue, at any depth. */
export function knownSnakeCodes(): Set<string> {
  const dir = path.join(REPO_ROOT, "messages/fr");
  const files = [path.join(REPO_ROOT, "messages/fr.json"), ...readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => path.join(dir, f))];
  const out = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (/^[a-z0-9]+(_[a-z0-9]+)+$/.test(key)) out.add(key);
      walk(value);
    }
  };
  for (const file of files) walk(JSON.parse(readFileSync(file, "utf8")));
  return out;
}

export type PageProblems = { overflow: number; axe: string[]; smallTargets: string[]; overlaps: string[]; rawCodes: string[] };

export async function auditPage(page: Page, options: { touch: boolean; codes: Set<string> }): Promise<PageProblems> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const smallTargets = options.touch
    ? await page.evaluate(() => {
        const visible = (el: Element) => {
          const r = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          // Visually hidden (sr-only, the skip link until focused) is not a touch target, nor is the content
          // of a closed <details> (Chromium lays it out under content-visibility: hidden, at a squeezed width).
          if (!el.checkVisibility()) return false;
          return r.width > 1 && r.height > 1 && style.visibility !== "hidden" && style.display !== "none" && !(style.position === "absolute" && style.clip === "rect(0px, 0px, 0px, 0px)");
        };
        return [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]")]
          .filter(visible)
          .filter((el) => {
            // A checkbox or radio is operated through its label: the label is the target.
            const target = el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio") && el.closest("label") ? el.closest("label")! : el;
            const r = target.getBoundingClientRect();
            return r.width < 43.5 || r.height < 43.5;
          })
          .map((el) => {
            const r = el.getBoundingClientRect();
            const id = el.getAttribute("data-testid");
            return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ""} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`;
          });
      })
    : [];
  // The text itself, not the boxes: a grid cell squeezed to nothing keeps its text, drawn over the next cell.
  const overlaps = await page.evaluate(() => {
    const textRects = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
    };
    const out: string[] = [];
    for (const dt of document.querySelectorAll("dt")) {
      let dd = dt.nextElementSibling;
      while (dd && dd.tagName !== "DD") dd = dd.tagName === "DT" ? null : dd.nextElementSibling;
      if (!dd || !dt.checkVisibility() || !dd.checkVisibility()) continue;
      const values = textRects(dd);
      const hit = textRects(dt).some((a) => values.some((b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1));
      if (hit) out.push(`"${(dt.textContent ?? "").trim().slice(0, 30)}" over "${(dd.textContent ?? "").trim().slice(0, 30)}"`);
    }
    return out;
  });
  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
  const text = await page.evaluate(() => document.body.innerText);
  const rawCodes = [...new Set([...text.matchAll(/\b[a-z0-9]+(?:_[a-z0-9]+)+\b|\b[a-z]{2}_[A-Z]{2}\b/g)].map((m) => m[0]))].filter((word) => options.codes.has(word) || /^[a-z]{2}_[A-Z]{2}$/.test(word));
  return { overflow, axe, smallTargets, overlaps, rawCodes };
}
