// Links into Chariow's own merchant dashboard ("open in Chariow"). chariow-api.md documents the API, not
// the dashboard's routes: the base is configurable (CHARIOW_DASHBOARD_URL) for when Chariow moves it.
const DEFAULT_DASHBOARD_URL = "https://app.chariow.com";

export function chariowSaleUrl(saleId: string, base: string = process.env.CHARIOW_DASHBOARD_URL || DEFAULT_DASHBOARD_URL): string {
  return `${base.replace(/\/+$/, "")}/sales/${encodeURIComponent(saleId)}`;
}
