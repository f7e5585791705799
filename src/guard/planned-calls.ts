import type { QuotaCategory } from '../cognito/categories.js';
import { callsPerArrivalOf, type CallsPerArrival, type FlowCallsInput } from './flow-calls.js';
import type { RatesByCategory } from './preflight.js';

/**
 * Planned calls per quota category (pure): arrivals of the schedule's piecewise-linear rate, split over the
 * flow mix by weight, times each flow's calls per arrival. Calls are counted in the second their arrival falls in
 * (think times that push later steps into the next second are ignored); Poisson spacing fluctuates around these
 * expected figures.
 */

/** A piece of a phase with a linearly changing arrival rate (as in the normalised scenario). */
export interface PlannedSegment {
  readonly durationMs: number;
  readonly fromRatePerSec: number;
  readonly toRatePerSec: number;
}

/** What the planner needs of a normalised scenario. */
export interface PlannedCallsInput {
  readonly phases: readonly { readonly name: string; readonly durationMs: number; readonly segments: readonly PlannedSegment[] }[];
  readonly flows: readonly (FlowCallsInput & { readonly weight: number })[];
  /** Divide every rate by this (a shard's share of a split run); default 1 (the whole run). */
  readonly rateDivisor?: number;
}

/** Planned figures of one second of the run. */
export interface PlannedSecond {
  readonly tSec: number;
  /** Expected arrivals in [tSec, tSec + 1). */
  readonly arrivals: number;
  /** Expected calls per category in that second (challenge responses apart). */
  readonly callsByCategory: RatesByCategory;
  /** Expected challenge responses in that second. */
  readonly challengeResponses: number;
}

/** Planned figures of one phase. */
export interface PlannedPhase {
  readonly name: string;
  readonly durationMs: number;
  /** Highest instantaneous arrival rate of the phase, arrivals/s. */
  readonly peakArrivalRatePerSec: number;
  /** Highest instantaneous call rate per category, calls/s (challenge responses apart). */
  readonly peakCallRatePerSecByCategory: RatesByCategory;
  /** Highest instantaneous challenge-response rate, calls/s. */
  readonly peakChallengeResponseRatePerSec: number;
  /** Expected calls of the whole phase per category. */
  readonly callsByCategory: RatesByCategory;
}

/** Result of {@link planCallsByCategory}. */
export interface PlannedCalls {
  readonly perSecond: readonly PlannedSecond[];
  readonly perPhase: readonly PlannedPhase[];
  /**
   * Highest instantaneous call rate per category over the run, calls/s (what the preflight compares), without
   * challenge responses, which have their own allowance.
   */
  readonly peakRatePerSecByCategory: RatesByCategory;
  /** Highest instantaneous rate of challenge responses, calls/s. */
  readonly peakChallengeResponseRatePerSec: number;
  /** Highest instantaneous total call rate including challenge responses, calls/s (what the rate ceiling compares). */
  readonly peakTotalRatePerSec: number;
  /** Expected calls of the whole run per category. */
  readonly totalCallsByCategory: RatesByCategory;
  /** Calls per arrival of each flow in the mix (weight not applied). */
  readonly callsPerArrivalByFlow: Readonly<Record<string, CallsPerArrival>>;
  /** Flows whose calls are not known (not counted in any figure: the plan is incomplete). */
  readonly unknownFlows: readonly string[];
}

/** Computes the planned calls per category per second, per phase and at peak. */
export function planCallsByCategory(input: PlannedCallsInput): PlannedCalls {
  const divisor = input.rateDivisor ?? 1;
  if (!(divisor >= 1)) throw new RangeError(`rateDivisor must be >= 1, got ${divisor}`);
  const totalWeight = input.flows.reduce((s, f) => s + f.weight, 0);
  // Calls per arrival of the mix: Σ_f share_f × calls_f[category].
  const mix: Partial<Record<QuotaCategory, number>> = {};
  let mixChallenges = 0;
  const callsPerArrivalByFlow: Record<string, CallsPerArrival> = {};
  const unknownFlows: string[] = [];
  for (const f of input.flows) {
    const calls = callsPerArrivalOf(f);
    if (!calls) {
      unknownFlows.push(f.name);
      continue;
    }
    callsPerArrivalByFlow[f.name] = calls;
    const share = totalWeight > 0 ? f.weight / totalWeight : 0;
    for (const [c, n] of Object.entries(calls.byCategory)) mix[c as QuotaCategory] = (mix[c as QuotaCategory] ?? 0) + share * (n ?? 0);
    mixChallenges += share * calls.challengeResponses;
  }
  const times = (k: number): RatesByCategory => scale(mix, k);
  const totalMixCalls = Object.values(mix).reduce<number>((s, n) => s + (n ?? 0), 0) + mixChallenges;

  // Expected arrivals per second: integrate the piecewise-linear rate over each one-second window.
  const totalMs = input.phases.reduce((s, p) => s + p.durationMs, 0);
  const arrivalsPerSec = new Array<number>(Math.ceil(totalMs / 1000)).fill(0);
  const perPhase: PlannedPhase[] = [];
  let phaseStartMs = 0;
  let peakArrival = 0;
  for (const phase of input.phases) {
    let segStartMs = phaseStartMs;
    let phasePeak = 0;
    let phaseArrivals = 0;
    for (const seg of phase.segments) {
      const r0 = seg.fromRatePerSec / divisor;
      const r1 = seg.toRatePerSec / divisor;
      phasePeak = Math.max(phasePeak, r0, r1);
      const segEndMs = segStartMs + seg.durationMs;
      const rateAt = (ms: number): number => (seg.durationMs > 0 ? r0 + ((r1 - r0) * (ms - segStartMs)) / seg.durationMs : r0);
      for (let sec = Math.floor(segStartMs / 1000); sec * 1000 < segEndMs; sec += 1) {
        const a = Math.max(segStartMs, sec * 1000);
        const b = Math.min(segEndMs, (sec + 1) * 1000);
        if (b <= a) continue;
        const arrivals = ((b - a) / 1000) * ((rateAt(a) + rateAt(b)) / 2);
        arrivalsPerSec[sec] = (arrivalsPerSec[sec] ?? 0) + arrivals;
        phaseArrivals += arrivals;
      }
      segStartMs = segEndMs;
    }
    peakArrival = Math.max(peakArrival, phasePeak);
    perPhase.push({
      name: phase.name,
      durationMs: phase.durationMs,
      peakArrivalRatePerSec: phasePeak,
      peakCallRatePerSecByCategory: times(phasePeak),
      peakChallengeResponseRatePerSec: phasePeak * mixChallenges,
      callsByCategory: times(phaseArrivals),
    });
    phaseStartMs += phase.durationMs;
  }
  const totalArrivals = arrivalsPerSec.reduce((s, n) => s + n, 0);
  return {
    perSecond: arrivalsPerSec.map((arrivals, tSec) => ({ tSec, arrivals, callsByCategory: times(arrivals), challengeResponses: arrivals * mixChallenges })),
    perPhase,
    peakRatePerSecByCategory: times(peakArrival),
    peakChallengeResponseRatePerSec: peakArrival * mixChallenges,
    peakTotalRatePerSec: peakArrival * totalMixCalls,
    totalCallsByCategory: times(totalArrivals),
    callsPerArrivalByFlow,
    unknownFlows,
  };
}

function scale(mix: RatesByCategory, k: number): RatesByCategory {
  const out: Partial<Record<QuotaCategory, number>> = {};
  for (const [c, n] of Object.entries(mix)) out[c as QuotaCategory] = (n ?? 0) * k;
  return out;
}
