import type { CliCommand } from '../command.js';
import { loadScenario } from '../../config/load-scenario.js';
import { AUTOCANNON_DRIVER } from '../../config/scenario.js';
import { ExitCode, InputError } from '../../errors.js';
import { ACKNOWLEDGE_FLAG } from '../../guard/acknowledgement.js';
import { runScenario } from '../../load/run.js';
import { parseShard } from '../../scale/shard.js';
import { parseStartAt, startAtToleranceFromEnv } from '../../scale/start-at.js';
import { createGuardHooks } from '../../guard/guard-hooks.js';
import { renderDryRunReport } from '../../guard/run-guards.js';
import { runWithWorkers } from '../../scale/run-with-workers.js';
import { DEFAULT_RUN_REPORT_FORMATS, finishRunOutputs, planRunOutputs, runExitCode } from '../run-outputs.js';

interface RunArgs {
  readonly scenario: string;
  readonly out?: string;
  readonly ci?: boolean;
  readonly seed?: number;
  readonly durationScale?: number;
  readonly shard?: string;
  readonly startAt?: string;
  readonly [ACKNOWLEDGE_FLAG]?: boolean;
  // Guardrails and local workers (issues 7 and 8).
  readonly dryRun?: boolean;
  readonly workers?: number;
  readonly maxRate?: number;
  readonly maxQuotaShare?: number;
  // Outputs (issue 5).
  readonly reportFormats?: string;
  readonly baseline?: string;
  readonly tolerance?: string;
}

/** True when the environment says CI (the `CI` variable most CI systems set). */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const v = env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

/**
 * `cogcap run <scenario>`: validates the scenario (exit 2 before anything starts), runs it, prints a per-category
 * summary and writes `result.json` and the reports (Markdown, HTML, JUnit by default). With `--baseline` the result
 * is compared with a baseline result. Exit code: 0 when every threshold passes (and no regression), 1 when one
 * fails, 130 when interrupted (partial results written), 2 for bad input (a bad baseline file included), 3 when
 * the target is unreachable or unsafe.
 */
