// Every CSV export route and the permission of the data it exports (the list or page it comes from),
// written out by hand: the truth the role-matrix tests (Vitest and the Playwright api project) hold
// the routes to. Routes are also discovered on disk, so a new export that is not declared here fails
// those tests until someone says whose data it exports (issue 14 #5).
import fs from "node:fs";
import path from "node:path";
import { can, type Permission, type Role } from "../../lib/auth/permissions";

export type ExportCase = {
  /** The route's folder under app/api, as on disk ("analytics/revenue/[table]/export.csv"). */
  route: string;
  /** The permission of the list or page this export comes from. */
  data: Permission;
  /** Further permissions this particular request needs (keys in clear). */
  also?: Permission[];
  /** A request that answers 200 to a role allowed to make it, on an empty store as on the demo one. */
  sample: string;
};

export const EXPORT_CASES: readonly ExportCase[] = [
  { route: "affiliates/export.csv", data: "affiliates:read", sample: "/api/affiliates/export.csv" },
  { route: "affiliates/invitations/export.csv", data: "affiliates:read", sample: "/api/affiliates/invitations/export.csv" },
  { route: "analytics/revenue/[table]/export.csv", data: "analytics:read", sample: "/api/analytics/revenue/product/export.csv?currency=XOF" },
  { route: "audit/export.csv", data: "audit:read", sample: "/api/audit/export.csv" },
  { route: "downloads/export.csv", data: "fulfilment:read", sample: "/api/downloads/export.csv?list=unusual" },
  { route: "licences/export.csv", data: "fulfilment:read", sample: "/api/licences/export.csv" },
  { route: "licences/export.csv", data: "fulfilment:read", also: ["licences:keys"], sample: "/api/licences/export.csv?keys=clear" },
  { route: "orders/export.csv", data: "fulfilment:read", sample: "/api/orders/export.csv" },
  { route: "notifications/send-log/export.csv", data: "settings:read", sample: "/api/notifications/send-log/export.csv" },
  { route: "payments/export.csv", data: "analytics:read", sample: "/api/payments/export.csv" },
  { route: "payment-cases/export.csv", data: "cases:read", sample: "/api/payment-cases/export.csv" },
  { route: "pulses/log/export.csv", data: "settings:read", sample: "/api/pulses/log/export.csv" },
  { route: "recovery/export.csv", data: "recovery:read", sample: "/api/recovery/export.csv?ids=sal_none" },
  { route: "sales/export.csv", data: "sales:read", sample: "/api/sales/export.csv" },
  { route: "settlements/export.csv", data: "settlements:read", sample: "/api/settlements/export.csv?currency=XOF&day=2026-01-15" },
  { route: "settlements/timeline/export.csv", data: "settlements:read", sample: "/api/settlements/timeline/export.csv" },
  { route: "team/members/export.csv", data: "team:read", sample: "/api/team/members/export.csv" },
];

/** The role may make this request: it reads the data, may export, and holds whatever else it needs. */
export function exportAllowed(role: Role, c: ExportCase): boolean {
  return [c.data, "export:csv" as const, ...(c.also ?? [])].every((p) => can(role, p));
}

/** Every route folder under app/api whose name ends in `.csv` (and that has a route.ts), sorted. */
export function discoverCsvRoutes(root = path.join(process.cwd(), "app", "api")): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const full = path.join(dir, entry.name);
      if (entry.name.endsWith(".csv") && fs.existsSync(path.join(full, "route.ts"))) found.push(path.relative(root, full).split(path.sep).join("/"));
      walk(full);
    }
  };
  walk(root);
  return found.sort();
}

/** The dynamic segments of `route` filled from `sample`'s path ("[table]" → "products"). */
export function paramsOf(route: string, sample: string): Record<string, string> {
  const pattern = route.split("/");
  const actual = new URL(sample, "http://x").pathname.replace(/^\/api\//, "").split("/");
  const params: Record<string, string> = {};
  pattern.forEach((segment, i) => {
    const name = /^\[(.+)\]$/.exec(segment)?.[1];
    if (name) params[name] = decodeURIComponent(actual[i] ?? "");
  });
  return params;
}
