import type { AutocannonScenarioConfig } from '../config/scenario.js';
import { TargetError } from '../errors.js';
import type { Sample } from '../metrics/sample.js';
import { rawLoadBodies } from './drivers/raw-load-bodies.js';
import { runRawLoad } from './drivers/raw-load.js';
import type { ExecutorStats } from './executor.js';
import type { Driver, Population, ResolvedTarget } from './flow.js';

/**
 * `driver: autocannon` in `cogcap run`: the closed-loop load of one unsigned operation ({@link runRawLoad}) for the
 * scenario's duration, its samples fed to the run's recorder. Prepared before the clock starts (users signed in for
 * the token-based loads), run in place of the open-model executor.
 */

/** A prepared closed-loop load. */
export interface ClosedLoopLoad {
  /** Flow label of the samples, e.g. `autocannon:get-user`. */
  readonly flow: string;
  readonly operation: string;
  /**
   * Runs the load for `durationSec` and resolves with executor-shaped figures (no arrivals: a closed loop has no
   * schedule), so the runner's result code stays one.
   */
  run(o: { durationSec: number; nowUs: () => number; signal: AbortSignal; onSample: (s: Sample) => void; timeoutSec: number }): Promise<ExecutorStats>;
}

/** Builds the bodies of the load (signs users in through `setupDriver` for the token-based kinds). */
export async function prepareClosedLoopLoad(
  config: AutocannonScenarioConfig,
  o: { target: ResolvedTarget; population: Population; setupDriver: Driver; rng?: () => number },
): Promise<ClosedLoopLoad> {
  const url = o.target.endpoint;
  if (o.target.kind === 'aws' || !url) throw new TargetError('the closed-loop autocannon load runs against emulator targets only');
  const { operation, bodies } = await rawLoadBodies(config.load, {
    target: o.target,
    population: o.population,
    driver: o.setupDriver,
    ...(config.users !== undefined ? { count: config.users } : {}),
    ...(o.rng ? { rng: o.rng } : {}),
  });
  const flow = `autocannon:${config.load}`;
  return {
    flow,
    operation,
    async run(r) {
      const startUs = r.nowUs();
      const totals = await runRawLoad({
        url,
        operation,
        bodies,
        connections: config.connections,
        durationSec: Math.max(1, Math.round(r.durationSec)),
        timeoutSec: r.timeoutSec,
        flow,
        nowUs: r.nowUs,
        onSample: r.onSample,
        signal: r.signal,
      });
      const failed = totals.requests - totals.counts.ok;
      return {
        due: 0,
        started: 0,
        late: 0,
        dropped: 0,
        completed: totals.requests,
        failed,
        flowErrors: 0,
        peakInFlight: config.connections,
        abandoned: 0,
        stopped: r.signal.aborted,
        endOfArrivalsUs: Math.max(startUs, r.nowUs()),
      };
    },
  };
}
