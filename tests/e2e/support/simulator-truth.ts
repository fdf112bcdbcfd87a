// Ground truth straight from the simulator the server runs against — its own catalogue, not an API call:
// the demo sync spends the key's whole rate-limit budget while it backfills, so a test reading /v1 would
// be refused (429) and would eat the app's budget.
import { STORE } from "../../../simulator/catalog";

export async function simulatorStoreName(): Promise<string> {
  return STORE.name;
}
