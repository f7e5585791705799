import { join, resolve } from 'node:path';
import type { CliIo } from './command.js';
import { ExitCode } from '../errors.js';
import type { RunResult } from '../metrics/run-result.js';
import { compareResults, type CompareOptions } from '../report/compare.js';
import { renderComparisonText } from '../report/compare-render.js';
import { resolveReportFormats, type ReportFormat } from '../report/formats.js';
import { readRunResult } from '../report/read-result.js';
import { renderTerminalSummary } from '../report/terminal.js';
import { writeReports, writeResultFile } from '../report/write.js';
import { parseFraction } from './commands/compare.js';

/**
 * What `cogcap run` does with a result once the load is over (single runs and `--workers` merges alike): compares
 * it with a baseline (stored in `result.comparison`), writes `result.json`, writes the reports, prints the terminal
 * summary, the comparison and the file paths, and picks the exit code.
 */

/** The outputs a run was asked for, checked before the run starts. */
export interface RunOutputsPlan {
  /** Report formats to write next to result.json (empty for `--report-formats none`). */
  readonly formats: readonly ReportFormat[];
  /** The baseline result and comparison options (`--baseline`, `--tolerance`). */
  readonly baseline?: { readonly file: string; readonly result: RunResult; readonly options: CompareOptions };
  /** Compact output (CI). */
  readonly compact: boolean;
}

/** The `--report-formats` default. */
export const DEFAULT_RUN_REPORT_FORMATS = 'md,html,junit';

/**
 * Checks `--report-formats`, `--baseline` and `--tolerance` (reads and validates the baseline file).
 * @throws InputError (exit 2) for an unknown format, an unreadable or invalid baseline, a bad tolerance
 */
export async function planRunOutputs(
  args: { readonly reportFormats?: string; readonly baseline?: string; readonly tolerance?: string; readonly compact: boolean },
  cwd: string,
): Promise<RunOutputsPlan> {
  const list = (args.reportFormats ?? DEFAULT_RUN_REPORT_FORMATS).trim();
  const formats = list.toLowerCase() === 'none' ? [] : resolveReportFormats(list, '--report-formats');
  const tolerance = args.tolerance !== undefined ? parseFraction(args.tolerance, '--tolerance') : undefined;
  const baseline =
    args.baseline !== undefined
      ? {
          file: resolve(cwd, args.baseline),
          result: await readRunResult(resolve(cwd, args.baseline)),
          options: tolerance !== undefined ? { tolerance } : {},
        }
      : undefined;
  return { formats, compact: args.compact, ...(baseline ? { baseline } : {}) };
}

/** What {@link finishRunOutputs} wrote. */
export interface RunOutputsWritten {
  /** The result as written (with `comparison` when a baseline was given). */
  readonly result: RunResult;
  readonly resultFile: string;
  readonly reportPaths: readonly string[];
}

/** Compares, writes result.json and the reports into `outDir`, prints the summary; see module doc. */
export async function finishRunOutputs(result: RunResult, outDir: string, plan: RunOutputsPlan, io: Pick<CliIo, 'stdout'>): Promise<RunOutputsWritten> {
  const comparison = plan.baseline ? compareResults(plan.baseline.result, result, plan.baseline.options) : undefined;
  const final: RunResult = comparison ? { ...result, comparison } : result;
  const resultFile = await writeResultFile(final, join(outDir, 'result.json'));
  const reportPaths = plan.formats.length > 0 ? await writeReports(final, plan.formats, outDir) : [];
  io.stdout.write(renderTerminalSummary(final, { compact: plan.compact }));
  if (comparison) {
    io.stdout.write(`\nbaseline ${plan.baseline!.file}:\n${renderComparisonText(comparison)}`);
  }
  io.stdout.write(`result: ${resultFile}\n`);
  if (reportPaths.length > 0) {
    io.stdout.write(plan.compact ? `reports: ${reportPaths.join(' ')}\n` : reportPaths.map((p) => `report: ${p}\n`).join(''));
  }
  return { result: final, resultFile, reportPaths };
}

/**
 * The exit code of a finished run: 130 when interrupted by a signal (thresholds not judged), 1 when a threshold
 * fails or the baseline comparison fails, 0 otherwise.
 */
export function runExitCode(result: RunResult, interruptedBySignal: boolean): number {
  if (result.interrupted && interruptedBySignal) return ExitCode.Interrupted;
  if (result.thresholds.some((t) => !t.passed)) return ExitCode.ThresholdsFailed;
  const verdict = (result.comparison as { verdict?: string } | undefined)?.verdict;
  if (verdict === 'fail') return ExitCode.ThresholdsFailed;
  return ExitCode.Ok;
}
