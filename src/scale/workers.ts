import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CogcapError, ExitCode, InputError } from '../errors.js';
import { mergeResults } from '../metrics/merge.js';
import type { RunResult } from '../metrics/run-result.js';
import { formatShard, type ShardSpec } from './shard.js';
import { START_AT_TOLERANCE_ENV, formatStartAt } from './start-at.js';

/**
 * `--workers N` on one machine: a local coordinator that starts N child processes, each running shard i/N of the
 * same scenario with one shared start time and seed, waits for them, reads their result files and merges them.
 * The total rate is split (each child runs arrivals n with n mod N = i), never multiplied.
 */

/** What one child is asked to do. */
export interface WorkerSpec {
  readonly shard: ShardSpec;
  /** Command-line arguments after the CLI entry point (`run <scenario> --shard i/N ...`). */
  readonly args: readonly string[];
  /** Result file the child writes. */
  readonly resultFile: string;
  /** Extra environment variables of the child. */
  readonly env: Readonly<Record<string, string>>;
}

/** How a child ended. */
export interface WorkerExit {
  readonly exitCode: number;
  /** Last lines of the child's stderr (for error messages). */
  readonly stderrTail: string;
}

/** Starts one child and resolves when it exits. Injected in tests; the default forks `node <cli> ...args`. */
export type SpawnWorker = (spec: WorkerSpec, signal: AbortSignal | undefined) => Promise<WorkerExit>;

/** Options of {@link runWorkers}. */
export interface RunWorkersOptions {
  /** Scenario file, as given to `cogcap run`. */
  readonly scenarioFile: string;
  /** Number of child processes (≥ 1). */
  readonly workers: number;
  /**
   * Shared start time, epoch ms: every child starts its schedule at this instant. Leave enough lead for the
   * children to start and seed their slices ({@link suggestedStartLeadMs}): a child that reaches the check more
   * than 2 s after it refuses (exit 2). Undefined: each child starts as soon as it is ready (not synchronised).
   */
  readonly startAtMs?: number;
  /** Shared seed (every child must compute the same whole schedule). */
  readonly seed: number;
  /** Directory for the children's outputs: worker i writes `<outDir>/worker-<i>/result.json`. */
  readonly outDir: string;
  /** Further arguments forwarded to every child (driver, acknowledgement flag, ...). */
  readonly forwardArgs?: readonly string[];
  /** Merges shard results into one; default `mergeResults` of src/metrics/merge.ts with the files as sources. */
  readonly merge?: (results: readonly RunResult[], resultFiles: readonly string[]) => RunResult;
  /** Aborting sends SIGTERM to every child (they stop gracefully and write partial results). */
  readonly signal?: AbortSignal;
  /** Builds a child's arguments; default {@link defaultWorkerArgs}. */
  readonly buildArgs?: (input: WorkerArgsInput) => readonly string[];
  readonly spawnWorker?: SpawnWorker;
  /** Reads a result file; default reads and parses JSON. */
  readonly readResult?: (file: string) => Promise<RunResult>;
  /** Progress lines (a child's start and end). */
  readonly log?: (line: string) => void;
  /**
   * How late a child may reach the shared start and still run (it then starts at once), ms; default 60 s.
   * Passed to the children as {@link START_AT_TOLERANCE_ENV}.
   */
  readonly lateStartToleranceMs?: number;
}

/** What a child's arguments are built from. */
export interface WorkerArgsInput {
  readonly scenarioFile: string;
  readonly shard: ShardSpec;
  /** Undefined when the children are not synchronised. */
  readonly startAtIso?: string;
  readonly seed: number;
  readonly outDir: string;
  readonly forwardArgs: readonly string[];
}

/** Outcome of {@link runWorkers}. */
export interface RunWorkersResult {
  readonly merged: RunResult;
  /** Shard results in shard order. */
  readonly results: readonly RunResult[];
  readonly exits: readonly WorkerExit[];
}

