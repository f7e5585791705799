import type { CliCommand } from '../command.js';
import { loadScenario } from '../../config/load-scenario.js';
import { ExitCode, InputError } from '../../errors.js';
import { ACKNOWLEDGE_FLAG } from '../../guard/acknowledgement.js';
import { runScenario } from '../../load/run.js';
import { formatRunSummary } from '../../metrics/summary.js';
import { parseShard } from '../../scale/shard.js';
import { parseStartAt } from '../../scale/start-at.js';

interface RunArgs {
  readonly scenario: string;
  readonly out?: string;
  readonly ci?: boolean;
  readonly seed?: number;
  readonly durationScale?: number;
  readonly shard?: string;
  readonly startAt?: string;
  readonly [ACKNOWLEDGE_FLAG]?: boolean;
}

/** True when the environment says CI (the `CI` variable most CI systems set). */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const v = env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

/**
 * `cogcap run <scenario>`: validates the scenario (exit 2 before anything starts), runs it, prints a per-category
 * summary and writes `result.json`. Exit code: 0 when every threshold passes, 1 when one fails, 130 when
 * interrupted (partial results written), 3 when the target is unreachable or unsafe.
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
      .option('shard', { type: 'string', describe: 'Run slice i/N of the schedule and population, e.g. 1/4' })
      .option('start-at', { type: 'string', describe: 'Shared start time (ISO 8601) of the schedule, for shards' })
      .option(ACKNOWLEDGE_FLAG, { type: 'boolean', describe: 'Acknowledge that AWS quotas are shared by every pool in the account and Region' }),
  examples: [
    ['cogcap run scenarios/default.yaml', 'Mixed traffic against the embedded emulator (~20 s)'],
    ['cogcap run scenarios/smoke.yaml --ci --out reports/smoke', 'CI smoke test with a compact summary'],
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
    const startAtMs = args.startAt !== undefined ? parseStartAt(args.startAt, Date.now()) : undefined;
    const output = await runScenario(scenario, {
      cwd: io.cwd,
      env: io.env,
      signal: io.signal,
      log: io.stderr as NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
      progress: ci ? 'plain' : (io.stderr as { isTTY?: boolean }).isTTY ? 'tty' : 'plain',
      ...(args.out !== undefined ? { outDir: args.out } : {}),
      ...(args.seed !== undefined ? { seed: args.seed } : {}),
      ...(shard ? { shard } : {}),
      ...(startAtMs !== undefined ? { startAtMs } : {}),
      ...(args[ACKNOWLEDGE_FLAG] !== undefined ? { acknowledgeAccountWideQuotas: args[ACKNOWLEDGE_FLAG] } : {}),
    });
    const { result } = output;
    io.stdout.write(`${formatRunSummary(result, { compact: ci })}\n`);
    if (output.resultFile) io.stdout.write(`result: ${output.resultFile}\n`);
    if (output.stopError) throw output.stopError;
    if (result.thresholds.some((t) => !t.passed)) return ExitCode.ThresholdsFailed;
    if (result.interrupted && io.signal.aborted) return ExitCode.Interrupted;
    return ExitCode.Ok;
  },
};
