import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CATEGORY_QUOTAS, type QuotaCategory } from '../cognito/categories.js';
import { AUTOCANNON_DRIVER, type Scenario } from '../config/scenario.js';
import { CogcapError, InputError } from '../errors.js';
import { requireQuotaAcknowledgement } from '../guard/acknowledgement.js';
import { loadQuotaProfile } from '../emulator/quota/quota-profile-file.js';
import { loadLatencySettings } from '../emulator/latency/latency-profile-file.js';
import { Recorder } from '../metrics/recorder.js';
import type { GeneratorHealth, RunResult, ThresholdResult } from '../metrics/run-result.js';
import type { Sample } from '../metrics/sample.js';
import { evaluateThresholds } from '../metrics/thresholds/evaluate-thresholds.js';
import { evaluateAbortThresholds, markAborted } from '../metrics/thresholds/live-evaluator.js';
import { parseThreshold } from '../metrics/thresholds/parse-threshold.js';
import type { ParsedThreshold } from '../metrics/thresholds/threshold-types.js';
import { TOOL_VERSION } from '../version.js';
import { createAbortableSleeper } from './abortable-sleeper.js';
import { prepareClosedLoopLoad } from './closed-loop-load.js';
import { createDriver } from './drivers/driver-registry.js';
import { startEmbeddedEmulator, type EmbeddedEmulator } from './embedded-emulator.js';
import { runExecutor } from './executor.js';
import type { Driver, FlowDefinition } from './flow.js';
import { buildCustomFlow } from './flows/build-custom-flow.js';
import type { LoadFlowContext } from './flows/flow-context.js';
import { getFlow } from './flows/flow-registry.js';
import { assessSaturation, GeneratorMonitor } from './generator-health.js';
import { preparePopulation, type PreparedPopulation } from './run-population.js';
import { createProgressSink, type ProgressSink } from './run-progress.js';
import { buildTimeline, planArrivals, rateAtUs, type Timeline } from './schedule.js';
import { deriveSeed, randomSeed, seededRandom } from './seeded-random.js';
import { createSessionPool } from './session-pool.js';
import { createSrpEngine } from './srp-workers.js';
import { identityOperationQuotaLookup, prepareOAuthFlows } from './oauth-run-setup.js';
import { prepareTarget, type PreparedTarget } from './target-setup.js';

/** Options of {@link runScenario}. */
export interface RunOptions {
  /** Folder for `result.json` (and the user journal); default `<cwd>/reports/<run-id>`. */
  readonly outDir?: string;
  readonly cwd?: string;
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** Slice `index` of `count` of the arrival schedule and population (split-rate workers and shards). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Start the schedule at this wall-clock instant (epoch ms), e.g. a shared start of several shards. */
  readonly startAtMs?: number;
  /** Acknowledges that AWS quotas are account-wide (the CLI flag); the scenario field works too. */
  readonly acknowledgeAccountWideQuotas?: boolean;
  /** Stops the run gracefully (Ctrl-C): partial results are written with `interrupted: true`. */
  readonly signal?: AbortSignal;
  readonly env?: NodeJS.ProcessEnv;
  /** Progress display: `tty` (a rewritten line), `plain` (a line every 5 s), `off`. Default `off`. */
  readonly progress?: 'tty' | 'plain' | 'off';
  /** Stream for progress and status lines (default process.stderr). */
  readonly log?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Write result.json (default true). */
  readonly writeResult?: boolean;
  /** Extension points (guardrails, circuit breakers, extra sinks). */
  readonly hooks?: RunHooks;
}

/** What hooks may see and do. */
export interface RunHookContext {
  readonly scenario: Scenario;
  readonly runId: string;
  readonly target: PreparedTarget;
  readonly timeline: Timeline;
  /** Stops the run now (graceful, partial results); `error` is thrown by runScenario after the result is written. */
  stop(reason: string, error?: CogcapError): void;
}