/**
 * Lead time to give children before the shared start, ms: process start-up (10 s) plus seeding, which every shard
 * does at its share of the pace (`count / N` users at `seedRatePerSec / N`), i.e. `count / seedRatePerSec` seconds.
 */
export function suggestedStartLeadMs(population: { readonly count: number; readonly seedRatePerSec: number; readonly seeded: boolean }): number {
  const seedingMs = population.seeded && population.seedRatePerSec > 0 ? (population.count / population.seedRatePerSec) * 1000 : 0;
  return 10_000 + Math.ceil(seedingMs);
}

/** Exit codes of a child after which its result file is expected: ok, thresholds failed, interrupted. */
const RESULT_WRITTEN_CODES: ReadonlySet<number> = new Set([ExitCode.Ok, ExitCode.ThresholdsFailed, ExitCode.Interrupted]);

/**
 * `run <scenario> --shard i/N --start-at <iso> --seed <seed> --out <outDir> ...forwardArgs`. The flag names
 * follow `cogcap run`; pass `buildArgs` if they differ.
 */
export function defaultWorkerArgs(input: WorkerArgsInput): readonly string[] {
  return [
    'run',
    input.scenarioFile,
    '--shard',
    formatShard(input.shard),
    ...(input.startAtIso !== undefined ? ['--start-at', input.startAtIso] : []),
    '--seed',
    String(input.seed),
    '--out',
    input.outDir,
    ...input.forwardArgs,
  ];
}

/**
 * Runs N children, waits for all of them, and merges their results. Throws a {@link CogcapError} naming the
 * worker when a child fails without a result (its exit code and the end of its stderr), or when a result is
 * missing or unreadable.
 */
export async function runWorkers(options: RunWorkersOptions): Promise<RunWorkersResult> {
  const n = options.workers;
  if (!Number.isInteger(n) || n < 1) {
    throw new InputError(`invalid worker count ${n}`, [{ path: '--workers', message: 'expected an integer >= 1' }]);
  }
  const buildArgs = options.buildArgs ?? defaultWorkerArgs;
  const spawnWorker = options.spawnWorker ?? forkCli();
  const readResult = options.readResult ?? readResultFile;
  const log = options.log ?? (() => undefined);
  const startAtIso = options.startAtMs !== undefined ? formatStartAt(options.startAtMs) : undefined;
  const specs: WorkerSpec[] = [];
  for (let index = 0; index < n; index += 1) {
    const shard = { index, count: n };
    const outDir = join(options.outDir, `worker-${index}`);
    await mkdir(outDir, { recursive: true });
    specs.push({
      shard,
      resultFile: join(outDir, 'result.json'),
      env: { [START_AT_TOLERANCE_ENV]: String(options.lateStartToleranceMs ?? 60_000) },
      args: buildArgs({
        scenarioFile: options.scenarioFile,
        shard,
        ...(startAtIso !== undefined ? { startAtIso } : {}),
        seed: options.seed,
        outDir,
        forwardArgs: options.forwardArgs ?? [],
      }),
    });
  }
  log(`starting ${n} workers${startAtIso ? ` at ${startAtIso}` : ''} (seed ${options.seed})`);
  const exits = await Promise.all(
    specs.map(async (spec) => {
      const exit = await spawnWorker(spec, options.signal);
      log(`worker ${formatShard(spec.shard)} exited with code ${exit.exitCode}`);
      return exit;
    }),
  );
  const failed = specs.map((spec, i) => ({ spec, exit: exits[i]! })).filter(({ exit }) => !RESULT_WRITTEN_CODES.has(exit.exitCode));
  if (failed.length > 0) {
    const first = failed[0]!;
    const fatal = failed.find(({ exit }) => exit.exitCode === ExitCode.BadInput || exit.exitCode === ExitCode.TargetUnavailable) ?? first;
    throw new CogcapError(
      `${failed.length} of ${n} workers failed: ` +
        failed.map(({ spec, exit }) => `worker ${formatShard(spec.shard)} exit ${exit.exitCode}`).join(', ') +
        (fatal.exit.stderrTail ? `\nworker ${formatShard(fatal.spec.shard)} said:\n${fatal.exit.stderrTail}` : ''),
      fatal.exit.exitCode === ExitCode.BadInput || fatal.exit.exitCode === ExitCode.TargetUnavailable ? fatal.exit.exitCode : ExitCode.Internal,
      `the other workers' results are in ${options.outDir}`,
    );
  }
  const results: RunResult[] = [];
  for (const spec of specs) {
    try {
      results.push(await readResult(spec.resultFile));
    } catch (err) {
      throw new CogcapError(
        `worker ${formatShard(spec.shard)} wrote no readable result at ${spec.resultFile}: ${(err as Error).message}`,
        ExitCode.Internal,
      );
    }
  }
  const files = specs.map((s) => s.resultFile);
  const merge = options.merge ?? ((r: readonly RunResult[], sources: readonly string[]) => mergeResults(r, { sources }));
  return { merged: merge(results, files), results, exits };
}

