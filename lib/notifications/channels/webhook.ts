// The signed outgoing webhook (issue 19, docs/notifications.md "Webhook"): each alert and digest POSTed
// as JSON to the store's URL, so a merchant can forward it to a WhatsApp or Telegram bot, Make or Zapier.
// Signature: `X-Dashboard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the
// store's webhook secret — the timestamp in the signed text lets a receiver refuse replays.
import "server-only";
import { createHmac } from "node:crypto";

export const SIGNATURE_HEADER = "X-Dashboard-Signature";
export const EVENT_HEADER = "X-Dashboard-Event";
export const DELIVERY_HEADER = "X-Dashboard-Delivery";
const TIMEOUT_MS = 10_000;

/** The header value for `body` signed at `timestamp` (seconds). */
export function signWebhook(body: string, secret: string, timestamp: number): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

export class WebhookError extends Error {}

/** POSTs one event; throws WebhookError (retried by the outbox) unless the receiver answers 2xx. */
export async function postWebhook(
  { url, secret, body, event, deliveryId, now = new Date() }: { url: string; secret: string; body: string; event: string; deliveryId: string; now?: Date },
  fetchImpl: typeof fetch = fetch,
): Promise<number> {
  const signature = signWebhook(body, secret, Math.floor(now.getTime() / 1000));
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "chariow-dashboard", [SIGNATURE_HEADER]: signature, [EVENT_HEADER]: event, [DELIVERY_HEADER]: deliveryId },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new WebhookError(`could not reach the webhook: ${error instanceof Error ? error.message : String(error)}`);
  }
  await response.body?.cancel();
  if (response.status < 200 || response.status >= 300) throw new WebhookError(`the webhook answered ${response.status}`);
  return response.status;
}
