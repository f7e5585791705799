import { resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { ExitCode, InputError } from '../../errors.js';
import { DEFAULT_COMPARE_OPTIONS, compareResults } from '../../report/compare.js';
import { renderComparisonMarkdown, renderComparisonText } from '../../report/compare-render.js';
import { readRunResult } from '../../report/read-result.js';
import { writeTextFile } from '../../report/write.js';

interface CompareArgs {
  readonly baseline: string;
  readonly result: string;
  readonly tolerance: string;
  readonly throttleTolerance: string;
  readonly minSamples: number;
  readonly format: string;
  readonly out?: string;
}

/** Parses `10%` or `0.1` into a fraction 0-1. @throws InputError */
export function parseFraction(text: string, path: string): number {
  const t = String(text).trim();
  const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(t);
  const value = m ? (m[2] ? Number(m[1]) / 100 : Number(m[1])) : Number.NaN;
  if (!m || !(value >= 0 && value <= 10)) {
    throw new InputError(`invalid ${path} "${t}"`, [{ path, message: 'expected a percentage such as 10% or a fraction such as 0.1' }]);
  }
  return value;
}

/** `cogcap compare <baseline.json> <result.json>`: per-category p95/p99/throttle-rate deltas; exit 1 on regression. */
export const compareCommand: CliCommand<CompareArgs> = {
  command: 'compare <baseline> <result>',
  describe: 'Compare a result against a baseline result per quota category (p95, p99, throttle rate); exit 1 on a regression beyond tolerance',
  builder: (y) =>
    y
      .positional('baseline', { type: 'string', describe: 'Baseline result.json', demandOption: true })
      .positional('result', { type: 'string', describe: 'Result to judge', demandOption: true })
      .option('tolerance', { type: 'string', default: '10%', describe: 'Latency regression tolerance (relative)' })
      .option('throttle-tolerance', { type: 'string', default: '1%', describe: 'Throttle-rate tolerance (absolute percentage points)' })
      .option('min-samples', { type: 'number', default: DEFAULT_COMPARE_OPTIONS.minSamples, describe: 'Calls needed in both runs to judge a category' })
      .option('format', { type: 'string', default: 'text', choices: ['text', 'md', 'json'], describe: 'Output format' })
      .option('out', { type: 'string', describe: 'Also write the output to this file' }),
  examples: [
    ['cogcap compare baseline.json reports/run-123/result.json', 'Fail (exit 1) when a category got more than 10% slower at p95/p99'],
    ['cogcap compare base.json new.json --tolerance 5% --format md --out comparison.md', 'Stricter, as Markdown for a PR comment'],
  ],
  run: async (args, io) => {
    const tolerance = parseFraction(args.tolerance, '--tolerance');
    const throttleTolerance = parseFraction(args.throttleTolerance, '--throttle-tolerance');
    if (!Number.isInteger(args.minSamples) || args.minSamples < 1) {
      throw new InputError(`invalid --min-samples ${args.minSamples}`, [{ path: '--min-samples', message: 'expected a whole number of calls, at least 1' }]);
    }
    const [baseline, result] = await Promise.all([readRunResult(resolve(io.cwd, args.baseline)), readRunResult(resolve(io.cwd, args.result))]);
    const comparison = compareResults(baseline, result, { tolerance, throttleTolerance, minSamples: args.minSamples });
    const text =
      args.format === 'json' ? `${JSON.stringify(comparison, null, 2)}\n` : args.format === 'md' ? renderComparisonMarkdown(comparison) : renderComparisonText(comparison);
    io.stdout.write(text);
    if (args.out) io.stdout.write(`${await writeTextFile(resolve(io.cwd, args.out), text)}\n`);
    return comparison.verdict === 'pass' ? ExitCode.Ok : ExitCode.ThresholdsFailed;
  },
};
