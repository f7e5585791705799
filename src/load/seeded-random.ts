/**
 * Seeded pseudo-random numbers for reproducible runs (schedules, flow choice, user choice).
 * mulberry32: 32-bit state, fast, good enough for load generation (not for secrets).
 */

/** A random source in [0, 1). */
export type RandomSource = () => number;

/** Creates a seeded random source in [0, 1); the same seed gives the same sequence. */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent stream seed from a run seed and a stream name (FNV-1a of the name mixed with the seed). */
export function deriveSeed(seed: number, stream: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < stream.length; i++) {
    h ^= stream.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A random 32-bit seed for runs that name none (recorded in the result so the run can be repeated). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}
