// A small seeded PRNG (mulberry32) for tests that build random data: the same sequence on every run and
// engine, so a failure replays exactly from its seed.
export type Rng = { next: () => number; pick: <T>(xs: readonly T[]) => T; maybe: (p: number) => boolean };

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!, maybe: (p: number) => next() < p };
}
