// A page's URL parsed with the same schema as its API route, but forgiving: an offending filter is
// cleared (and named, so the page can say so) instead of failing the page (issue 14 #6: a bad link renders
// with a readable message, never a 500). Run by pages, which hand a client island what they parsed
// (docs/architecture.md "The page pattern": islands never import zod).
import type { z } from "zod";

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export type PageQuery<T> = {
  value: T;
  /** URL keys whose values were not valid and were dropped, in the order found. */
  cleared: string[];
};

/** The last value of each key (`?a=1&a=2` → "2"), as URLSearchParams → object does in the browser. */
export function lastValues(query: SearchParamsRecord): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[v.length - 1] : v]));
}

/**
 * `schema` over the query, dropping each key an issue names until it parses. `together` lists keys that
 * only make sense as a group (a custom range's `range`, `from`, `to`): one bad, all cleared. When an issue
 * names no key left to drop, the schema's defaults alone are used (every key then counts as cleared).
 */
export function parsePageQuery<S extends z.ZodType>(schema: S, query: SearchParamsRecord, options: { together?: readonly (readonly string[])[] } = {}): PageQuery<z.output<S>> {
  const current: Record<string, string | undefined> = lastValues(query);
  const cleared: string[] = [];
  // No filter means a NUL character, and PostgreSQL text cannot hold one (the API refuses it too).
  for (const [key, value] of Object.entries(current)) {
    if (value?.includes("\u0000")) {
      delete current[key];
      cleared.push(key);
    }
  }
  for (;;) {
    const parsed = schema.safeParse(current);
    if (parsed.success) return { value: parsed.data, cleared };
    const offending = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (typeof key === "string" && current[key] !== undefined) offending.add(key);
    }
    for (const group of options.together ?? []) {
      if (group.some((key) => offending.has(key))) for (const key of group) if (current[key] !== undefined) offending.add(key);
    }
    if (offending.size === 0) break;
    for (const key of offending) {
      delete current[key];
      cleared.push(key);
    }
  }
  const rest = Object.keys(current).filter((key) => current[key] !== undefined);
  return { value: schema.parse({}), cleared: [...cleared, ...rest] };
}