/** Hooks of a run. */
export interface RunHooks {
  /** After the target is ready, before seeding and load (e.g. a preflight that may refuse by throwing). */
  readonly beforeLoad?: (ctx: RunHookContext) => Promise<void>;
  /** Every measured call (after the recorder). */
  readonly onSample?: (sample: Sample, ctx: RunHookContext) => void;
  /**
   * Wraps the run's driver once it is created (after `beforeLoad`), e.g. with the hard rate ceiling
   * (`withRateCeiling`). `nowUs` is the run's clock (µs since the schedule start), `sleep` ends early on stop.
   */
  readonly wrapDriver?: (driver: Driver, ctx: RunDriverContext) => Driver;
}

/** What {@link RunHooks.wrapDriver} gets besides the driver. */
export interface RunDriverContext {
  readonly nowUs: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly signal: AbortSignal;
}

/** What a run produced. */
export interface RunOutput {
  readonly result: RunResult;
  /** Path of result.json, when written. */
  readonly resultFile?: string;
  readonly outDir: string;
  /** Error that stopped the run (e.g. a circuit breaker), rethrown by the CLI after reporting. */
  readonly stopError?: CogcapError;
}

/** A run id: UTC time, scenario name and a random suffix, e.g. `20261126-140501-default-3f9a`. */
export function newRunId(name: string, now = new Date()): string {
  const t = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'run';
  return `${t}-${slug}-${randomBytes(2).toString('hex')}`;
}

/** SHA-256 of the normalised scenario (without its file name): shards of one scenario share it. */
export function scenarioHash(scenario: Scenario): string {
  const { file: _file, ...rest } = scenario;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/** Quota per category for the result: the embedded profile, AWS defaults for AWS, unknown for a running emulator. */
async function quotaLookup(scenario: Scenario): Promise<(c: QuotaCategory) => number | null> {
  const finite = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : v);
  const t = scenario.target;
  if (t.kind === 'embedded') {
    const profile = await loadQuotaProfile(t.quotas);
    return (c) => finite(profile.ratePerSec[c]);
  }
  if (t.kind === 'aws') return (c) => finite(CATEGORY_QUOTAS[c].defaultRatePerSec);
  return () => null;
}

function resolveFlows(scenario: Scenario): FlowDefinition[] {
  const problems: InputError['problems'][number][] = [];
  const flows = scenario.flows.map((entry, i) => {
    try {
      if (entry.steps) {
        return buildCustomFlow(
          entry.name,
          entry.steps.map((s) => ({ step: s.step, thinkTimeMs: s.thinkTimeMs, params: s.params })),
        );
      }
      return getFlow(entry.builtin ?? entry.name);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      const base = entry.steps ? `flows[${i}]` : `flows[${i}].flow`;
      const list = err.problems.length ? err.problems : [{ path: '', message: err.message }];
      for (const p of list) problems.push({ ...(scenario.file ? { file: scenario.file } : {}), path: p.path ? `${base}.${p.path}` : base, message: p.message });
      return undefined;
    }
  });
  if (problems.length > 0) throw new InputError(`invalid flows in scenario ${scenario.file ?? scenario.name}`, problems);
  return flows as FlowDefinition[];
}

function parseThresholds(scenario: Scenario): ParsedThreshold[] {
  const knownFlows = scenario.flows.map((f) => f.name);
  return scenario.thresholds.map((t, i) =>
    parseThreshold(t.expression, `thresholds[${i}]`, { knownFlows, abortOnFail: t.abortOnFail, delayAbortEvalMs: t.delayAbortEvalMs }),
  );
}

/** Peak planned SRP sign-ins per second (flows whose name or steps say SRP), for the SRP engine's auto mode. */
function srpRatePerSec(scenario: Scenario, timeline: Timeline): number {
  const total = scenario.flows.reduce((s, f) => s + f.weight, 0);
  const srp = scenario.flows
    .filter((f) => (f.builtin ?? '').includes('srp') || f.steps?.some((s) => s.step === 'srpSignIn'))
    .reduce((s, f) => s + f.weight, 0);
  const peak = timeline.segments.reduce((m, s) => Math.max(m, s.fromRatePerSec, s.toRatePerSec), 0);
  return total > 0 ? (peak * srp) / total : 0;
}

