import type { PhaseConfig, Spacing } from '../config/scenario.js';
import { deriveSeed, seededRandom } from './seeded-random.js';

/**
 * The arrival schedule (pure): when each flow start is due and which flow it is.
 *
 * The rate r(t) is piecewise linear (constant, ramp, spike and pause phases become linear segments). Its integral
 * Λ(t) = ∫₀ᵗ r is the expected number of arrivals by time t. Arrival offsets come from Λ's inverse, computed exactly
 * per segment, always from the run start (never from the previous arrival), so no error accumulates:
 * - uniform spacing: arrival n (0-based) is due at the t with Λ(t) = n (constant 10/s: 0, 100 ms, 200 ms, ...);
 * - Poisson spacing: arrival k is due at Λ⁻¹(E₁ + … + E_k) with Eᵢ ~ Exp(1) (seeded): a non-homogeneous Poisson
 *   process of rate r(t), by time change of a unit-rate one.
 * Within a segment with rate a + b·τ, Λ_seg(τ) = a·τ + b·τ²/2 = m gives τ = 2m / (a + √(a² + 2bm)), which is
 * stable for b = 0 and b < 0 alike.
 */

/** One linear piece of the rate, placed on the run's timeline. */
export interface TimelineSegment {
  /** Start, µs since run start. */
  readonly startUs: number;
  readonly durationUs: number;
  readonly fromRatePerSec: number;
  readonly toRatePerSec: number;
  readonly spacing: Spacing;
  /** Index of the phase the segment belongs to. */
  readonly phaseIndex: number;
  /** Λ at the segment's start and end (expected arrivals so far). */
  readonly cumulativeStart: number;
  readonly cumulativeEnd: number;
}

/** The rate over the whole run. */
export interface Timeline {
  readonly segments: readonly TimelineSegment[];
  /** Run duration, µs. */
  readonly durationUs: number;
  /** Λ at the end: the expected number of arrivals. */
  readonly expectedArrivals: number;
  /** Phase start offsets, µs, by phase index. */
  readonly phaseStartsUs: readonly number[];
}

/** One planned arrival. */
export interface PlannedArrival {
  /** Global 0-based arrival index (the same in every shard). */
  readonly index: number;
  /** When it is due, integer µs since run start. */
  readonly offsetUs: number;
  /** Index into the flow mix. */
  readonly flowIndex: number;
  readonly phaseIndex: number;
}

/** How to draw arrivals. */
export interface ScheduleOptions {
  /** Run seed (Poisson gaps and flow choice use independent streams derived from it). */
  readonly seed: number;
  /** Weights of the flow mix, in scenario order (> 0). */
  readonly weights: readonly number[];
  /** Only arrivals with `index % count === index` (split-rate workers and shards); default: all. */
  readonly slice?: { readonly index: number; readonly count: number };
}

// Λ values within this distance of an integer are snapped to it, so that e.g. 10/s × 1 s is exactly 10 arrivals.
const snap = (x: number): number => (Math.abs(x - Math.round(x)) < 1e-9 ? Math.round(x) : x);

/** Lays the phases' segments end to end and integrates the rate. */
export function buildTimeline(phases: readonly PhaseConfig[]): Timeline {
  const segments: TimelineSegment[] = [];
  const phaseStartsUs: number[] = [];
  let startUs = 0;
  let cumulative = 0;
  phases.forEach((phase, phaseIndex) => {
    phaseStartsUs.push(startUs);
    for (const s of phase.segments) {
      const durationUs = Math.round(s.durationMs * 1000);
      if (durationUs <= 0) continue;
      const mass = ((s.fromRatePerSec + s.toRatePerSec) / 2) * (durationUs / 1e6);
      const cumulativeEnd = snap(cumulative + mass);
      segments.push({
        startUs,
        durationUs,
        fromRatePerSec: s.fromRatePerSec,
        toRatePerSec: s.toRatePerSec,
        spacing: phase.spacing,
        phaseIndex,
        cumulativeStart: cumulative,
        cumulativeEnd,
      });
      startUs += durationUs;
      cumulative = cumulativeEnd;
    }
  });
  return { segments, durationUs: startUs, expectedArrivals: cumulative, phaseStartsUs };
}

