import type { Sample } from '../../metrics/sample.js';
import type { FlowContext } from '../flow.js';
import type { SrpEngine } from '../srp-engine.js';

/**
 * What the built-in flows may use beyond {@link FlowContext}: optional extras the run passes in the same object.
 * Both are optional: without `srp` the SRP maths runs in-thread; without `wallClockMs`, `Date.now()` is used
 * (for SRP TIMESTAMP strings only, never for latency).
 */
export interface LoadFlowContext extends FlowContext {
  /** SRP engine (worker pool or in-thread), see createSrpEngine in src/load/srp-workers.ts. */
  readonly srp?: SrpEngine;
  /** Wall clock, ms since the epoch. */
  readonly wallClockMs?: () => number;
  /**
   * Sink of the samples of flows that send HTTP themselves (OAuth endpoints, hosted UI, identity pools): the run's
   * recorder (and its onSample hook), the same place the driver reports to. Without it those calls are not measured.
   */
  readonly recordSample?: (sample: Sample) => void;
}