/**
 * Sends two harmless calls (an unsigned GetUser with a bogus token, a signed AdminGetUser of a user that does not
 * exist) and one code look-up before the clock starts, so that lazy module loading, credential resolution and the
 * first connections do not delay the first arrivals. Their outcomes are ignored and not measured.
 */
async function warmUp(driver: Driver, target: PreparedTarget['resolved'], codes?: { getCode(p: string, u: string, k: 'signup'): Promise<string> }): Promise<void> {
  const meta = { flow: 'warm-up', intendedStartUs: 0 };
  await Promise.allSettled([
    driver.call('GetUser', { AccessToken: 'cogcap-warm-up' }, meta),
    driver.name === 'sdk' ? driver.call('AdminGetUser', { UserPoolId: target.userPoolId, Username: 'cogcap-warm-up' }, meta) : Promise.resolve(),
    codes?.getCode(target.userPoolId, 'cogcap-warm-up', 'signup'),
  ]);
}

/**
 * Runs a scenario end to end: starts the embedded emulator in its own process (or uses the running emulator or AWS
 * pool), creates a pool and app client when needed, seeds the population (journalled), drives the open-model
 * schedule with the scenario's flows, cleans up, and writes `result.json`. Ctrl-C (the signal) stops the arrivals,
 * drains in-flight flows, cleans up and writes partial results (`interrupted: true`).
 * Throws {@link InputError} (exit 2) before anything starts when the scenario's flows or thresholds are invalid,
 * {@link TargetError} (exit 3) when the target is unreachable or unsafe.
 */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<RunOutput> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const log = options.log ?? process.stderr;
  const say = (line: string): void => {
    if (options.progress !== 'off' && options.progress !== undefined) log.write(`${line}\n`);
  };

  // Everything that can be checked without side effects, first.
  const flows = resolveFlows(scenario);
  const thresholds = parseThresholds(scenario);
  if (scenario.target.kind === 'aws') {
    requireQuotaAcknowledgement({
      targetKind: 'aws',
      flag: options.acknowledgeAccountWideQuotas ?? false,
      scenarioField: scenario.target.acknowledgeAccountWideQuotas,
    });
  }
  const quota = await quotaLookup(scenario);
  if (scenario.target.kind === 'embedded') await loadLatencySettings(scenario.target.latency); // a bad file: exit 2 now
  const seed = options.seed ?? scenario.seed ?? randomSeed();
  const runId = newRunId(scenario.name);
  const outDir = resolve(cwd, options.outDir ?? join('reports', runId));
  const timeline = buildTimeline(scenario.phases);
  const shard = options.shard && options.shard.count > 1 ? options.shard : undefined;

  const stopController = new AbortController();
  let stopReason: string | undefined;
  let stopError: CogcapError | undefined;
  const stop = (reason: string, error?: CogcapError): void => {
    if (stopController.signal.aborted) return;
    stopReason = reason;
    stopError ??= error;
    stopController.abort();
  };
  const onUserSignal = (): void => {
    const why = (options.signal?.reason as Error | undefined)?.message;
    stop(`stopped by ${why && /^SIG[A-Z]+$/.test(why) ? why : 'a signal (Ctrl-C)'}`);
  };
  if (options.signal?.aborted) onUserSignal();
  options.signal?.addEventListener('abort', onUserSignal, { once: true });

  let emulator: EmbeddedEmulator | undefined;
  let target: PreparedTarget | undefined;
  let population: PreparedPopulation | undefined;
  let runDriver: Driver | undefined;
  const srp = createSrpEngine({ srpRatePerSec: srpRatePerSec(scenario, timeline) });
  let startedAt = new Date();
  try {
    await mkdir(outDir, { recursive: true });
    if (scenario.target.kind === 'embedded') {
      say(`starting the embedded emulator (quotas ${scenario.target.quotas}, latency ${scenario.target.latency})`);
      emulator = await startEmbeddedEmulator({
        quotas: scenario.target.quotas,
        latency: scenario.target.latency,
        throttleStatus: scenario.target.throttleStatus,
      });
    }
    target = await prepareTarget(scenario, { runId, env, ...(emulator ? { emulatorUrl: emulator.url } : {}) });
    // OAuth / federation / identity-pool flows: built from the scenario's oauth: section, or emulator fixtures.
    for (const [i, def] of await prepareOAuthFlows(scenario, target.resolved, env)) flows[i] = def;
    const hookCtx: RunHookContext = { scenario, runId, target, timeline, stop };
    await options.hooks?.beforeLoad?.(hookCtx);

    if (!stopController.signal.aborted) {
      population = await preparePopulation(scenario, {
        runId,
        target: target.resolved,
        outDir,
        ...(shard ? { shard } : {}),
        signal: stopController.signal,
        say,
        skipUserCleanup: target.createdPool && target.resolved.kind === 'emulator',
      });
    }

    // The run's clock: µs since the schedule's start (set just before the executor starts).
    let originMs = performance.now();
    let measuring = false;
    const nowUs = (): number => (performance.now() - originMs) * 1000;
    const recorder = new Recorder({
      intervalMs: scenario.intervalMs,
      flows: scenario.flows.map((f) => f.name),
      quotaRatePerSec: quota,
      operationQuotaRatePerSec: identityOperationQuotaLookup(scenario),
    });
    const flowSignal = stopController.signal;
    const sleep = createAbortableSleeper(flowSignal).sleep;
    const closedLoop = scenario.driver === AUTOCANNON_DRIVER ? scenario.autocannon : undefined;
    // The closed-loop load signs its users in through the SDK driver; its load goes through autocannon.
    runDriver = createDriver(closedLoop ? 'sdk' : scenario.driver, {
      target: target.resolved,
      nowUs,
      inFlightCap: scenario.maxInFlight,
      requestTimeoutMs: scenario.callTimeoutMs,
      onSample: (s) => {
        if (!measuring) return; // warm-up calls are not measured
        recorder.recordSample(s);
        options.hooks?.onSample?.(s, hookCtx);
      },
    });
    const sessions = createSessionPool();
    const rng = seededRandom(deriveSeed(seed, 'flow-context'));
    const codes = population?.codes;
    if (options.hooks?.wrapDriver) runDriver = options.hooks.wrapDriver(runDriver, { nowUs, sleep, signal: flowSignal });
    const driver = runDriver;
    const resolvedTarget = target.resolved;
    const pop = population?.population;

    if (options.startAtMs !== undefined) {
      const waitMs = options.startAtMs - Date.now();
      if (waitMs > 0) say(`waiting ${Math.round(waitMs / 1000)} s for the shared start time`);
      await sleep(waitMs);
    }

    // A stop during set-up (Ctrl-C while seeding) skips the warm-up: the executor then ends at once.
    if (!stopController.signal.aborted) await warmUp(runDriver, target.resolved, population?.codes);
    const closedLoad = closedLoop ? await prepareClosedLoopLoad(closedLoop, { target: target.resolved, population: pop!, setupDriver: runDriver, rng }) : undefined;
    measuring = true;
    const monitor = new GeneratorMonitor();
    const progress: ProgressSink = createProgressSink(log, { mode: options.progress ?? 'off' });
    let inFlight = 0;
    const intervalUs = scenario.intervalMs * 1000;
    let lastAbortCheckMs = 0;
    const tick = (): void => {
      const now = nowUs();
      recorder.tick(now);
      monitor.sample();
      const i = Math.floor(now / intervalUs) - 1; // last complete interval
      const phaseIndex = timeline.phaseStartsUs.findLastIndex((s) => s <= now);
      const perSec = 1e6 / intervalUs;
      const point = i >= 0 ? recorder.series.point(i) : undefined;
      progress.update({
        phase: scenario.phases[Math.max(0, phaseIndex)]?.name ?? '',
        elapsedMs: Math.min(now, timeline.durationUs) / 1000,
        durationMs: timeline.durationUs / 1000,
        startedPerSec: (point?.startedArrivals ?? 0) * perSec,
        targetPerSec: rateAtUs(timeline, now) / (shard?.count ?? 1),
        inFlight,
        dropped: recorder.arrivalCounts().dropped,
        categories: Object.entries(point?.byCategory ?? {}).map(([category, c]) => ({
          category: category as QuotaCategory,
          ratePerSec: c!.requests * perSec,
          throttlesPerSec: c!.throttles * perSec,
          p99Us: c!.p99Us,
        })),
      });
      const elapsedMs = now / 1000;
      if (thresholds.some((t) => t.abortOnFail) && elapsedMs - lastAbortCheckMs >= 1000) {
        lastAbortCheckMs = elapsedMs;
        const verdict = evaluateAbortThresholds(snapshot(elapsedMs), elapsedMs, thresholds);
        if (verdict.abort) {
          abortTriggered = verdict.triggered;
          stop(verdict.reason ?? 'a threshold failed (abortOnFail)');
        }
      }
    };
    let abortTriggered: readonly ThresholdResult[] = [];
    const generatorHealth = (stats?: { due: number; started: number; late: number; dropped: number }): GeneratorHealth => {
      const m = monitor.stop();
      const lag = recorder.startLagSummary();
      const a = stats ?? { ...recorder.arrivalCounts(), due: recorder.arrivalCounts().planned };
      const verdict = assessSaturation({
        eventLoopLagP99Us: m.eventLoopLag.p99Us,
        startLagP99Us: lag.p99Us,
        cpuPercent: m.cpuPercent,
        started: a.started,
        late: a.late,
        dropped: a.dropped,
        due: a.due,
        maxInFlight: scenario.maxInFlight,
      });
      const cores = cpus().length;
      const load1 = loadavg()[0] ?? 0;
      if (verdict.saturated && load1 > cores) {
        verdict.warnings.push(`machine load ${load1.toFixed(1)} on ${cores} cores: other processes compete with the generator for CPU`);
      }
      return {
        eventLoopLag: m.eventLoopLag,
        startLag: { p50Us: lag.p50Us, p99Us: lag.p99Us, maxUs: lag.maxUs },
        cpuPercent: Math.round(m.cpuPercent * 10) / 10,
        maxRssBytes: m.maxRssBytes,
        saturated: verdict.saturated,
        warnings: verdict.warnings,
      };
    };
    const meta = (durationMs: number, generator: GeneratorHealth, endedAt: Date) => ({
      runId,
      toolVersion: TOOL_VERSION,
      scenario: { name: scenario.name, ...(scenario.file ? { file: scenario.file } : {}), hash: scenarioHash(scenario), tags: scenario.tags, seed },
      target: target!.result,
      startedAt: startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      durationMs,
      interrupted: stopReason !== undefined,
      ...(stopReason !== undefined ? { interruptReason: stopReason } : {}),
      driver: closedLoad ? { name: AUTOCANNON_DRIVER, model: 'closed' as const } : { name: driver.name, model: driver.model },
      generator,
      ...(shard ? { shard } : {}),
    });
    const snapshot = (elapsedMs: number): RunResult =>
      recorder.build(meta(elapsedMs, { eventLoopLag: { p50Us: 0, p99Us: 0, maxUs: 0 }, startLag: { p50Us: 0, p99Us: 0, maxUs: 0 }, cpuPercent: 0, maxRssBytes: 0, saturated: false, warnings: [] }, new Date()));

    say(
      `running ${scenario.name} (${runId}): ${(timeline.durationUs / 1e6).toFixed(0)} s, seed ${seed}` +
        `${shard ? `, shard ${shard.index}/${shard.count}` : ''}, target ${target.result.url ?? target.result.region ?? target.result.kind}`,
    );
    const progressTimer = setInterval(tick, options.progress === 'tty' ? 250 : 1000);
    startedAt = new Date();
    originMs = performance.now();
    const stats = closedLoad
      ? await closedLoad.run({
          durationSec: timeline.durationUs / 1e6,
          nowUs,
          signal: stopController.signal,
          timeoutSec: Math.max(1, Math.ceil(scenario.callTimeoutMs / 1000)),
          onSample: (s) => {
            recorder.recordSample(s);
            options.hooks?.onSample?.(s, hookCtx);
          },
        })
      : await runExecutor({
      arrivals: planArrivals(timeline, { seed, weights: scenario.flows.map((f) => f.weight), ...(shard ? { slice: shard } : {}) }),
      nowUs,
      maxInFlight: scenario.maxInFlight,
      lateAfterUs: scenario.lateAfterMs * 1000,
      signal: stopController.signal,
      drainTimeoutMs: scenario.callTimeoutMs + 5000,
      start: (arrival) => {
        inFlight += 1;
        const def = flows[arrival.flowIndex]!;
        const name = scenario.flows[arrival.flowIndex]!.name;
        const ctx: LoadFlowContext = {
          flow: name,
          intendedStartUs: arrival.offsetUs,
          driver,
          target: resolvedTarget,
          population: pop!,
          sessions,
          rng,
          nowUs,
          sleep,
          signal: flowSignal,
          ...(codes ? { emulator: codes } : {}),
          srp,
          wallClockMs: () => Date.now(),
          // Flows that talk HTTP themselves (OAuth, hosted UI, identity pools) report here, like the driver.
          recordSample: (s) => {
            if (!measuring) return;
            recorder.recordSample(s);
            options.hooks?.onSample?.(s, hookCtx);
          },
        };
        return def.run(ctx).finally(() => {
          inFlight -= 1;
        });
      },
      onArrival: (arrival, event, lagUs) => recorder.recordArrival(scenario.flows[arrival.flowIndex]!.name, event, arrival.offsetUs, lagUs),
      onFlowEnd: (arrival, ok, endUs) =>
        recorder.recordFlowEnd({ flow: scenario.flows[arrival.flowIndex]!.name, ok, intendedStartUs: arrival.offsetUs, latencyUs: endUs - arrival.offsetUs }),
    });
    clearInterval(progressTimer);
    tick();
    progress.done();
    const endedAt = new Date();
    const durationMs = stats.stopped ? Math.min(stats.endOfArrivalsUs, timeline.durationUs) / 1000 : timeline.durationUs / 1000;
    const generator = generatorHealth(stats);
    if (stats.flowErrors > 0) {
      (generator.warnings as string[]).push(`${stats.flowErrors} flow(s) threw an error (a bug in a flow, counted as failed)`);
    }
    if (stats.abandoned > 0) {
      (generator.warnings as string[]).push(`${stats.abandoned} flow(s) were still running at the end and were abandoned`);
    }
    let result = recorder.build(meta(durationMs, generator, endedAt));
    let thresholdResults = evaluateThresholds(result, thresholds);
    if (abortTriggered.length > 0) thresholdResults = markAborted(thresholdResults, abortTriggered);
    result = { ...result, thresholds: thresholdResults };
    let resultFile: string | undefined;
    if (options.writeResult !== false) {
      resultFile = join(outDir, 'result.json');
      await writeFile(resultFile, `${JSON.stringify(result, null, 2)}\n`);
    }
    return { result, outDir, ...(resultFile ? { resultFile } : {}), ...(stopError ? { stopError } : {}) };
  } finally {
    options.signal?.removeEventListener('abort', onUserSignal);
    await runDriver?.close().catch(() => {});
    await population?.cleanup(say).catch((err: unknown) => say(`warning: cleanup failed: ${(err as Error).message}`));
    await srp.close().catch(() => {});
    await target?.teardown().catch(() => {});
    await emulator?.close();
  }
}
