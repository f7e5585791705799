import { z } from 'zod';

/**
 * Latency distributions, in milliseconds. Sampling takes an injected uniform random source in [0, 1) so that runs
 * and tests are reproducible with a seed.
 */
export type LatencyDistribution =
  | { readonly kind: 'fixed'; readonly ms: number }
  | { readonly kind: 'uniform'; readonly minMs: number; readonly maxMs: number }
  /** Log-normal given by its median and 99th percentile (p99Ms >= medianMs > 0). */
  | { readonly kind: 'lognormal'; readonly medianMs: number; readonly p99Ms: number };

/** Standard normal quantile at 0.99 (z such that Phi(z) = 0.99). */
export const Z_99 = 2.3263478740408408;

/** The zero distribution. */
export const NO_LATENCY: LatencyDistribution = { kind: 'fixed', ms: 0 };

/** Schema of a distribution in profile files (strict, all values in ms). */
export const latencyDistributionSchema = z.union(
  [
    z.strictObject({ kind: z.literal('fixed'), ms: z.number().nonnegative() }),
    z
      .strictObject({ kind: z.literal('uniform'), minMs: z.number().nonnegative(), maxMs: z.number().nonnegative() })
      .refine((d) => d.maxMs >= d.minMs, { error: 'expected maxMs >= minMs', path: ['maxMs'] }),
    z
      .strictObject({ kind: z.literal('lognormal'), medianMs: z.number().positive(), p99Ms: z.number().positive() })
      .refine((d) => d.p99Ms >= d.medianMs, { error: 'expected p99Ms >= medianMs', path: ['p99Ms'] }),
  ],
  { error: 'expected {kind: fixed, ms} | {kind: uniform, minMs, maxMs} | {kind: lognormal, medianMs, p99Ms}' },
);

/** A standard normal variate by Box-Muller (one of the pair), from two uniforms. */
function standardNormal(random: () => number): number {
  let u1 = random();
  while (u1 <= Number.MIN_VALUE) u1 = random();
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Log-normal parameters: mu = ln(median), sigma = ln(p99 / median) / z99. */
export function lognormalParams(medianMs: number, p99Ms: number): { mu: number; sigma: number } {
  return { mu: Math.log(medianMs), sigma: Math.log(p99Ms / medianMs) / Z_99 };
}

/** One latency sample, ms (>= 0). */
export function sampleLatencyMs(d: LatencyDistribution, random: () => number): number {
  switch (d.kind) {
    case 'fixed':
      return d.ms;
    case 'uniform':
      return d.minMs + (d.maxMs - d.minMs) * random();
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.medianMs, d.p99Ms);
      return Math.exp(mu + sigma * standardNormal(random));
    }
  }
}

/** Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - pl) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** The exact `q`-quantile of a distribution, ms (0 < q < 1). */
export function latencyQuantileMs(d: LatencyDistribution, q: number): number {
  switch (d.kind) {
    case 'fixed':
      return d.ms;
    case 'uniform':
      return d.minMs + (d.maxMs - d.minMs) * q;
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.medianMs, d.p99Ms);
      return Math.exp(mu + sigma * normalQuantile(q));
    }
  }
}
