// Seeded randomness and reversible id scrambling: every sale, customer and licence is derived from
// (seed, index) alone, so a store of a million sales never has to be held in memory as objects.

/** 32-bit integer hash of any number of integers (murmur3-style finaliser chained). */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193) >>> 0;
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d) >>> 0;
    h ^= h >>> 12;
    h = Math.imul(h, 0x297a2d39) >>> 0;
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export type Rng = () => number;

/** mulberry32: small, fast, good enough for synthetic data. Returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rngFor(...parts: number[]): Rng {
  return mulberry32(hash32(...parts));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Picks an index according to weights (need not sum to 1). */
export function weighted(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

function modInverse32(a: number): number {
  // Newton iteration for the inverse of an odd number modulo 2^32.
  let inv = a >>> 0;
  for (let i = 0; i < 5; i++) inv = Math.imul(inv, (2 - Math.imul(a, inv)) >>> 0) >>> 0;
  return inv >>> 0;
}

/** A bijection on 32-bit integers keyed by `key`: ids look opaque but decode back to an index. */
export class Scrambler {
  private readonly k1: number;
  private readonly k2: number;
  private readonly mul: number;
  private readonly inv: number;

  constructor(key: number) {
    this.k1 = hash32(key, 1);
    this.k2 = hash32(key, 2);
    this.mul = (hash32(key, 3) | 1) >>> 0;
    this.inv = modInverse32(this.mul);
  }

  encode(x: number): number {
    let y = (x ^ this.k1) >>> 0;
    y = Math.imul(y, this.mul) >>> 0;
    y = (y ^ (y >>> 15)) >>> 0;
    return (y ^ this.k2) >>> 0;
  }

  decode(y: number): number {
    let x = (y ^ this.k2) >>> 0;
    x = (x ^ (x >>> 15) ^ (x >>> 30)) >>> 0;
    x = Math.imul(x, this.inv) >>> 0;
    return (x ^ this.k1) >>> 0;
  }
}

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** Opaque public id: prefix + 7 base36 chars of the scrambled index + 3 check chars. */
export function makeId(prefix: string, scr: Scrambler, index: number, checkKey: number): string {
  const v = scr.encode(index);
  const body = v.toString(36).padStart(7, "0");
  const c = hash32(checkKey, v);
  let check = "";
  for (let i = 0; i < 3; i++) check += ALPHABET[(c >>> (i * 6)) % 36];
  return prefix + body + check;
}

/** Inverse of makeId; null when the id is not one we could have issued. */
export function parseId(prefix: string, scr: Scrambler, id: string, checkKey: number): number | null {
  const s = id.toLowerCase();
  if (!s.startsWith(prefix) || s.length !== prefix.length + 10) return null;
  const body = s.slice(prefix.length, prefix.length + 7);
  if (!/^[0-9a-z]{7}$/.test(body)) return null;
  const v = parseInt(body, 36);
  if (!Number.isFinite(v) || v > 0xffffffff) return null;
  const index = scr.decode(v);
  return makeId(prefix, scr, index, checkKey) === s ? index : null;
}
