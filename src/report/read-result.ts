import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError, type InputProblem } from '../errors.js';
import { RUN_RESULT_SCHEMA, RUN_RESULT_VERSION, type RunResult } from '../metrics/run-result.js';

/**
 * Reading result files (`cogcap report`, `compare`, `merge`). The structure is checked with a loose zod schema
 * (the fields reports, thresholds and merges read; extra fields are allowed) so a wrong or truncated file is an
 * input error naming the file and field, not a crash.
 */

const summary = z.looseObject({ count: z.number(), minUs: z.number(), meanUs: z.number(), p50Us: z.number(), p90Us: z.number(), p95Us: z.number(), p99Us: z.number(), p999Us: z.number(), maxUs: z.number() });
const callStats = {
  count: z.number(),
  ok: z.number(),
  throttled: z.number(),
  clientErrors: z.number(),
  serverErrors: z.number(),
  timeouts: z.number(),
  errorsByType: z.record(z.string(), z.number()),
  achievedRatePerSec: z.number(),
  throttleRate: z.number(),
  errorRate: z.number(),
  latency: z.looseObject({ intended: summary, service: summary, encoded: z.looseObject({ intendedUs: z.string(), serviceUs: z.string() }) }),
};
const seriesCategory = z.looseObject({ requests: z.number(), throttles: z.number(), errors: z.number(), p50Us: z.number(), p99Us: z.number(), encodedUs: z.string().optional() });
const threshold = z.looseObject({ expression: z.string(), metric: z.string(), measured: z.number(), limit: z.number(), unit: z.string(), passed: z.boolean() });
const lag = z.looseObject({ p50Us: z.number(), p99Us: z.number(), maxUs: z.number() });

/** Loose schema of a result file (see module doc). */
export const runResultFileSchema = z.looseObject({
  schema: z.literal(RUN_RESULT_SCHEMA),
  version: z.literal(RUN_RESULT_VERSION),
  runId: z.string(),
  toolVersion: z.string(),
  scenario: z.looseObject({ name: z.string(), hash: z.string(), tags: z.record(z.string(), z.string()).default({}) }),
  target: z.looseObject({ kind: z.enum(['embedded', 'emulator', 'aws']) }),
  shard: z.looseObject({ index: z.number().int().min(0), count: z.number().int().min(1) }).optional(),
  mergedShards: z.array(z.looseObject({ index: z.number().int(), count: z.number().int(), runId: z.string() })).optional(),
  startedAt: z.string(),
  endedAt: z.string(),
  durationMs: z.number(),
  interrupted: z.boolean(),
  driver: z.looseObject({ name: z.string(), model: z.enum(['open', 'closed']) }),
  intervalMs: z.number().positive(),
  totals: z.looseObject({ ...callStats, plannedArrivals: z.number(), startedArrivals: z.number(), droppedArrivals: z.number(), lateArrivals: z.number(), targetRatePerSec: z.number() }),
  categories: z.record(z.string(), z.looseObject({ ...callStats, category: z.string(), quotaRatePerSec: z.number().nullable(), peakRatePerSec: z.number() })),
  operations: z.record(z.string(), z.looseObject({ ...callStats, operation: z.string(), category: z.string() })),
  flows: z.record(
    z.string(),
    z.looseObject({
      flow: z.string(),
      planned: z.number(),
      started: z.number(),
      late: z.number(),
      dropped: z.number(),
      completed: z.number(),
      succeeded: z.number(),
      failed: z.number(),
      achievedRatePerSec: z.number(),
      targetRatePerSec: z.number(),
      latency: z.looseObject({ summary, encodedUs: z.string() }),
    }),
  ),
  series: z.array(
    z.looseObject({
      tSec: z.number(),
      plannedArrivals: z.number(),
      startedArrivals: z.number(),
      droppedArrivals: z.number(),
      requests: z.number(),
      throttles: z.number(),
      errors: z.number(),
      p50Us: z.number(),
      p99Us: z.number(),
      byCategory: z.record(z.string(), seriesCategory),
    }),
  ),
  generator: z.looseObject({ eventLoopLag: lag, startLag: lag, cpuPercent: z.number(), maxRssBytes: z.number(), saturated: z.boolean(), warnings: z.array(z.string()) }),
  thresholds: z.array(threshold),
});

const pathOf = (p: readonly PropertyKey[]): string =>
  p.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');

/**
 * Parses and checks a result file's text.
 * @throws InputError (exit 2) naming `file`, each bad field and what was expected
 */
export function parseRunResult(text: string, file: string): RunResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file} is not a cogcap result file`, [{ file, path: '', message: `not valid JSON (${(err as Error).message})` }]);
  }
  const head = json as { schema?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.schema !== RUN_RESULT_SCHEMA) {
    throw new InputError(`${file} is not a cogcap result file`, [{ file, path: 'schema', message: `expected "${RUN_RESULT_SCHEMA}" (a result.json written by cogcap run or cogcap merge)` }]);
  }
  if (typeof head.version === 'number' && head.version > RUN_RESULT_VERSION) {
    throw new InputError(`${file} was written by a newer cogcap`, [{ file, path: 'version', message: `result version ${head.version}; this cogcap reads version ${RUN_RESULT_VERSION}` }], 'Upgrade cogcap.');
  }
  const r = runResultFileSchema.safeParse(json);
  if (!r.success) {
    const problems: InputProblem[] = r.error.issues.slice(0, 20).map((i) => ({ file, path: pathOf(i.path), message: i.message }));
    throw new InputError(`${file} is not a valid cogcap result file`, problems);
  }
  return r.data as unknown as RunResult;
}

/** Reads and checks a result file. @throws InputError when it cannot be read or is not a valid result. */
export async function readRunResult(file: string): Promise<RunResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${file}`, [{ file, path: '', message: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a result.json file' : (err as Error).message }]);
  }
  return parseRunResult(text, file);
}
