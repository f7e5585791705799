import { randomInt } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { CliIo } from '../cli/command.js';
import type { Scenario } from '../config/scenario.js';
import { finishRunOutputs, runExitCode, type RunOutputsPlan } from '../cli/run-outputs.js';
import { newRunId } from '../load/run.js';
import { formatStartAt, plannedStartAt } from './start-at.js';
import { runWorkers, suggestedStartLeadMs } from './workers.js';

/** Options of {@link runWithWorkers} (what `cogcap run --workers N` was given). */
export interface RunWithWorkersOptions {
  readonly scenarioFile: string;
  readonly scenario: Scenario;
  readonly workers: number;
  /** Output folder: the merged `result.json`, and `worker-<i>/` of each child; default `reports/<run-id>`. */
  readonly out?: string;
  readonly seed?: number;
  /** Shared start, epoch ms; default now + {@link suggestedStartLeadMs}. */
  readonly startAtMs?: number;
  /** Arguments forwarded to every child (acknowledgement, guard options, duration scale...). */
  readonly forwardArgs: readonly string[];
  /** Compact summary (CI). */
  readonly ci: boolean;
  /** Reports and baseline of the merged result (the children write result.json only). */
  readonly outputs: RunOutputsPlan;
}

/**
 * `cogcap run <scenario> --workers N`: N local processes run shard i/N of the scenario with one start time and
 * seed; their results are merged into `<out>/result.json` (compared with the baseline, reports beside it) and
 * summarised. Returns the exit code like a single run
 * (1 when a threshold fails on the merged result, 130 when interrupted).
 */
export async function runWithWorkers(o: RunWithWorkersOptions, io: CliIo): Promise<number> {
  const seed = o.seed ?? o.scenario.seed ?? randomInt(0, 2 ** 32 - 1);
  const startAtMs =
    o.startAtMs ??
    plannedStartAt(
      Date.now(),
      suggestedStartLeadMs({
        count: o.scenario.population.count,
        seedRatePerSec: o.scenario.population.seedRatePerSec,
        seeded: o.scenario.population.kind === 'generated',
      }),
    );
  const outDir = resolve(io.cwd, o.out ?? join('reports', newRunId(o.scenario.name)));
  if (o.scenario.target.kind === 'embedded') {
    io.stderr.write(
      'warning: the target is the embedded emulator: each worker starts its own, with its own quotas; ' +
        'start one with `cogcap emulator` and use an emulator target to share it\n',
    );
  }
  io.stderr.write(`splitting ${o.scenario.name} over ${o.workers} workers, start ${formatStartAt(startAtMs)}, seed ${seed}\n`);
  const { merged } = await runWorkers({
    scenarioFile: resolve(io.cwd, o.scenarioFile),
    workers: o.workers,
    startAtMs,
    seed,
    outDir,
    forwardArgs: [...o.forwardArgs, ...(o.ci ? ['--ci'] : []), '--report-formats', 'none'],
    signal: io.signal,
    log: (line) => io.stderr.write(`${line}\n`),
  });
  const { result } = await finishRunOutputs(merged, outDir, o.outputs, io);
  return runExitCode(result, io.signal.aborted);
}
