// Fault injection for /v1: decides per request whether to misbehave (5xx, HTML page, hang, dropped
// socket, 429 storm, delay) and rewrites JSON bodies for schema drift. Deterministic per profile seed.
import { mulberry32, type Rng } from "./prng";
import type { Json } from "./serialize-sale";
import type { FaultProfile } from "./types";

export type FaultKind = "none" | "storm" | "drop" | "timeout" | "html" | "error";

export interface FaultDecision {
  kind: FaultKind;
  delayMs: number;
  status?: number;
}

export class FaultInjector {
  private profile: FaultProfile = {};
  private rng: Rng = mulberry32(1);
  private stormLeft = 0;

  constructor(profile?: FaultProfile) {
    this.set(profile ?? {});
  }

  set(profile: FaultProfile): void {
    this.profile = { ...profile };
    this.rng = mulberry32(profile.seed ?? 1);
    this.stormLeft = profile.storm429 ?? 0;
  }

  get(): FaultProfile {
    return { ...this.profile, storm429: this.stormLeft };
  }

  get stormRetryAfter(): number {
    return this.profile.stormRetryAfter ?? 1;
  }

  decide(): FaultDecision {
    const p = this.profile;
    const slow = p.slowMs && p.slowMs > 0 && this.roll(p.slowRate ?? 1) ? p.slowMs : 0;
    if (this.stormLeft > 0) {
      this.stormLeft--;
      return { kind: "storm", delayMs: slow };
    }
    if (this.roll(p.dropRate)) return { kind: "drop", delayMs: slow };
    if (this.roll(p.timeoutRate)) return { kind: "timeout", delayMs: 0 };
    if (this.roll(p.htmlRate)) return { kind: "html", delayMs: slow, status: this.rng() < 0.5 ? 502 : 500 };
    if (this.roll(p.errorRate)) return { kind: "error", delayMs: slow, status: this.rng() < 0.5 ? 500 : 503 };
    return { kind: "none", delayMs: slow };
  }

  private roll(rate: number | undefined): boolean {
    if (!rate || rate <= 0) return false;
    return rate >= 1 || this.rng() < rate;
  }

  get driftOn(): { extra: boolean; drop: boolean } {
    const d = this.profile.drift;
    if (!d) return { extra: false, drop: false };
    if (d === true) return { extra: true, drop: true };
    return { extra: d.extraFields ?? false, drop: d.dropOptional ?? false };
  }

  /** Schema drift: unknown fields appear on objects with an id, optional fields disappear. */
  drift(body: Json): Json {
    const { extra, drop } = this.driftOn;
    if (!extra && !drop) return body;
    return driftValue(body, extra, drop);
  }
}

// Fields the reference says a client must survive without (chariow-api.md §5: "missing fields as unknown").
const OPTIONAL_FIELDS = ["created_at", "completed_at", "rate", "campaign", "invoice_download_url", "context", "download", "custom_fields_values", "short", "per_page", "updated_at"];

function driftValue(v: Json, extra: boolean, drop: boolean): Json {
  if (Array.isArray(v)) return v.map((x) => driftValue(x, extra, drop));
  if (v === null || typeof v !== "object") return v;
  const out: { [k: string]: Json } = {};
  for (const [k, x] of Object.entries(v)) {
    if (drop && OPTIONAL_FIELDS.includes(k)) continue;
    out[k] = driftValue(x, extra, drop);
  }
  if (extra && ("id" in v || "currency" in v)) {
    out.x_sim_new_field = "drift";
    if ("currency" in v && "value" in v) out.raw = (v as { value: Json }).value; // real payloads add `raw` (§4)
    out.meta = { introduced_in: "2026-01", flags: ["beta"] };
  }
  return out;
}

/** Parses the CLI form: "5xx=0.1,html=0.05,slow=200,slowrate=0.5,timeout=0.02,drop=0.02,storm=5,drift,seed=7". */
export function parseFaults(spec: string): FaultProfile {
  const f: FaultProfile = {};
  for (const part of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [k, raw] = part.split("=");
    const n = raw === undefined ? NaN : Number(raw);
    const need = () => {
      if (!Number.isFinite(n) || n < 0) throw new Error(`fault "${k}" needs a non-negative number`);
      return n;
    };
    switch (k.toLowerCase()) {
      case "5xx": case "error": f.errorRate = need(); break;
      case "html": f.htmlRate = need(); break;
      case "slow": f.slowMs = need(); break;
      case "slowrate": f.slowRate = need(); break;
      case "timeout": case "hang": f.timeoutRate = need(); break;
      case "drop": f.dropRate = need(); break;
      case "storm": case "429": f.storm429 = Math.floor(need()); break;
      case "storm-retry-after": f.stormRetryAfter = Math.floor(need()); break;
      case "drift": f.drift = raw === "extra" ? { extraFields: true } : raw === "drop" ? { dropOptional: true } : true; break;
      case "seed": f.seed = Math.floor(need()); break;
      default: throw new Error(`unknown fault "${k}"`);
    }
  }
  return f;
}
