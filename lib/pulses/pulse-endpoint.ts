// What the Settings page says about Pulses: the URL to paste into Chariow and which Pulse ids have a
// signing secret configured — the ids only, never a secret.
import "server-only";
import { ANY_PULSE, getEnv } from "@/lib/env";

export type PulseEndpointInfo = {
  url: string;
  /** "all": one secret for every Pulse; otherwise the configured Pulse ids (empty: none). */
  secretsFor: "all" | string[];
};

export function getPulseEndpointInfo(): PulseEndpointInfo {
  const env = getEnv();
  const ids = Object.keys(env.CHARIOW_PULSE_SECRETS);
  return {
    url: `${env.APP_URL}/api/pulses`,
    secretsFor: ids.includes(ANY_PULSE) ? "all" : ids.sort(),
  };
}
