import { createPlannerAwsClients } from '../aws/aws-clients.js';
import type { CogcapError } from '../errors.js';
import type { Driver } from '../load/flow.js';
import type { Sample } from '../metrics/sample.js';
import { withRateCeiling } from './ceiling-driver.js';
import { circuitBreakerError } from './circuit-breaker.js';
import { formatRate, formatShare } from './preflight.js';
import { prepareRunGuards, type GuardedScenario, type RunGuards, type RunGuardsInput } from './run-guards.js';

/**
 * The guardrails as run hooks (shape of `RunHooks` in src/load/run.ts): `beforeLoad` runs
 * {@link prepareRunGuards} (refusals throw TargetError, exit 3, before seeding), `onSample` feeds the circuit
 * breaker and stops the run with a TargetError when it trips, `wrapDriver` enforces the hard rate ceiling. Pass to `runScenario(scenario, { hooks })`.
 */

/** What the hooks need of the run's hook context (a subset of `RunHookContext`). */
export interface GuardHookContext {
  readonly scenario: GuardedScenario & { readonly target: { readonly kind: string; readonly region?: string } };
  stop(reason: string, error?: CogcapError): void;
}

/** Options of {@link createGuardHooks}: the guard inputs besides the scenario. */
export interface GuardHooksOptions extends Omit<RunGuardsInput, 'scenario' | 'now' | 'clients'> {
  /** AWS clients; default: created for the target's Region with the standard credential chain. */
  readonly clients?: RunGuardsInput['clients'];
  readonly now?: () => Date;
  /** Status lines (preflight figures, breaker trips). */
  readonly say?: (line: string) => void;
}

/** The hooks, and the guards once `beforeLoad` ran (for wrapping the driver with the ceiling gate). */
export interface GuardHooks {
  readonly beforeLoad: (ctx: GuardHookContext) => Promise<void>;
  readonly onSample: (sample: Sample, ctx: GuardHookContext) => void;
  /**
   * Wraps the run's driver with the hard rate ceiling ({@link withRateCeiling}) when the guards have a gate
   * (AWS targets, or `--max-rate`); returns the driver unchanged otherwise. Shape of `RunHooks.wrapDriver`.
   */
  readonly wrapDriver: (
    driver: Driver,
    ctx: { readonly nowUs: () => number; readonly sleep: (ms: number) => Promise<void>; readonly signal: AbortSignal },
  ) => Driver;
  /** The prepared guards (undefined before `beforeLoad`). */
  guards(): RunGuards | undefined;
}

/** Creates the guard hooks of one run. */
export function createGuardHooks(options: GuardHooksOptions = {}): GuardHooks {
  let prepared: RunGuards | undefined;
  const say = options.say ?? (() => undefined);
  return {
    async beforeLoad(ctx) {
      const { target } = ctx.scenario;
      const clients =
        options.clients ?? (target.kind === 'aws' ? createPlannerAwsClients(target.region) : undefined);
      prepared = await prepareRunGuards({
        ...options,
        scenario: ctx.scenario,
        now: (options.now ?? (() => new Date()))(),
        ...(clients ? { clients } : {}),
      });
      for (const r of prepared.preflight?.assessment.rows ?? []) {
        say(
          `preflight ${r.category}: planned ${formatRate(r.plannedRatePerSec)}/s + current ${formatRate(r.currentUsageRatePerSec)}/s` +
            (r.quotaRatePerSec !== null && r.projectedShare !== null
              ? ` = ${formatShare(r.projectedShare)} of ${formatRate(r.quotaRatePerSec)}/s`
              : ''),
        );
      }
      for (const w of prepared.warnings) say(`warning: ${w}`);
    },
    onSample(sample, ctx) {
      const g = prepared;
      if (!g?.breaker || !g.outcomeSeconds || g.breaker.state.tripped) return;
      g.outcomeSeconds.add(sample);
      for (const second of g.outcomeSeconds.drainCompleted(sample.sentUs + sample.serviceTimeUs)) {
        const state = g.breaker.observe(second);
        if (state.tripped) {
          const reason = state.reason ?? 'circuit breaker tripped';
          say(reason);
          ctx.stop(reason, circuitBreakerError(reason));
          return;
        }
      }
    },
    wrapDriver(driver, ctx) {
      const gate = prepared?.gate;
      return gate ? withRateCeiling(driver, gate, ctx.nowUs, ctx.sleep, ctx.signal) : driver;
    },
    guards: () => prepared,
  };
}
