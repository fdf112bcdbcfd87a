// Driving the demo simulator the server runs against through its control API (/__sim/*): npm start
// wrote its origin and token to E2E.controlFile (DEMO_CONTROL_FILE), readable only by this user.
import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";
import { E2E } from "./e2e-env";

type Control = { origin: string; controlToken: string };

function control(): Control {
  return JSON.parse(readFileSync(E2E.controlFile, "utf8")) as Control;
}

export async function simControl<T = unknown>(method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<T> {
  const { origin, controlToken } = control();
  const res = await fetch(`${origin}/__sim${path}`, {
    method,
    headers: { "x-sim-token": controlToken, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} /__sim${path}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** A new checkout, then paid: the simulator sends `successful.sale` (signed) to the app's /api/pulses. */
export async function createPaidSale(): Promise<{ id: string }> {
  const { sale } = await simControl<{ sale: { id: string } }>("POST", "/checkouts", {});
  await simControl("POST", `/sales/${sale.id}/complete`);
  return { id: sale.id };
}
