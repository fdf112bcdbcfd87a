// Ground truth straight from the simulator the server runs against (its host from /api/settings, the
// key the suite gave it), so tests compare what the app shows with what the "Chariow" side says.
import { expect } from "@playwright/test";
import { apiAs } from "./api-session";
import { E2E } from "./e2e-env";

export async function simulatorStoreName(): Promise<string> {
  const owner = await apiAs("owner");
  const { connection } = (await (await owner.get("/api/settings")).json()) as { connection: { apiHost: string } };
  await owner.dispose();
  const res = await fetch(`http://${connection.apiHost}/v1/store`, { headers: { Authorization: `Bearer ${E2E.apiKey}` } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data?: { name?: string }; name?: string };
  const name = body.data?.name ?? body.name;
  expect(name).toBeTruthy();
  return name!;
}
