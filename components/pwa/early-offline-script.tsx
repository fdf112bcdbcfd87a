// The inline script of lib/pwa/early-script.ts, with this request's CSP nonce (proxy.ts mints it).
import { headers } from "next/headers";
import { earlyOfflineScript } from "@/lib/pwa/early-script";

export async function EarlyOfflineScript() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: earlyOfflineScript() }} />;
}