/** Offset within a segment (µs from its start) where Λ has grown by `m` (0 ≤ m ≤ the segment's mass). */
export function segmentOffsetUs(segment: TimelineSegment, m: number): number {
  const durationSec = segment.durationUs / 1e6;
  const a = segment.fromRatePerSec;
  const b = (segment.toRatePerSec - segment.fromRatePerSec) / durationSec;
  if (m <= 0) return 0;
  const denominator = a + Math.sqrt(Math.max(0, a * a + 2 * b * m));
  const tauSec = denominator > 0 ? (2 * m) / denominator : durationSec;
  return Math.min(segment.durationUs, tauSec * 1e6);
}

/** The arrival rate at `tUs` (arrivals per second); 0 outside the timeline. */
export function rateAtUs(timeline: Timeline, tUs: number): number {
  const s = timeline.segments.find((seg) => tUs >= seg.startUs && tUs < seg.startUs + seg.durationUs);
  if (!s) return 0;
  return s.fromRatePerSec + ((s.toRatePerSec - s.fromRatePerSec) * (tUs - s.startUs)) / s.durationUs;
}

/** Λ(tUs): expected arrivals from the run start to `tUs`. */
export function cumulativeAtUs(timeline: Timeline, tUs: number): number {
  let total = 0;
  for (const s of timeline.segments) {
    if (tUs >= s.startUs + s.durationUs) {
      total = s.cumulativeEnd;
      continue;
    }
    if (tUs > s.startUs) {
      const tau = (tUs - s.startUs) / 1e6;
      const b = (s.toRatePerSec - s.fromRatePerSec) / (s.durationUs / 1e6);
      total = s.cumulativeStart + s.fromRatePerSec * tau + (b * tau * tau) / 2;
    }
    break;
  }
  return total;
}

/** Picks an index by weight with one uniform draw `u` in [0, 1). */
export function weightedIndex(cumulativeWeights: readonly number[], u: number): number {
  const total = cumulativeWeights[cumulativeWeights.length - 1] ?? 0;
  const x = u * total;
  let lo = 0;
  let hi = cumulativeWeights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < cumulativeWeights[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The planned arrivals in time order, lazily (a 10-minute run at 2,000/s is 1.2 M arrivals: never an array).
 * The same seed, phases and weights give the same arrivals; slices of one plan partition it.
 */
export function* planArrivals(timeline: Timeline, options: ScheduleOptions): Generator<PlannedArrival> {
  if (options.weights.length === 0) return;
  const gaps = seededRandom(deriveSeed(options.seed, 'arrivals'));
  const choice = seededRandom(deriveSeed(options.seed, 'flows'));
  const cumulativeWeights: number[] = [];
  options.weights.reduce((sum, w) => (cumulativeWeights.push(sum + w), sum + w), 0);
  const slice = options.slice ?? { index: 0, count: 1 };
  let index = 0;
  let poissonAt = 0; // position of the next Poisson arrival in Λ-space
  for (const seg of timeline.segments) {
    if (seg.cumulativeEnd <= seg.cumulativeStart) continue;
    let m: number;
    if (seg.spacing === 'uniform') {
      m = Math.ceil(seg.cumulativeStart);
    } else {
      if (poissonAt < seg.cumulativeStart) poissonAt = seg.cumulativeStart + -Math.log(1 - gaps());
      m = poissonAt;
    }
    while (m < seg.cumulativeEnd) {
      const offsetUs = Math.round(seg.startUs + segmentOffsetUs(seg, m - seg.cumulativeStart));
      const flowIndex = weightedIndex(cumulativeWeights, choice());
      if (index % slice.count === slice.index) yield { index, offsetUs, flowIndex, phaseIndex: seg.phaseIndex };
      index += 1;
      if (seg.spacing === 'uniform') {
        m += 1;
      } else {
        poissonAt += -Math.log(1 - gaps());
        m = poissonAt;
      }
    }
  }
}

/** Counts the planned arrivals (per flow and in total) by walking the plan; O(arrivals) time, O(1) memory. */
export function countPlannedArrivals(timeline: Timeline, options: ScheduleOptions): { total: number; perFlow: number[] } {
  const perFlow = options.weights.map(() => 0);
  let total = 0;
  for (const a of planArrivals(timeline, options)) {
    perFlow[a.flowIndex]! += 1;
    total += 1;
  }
  return { total, perFlow };
}