export const runCommand: CliCommand<RunArgs> = {
  command: 'run <scenario>',
  describe: 'Run a scenario (the embedded emulator by default) and report latency and throttling per quota category',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario file (YAML or JSON)', demandOption: true })
      .option('out', { type: 'string', describe: 'Folder for result.json (default reports/<run-id>)' })
      .option('ci', { type: 'boolean', describe: 'CI mode: no live progress, compact summary (default when CI is set)' })
      .option('seed', { type: 'number', describe: 'Random seed (overrides the scenario; the result records it)' })
      .option('duration-scale', { type: 'number', describe: 'Multiply every phase duration, e.g. 0.1 for a quick rehearsal' })
      .option('shard', { type: 'string', describe: 'Run slice i/N (0-based index i of N shards) of the schedule and population, e.g. 0/4' })
      .option('start-at', { type: 'string', describe: 'Shared start time (ISO 8601) of the schedule, for shards' })
      .option(ACKNOWLEDGE_FLAG, { type: 'boolean', describe: 'Acknowledge that AWS quotas are shared by every pool in the account and Region' })
      .option('dry-run', { type: 'boolean', describe: 'Print the planned calls per quota category and their share of each quota; make no calls' })
      .option('workers', { type: 'number', describe: 'Split the run over N local processes (the rate is split, never multiplied)' })
      .option('max-rate', { type: 'number', describe: 'Hard ceiling of the whole run, calls/s (default 500 against AWS)' })
      .option('max-quota-share', { type: 'number', describe: 'Share of each quota planned + current usage may reach (default 0.8)' })
      .option('report-formats', { type: 'string', describe: `Reports written next to result.json: comma-separated md, html, junit, or none (default ${DEFAULT_RUN_REPORT_FORMATS})` })
      .option('baseline', { type: 'string', describe: 'Baseline result.json: compare p95/p99/throttle rate per category, exit 1 on a regression' })
      .option('tolerance', { type: 'string', describe: 'Latency regression tolerance against --baseline, e.g. 10% (default) or 0.1' }),
  examples: [
    ['cogcap run scenarios/default.yaml', 'Mixed traffic against the embedded emulator (~20 s)'],
    ['cogcap run scenarios/smoke.yaml --ci --out reports/smoke', 'CI smoke test with a compact summary'],
    ['cogcap run scenarios/default.yaml --baseline reports/main/result.json --tolerance 10%', 'Exit 1 when a category got more than 10% slower'],
  ],
  run: async (args, io) => {
    const ci = args.ci ?? isCi(io.env);
    if (args.durationScale !== undefined && !(args.durationScale > 0)) {
      throw new InputError('invalid --duration-scale', [{ path: '--duration-scale', message: 'expected a number > 0' }]);
    }
    if (args.seed !== undefined && !(Number.isInteger(args.seed) && args.seed >= 0 && args.seed < 2 ** 32)) {
      throw new InputError('invalid --seed', [{ path: '--seed', message: 'expected an integer from 0 to 4294967295' }]);
    }
    const scenario = await loadScenario(args.scenario, { cwd: io.cwd, ...(args.durationScale ? { durationScale: args.durationScale } : {}) });
    const shard = args.shard !== undefined ? parseShard(args.shard) : undefined;
    const startAtTolerance = startAtToleranceFromEnv(io.env); // set by a --workers coordinator for its children
    const startAtMs =
      args.startAt !== undefined
        ? parseStartAt(args.startAt, Date.now(), startAtTolerance !== undefined ? { maxPastMs: startAtTolerance } : {})
        : undefined;
    checkGuardArgs(args);
    if (scenario.driver === AUTOCANNON_DRIVER && (shard !== undefined || (args.workers ?? 1) > 1)) {
      throw new InputError('a closed-loop autocannon load cannot be split', [
        { path: shard !== undefined ? '--shard' : '--workers', message: 'expected a single process for driver: autocannon (raise autocannon.connections instead)' },
      ]);
    }
    const outputs = await planRunOutputs({ ...args, compact: ci }, io.cwd); // a bad baseline or format: exit 2 now
    if (args.dryRun) {
      io.stdout.write(
        renderDryRunReport({
          scenario,
          ...(args.maxQuotaShare !== undefined ? { maxShare: args.maxQuotaShare } : {}),
          ...(args.maxRate !== undefined ? { maxRatePerSec: args.maxRate } : {}),
        }),
      );
      return ExitCode.Ok;
    }
    if (args.workers !== undefined && args.workers > 1) {
      return runWithWorkers(
        {
          scenarioFile: args.scenario,
          scenario,
          workers: args.workers,
          ci,
          outputs,
          ...(args.out !== undefined ? { out: args.out } : {}),
          ...(args.seed !== undefined ? { seed: args.seed } : {}),
          ...(startAtMs !== undefined ? { startAtMs } : {}),
          forwardArgs: [
            ...(args[ACKNOWLEDGE_FLAG] ? [`--${ACKNOWLEDGE_FLAG}`] : []),
            ...(args.durationScale !== undefined ? ['--duration-scale', String(args.durationScale)] : []),
            ...(args.maxRate !== undefined ? ['--max-rate', String(args.maxRate)] : []),
            ...(args.maxQuotaShare !== undefined ? ['--max-quota-share', String(args.maxQuotaShare)] : []),
          ],
        },
        io,
      );
    }
    const output = await runScenario(scenario, {
      cwd: io.cwd,
      env: io.env,
      signal: io.signal,
      log: io.stderr as NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
      progress: ci ? 'plain' : (io.stderr as { isTTY?: boolean }).isTTY ? 'tty' : 'plain',
      writeResult: false, // written below, with the comparison, next to the reports
      ...(args.out !== undefined ? { outDir: args.out } : {}),
      ...(args.seed !== undefined ? { seed: args.seed } : {}),
      ...(shard ? { shard } : {}),
      ...(startAtMs !== undefined ? { startAtMs } : {}),
      ...(args[ACKNOWLEDGE_FLAG] !== undefined ? { acknowledgeAccountWideQuotas: args[ACKNOWLEDGE_FLAG] } : {}),
      hooks: createGuardHooks({
        ...(args[ACKNOWLEDGE_FLAG] !== undefined ? { acknowledgeFlag: args[ACKNOWLEDGE_FLAG] } : {}),
        ...(args.maxQuotaShare !== undefined ? { maxShare: args.maxQuotaShare } : {}),
        ...(args.maxRate !== undefined ? { maxRatePerSec: args.maxRate } : {}),
        ...(shard ? { shardCount: shard.count, provisioned: shard.index === 0 } : {}),
        say: (line) => io.stderr.write(`${line}\n`),
      }),
    });
    const { result } = await finishRunOutputs(output.result, output.outDir, outputs, io);
    if (output.stopError) throw output.stopError;
    return runExitCode(result, io.signal.aborted);
  },
};

/** Checks the guardrail and worker options (issues 7 and 8). */
function checkGuardArgs(args: RunArgs): void {
  const problems: { path: string; message: string }[] = [];
  if (args.workers !== undefined && !(Number.isInteger(args.workers) && args.workers >= 1 && args.workers <= 256)) {
    problems.push({ path: '--workers', message: 'expected an integer from 1 to 256' });
  }
  if (args.workers !== undefined && args.workers > 1 && args.shard !== undefined) {
    problems.push({ path: '--workers', message: 'expected either --workers or --shard, not both' });
  }
  if (args.maxRate !== undefined && !(args.maxRate > 0)) problems.push({ path: '--max-rate', message: 'expected a rate > 0 (calls/s)' });
  if (args.maxQuotaShare !== undefined && !(args.maxQuotaShare > 0 && args.maxQuotaShare <= 1)) {
    problems.push({ path: '--max-quota-share', message: 'expected a share in (0, 1], e.g. 0.8' });
  }
  if (problems.length > 0) throw new InputError('invalid run options', problems);
}