async function readResultFile(file: string): Promise<RunResult> {
  return JSON.parse(await readFile(file, 'utf8')) as RunResult;
}

/**
 * The child entry: `worker-entry.js` next to this module when compiled, or the `.ts` source through tsx's loader
 * (tests and `tsx` runs of the sources).
 */
export function defaultWorkerEntry(): { file: string; nodeArgs: string[] } {
  const js = fileURLToPath(new URL('./worker-entry.js', import.meta.url));
  if (existsSync(js)) return { file: js, nodeArgs: [] };
  const ts = fileURLToPath(new URL('./worker-entry.ts', import.meta.url));
  const resolveSpecifier = (import.meta as { resolve?: (s: string) => string }).resolve;
  return { file: ts, nodeArgs: ['--import', typeof resolveSpecifier === 'function' ? resolveSpecifier('tsx') : 'tsx'] };
}

/**
 * The default {@link SpawnWorker}: `node [execArgv] <cliPath> ...args`, stdout and stderr prefixed with
 * `[worker i/N]` and copied to `output` (default the parent's stderr), SIGTERM on abort. The default entry is
 * {@link defaultWorkerEntry} (the CLI).
 */
export function forkCli(
  cliPath: string = defaultWorkerEntry().file,
  output: NodeJS.WritableStream = process.stderr,
  nodeArgs: readonly string[] = cliPath === defaultWorkerEntry().file ? defaultWorkerEntry().nodeArgs : [],
): SpawnWorker {
  return (spec, signal) =>
    new Promise<WorkerExit>((resolve, reject) => {
      const child = spawn(process.execPath, [...nodeArgs, cliPath, ...spec.args], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...spec.env },
      });
      const prefix = `[worker ${formatShard(spec.shard)}] `;
      const tail: string[] = [];
      const relay = (keepTail: boolean) => {
        let partial = '';
        return (chunk: Buffer): void => {
          const lines = (partial + chunk.toString('utf8')).split('\n');
          partial = lines.pop() ?? '';
          for (const line of lines) {
            output.write(`${prefix}${line}\n`);
            if (keepTail) {
              tail.push(line);
              if (tail.length > 20) tail.shift();
            }
          }
        };
      };
      child.stdout.on('data', relay(false));
      child.stderr.on('data', relay(true));
      const onAbort = (): void => void child.kill('SIGTERM');
      signal?.addEventListener('abort', onAbort, { once: true });
      child.on('error', (err) => {
        signal?.removeEventListener('abort', onAbort);
        reject(err);
      });
      child.on('close', (code, sig) => {
        signal?.removeEventListener('abort', onAbort);
        resolve({ exitCode: code ?? (sig === 'SIGTERM' || sig === 'SIGINT' ? ExitCode.Interrupted : ExitCode.Internal), stderrTail: tail.join('\n') });
      });
    });
}
