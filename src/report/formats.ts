import { InputError } from '../errors.js';
import type { RunResult } from '../metrics/run-result.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';

/**
 * Registry of report formats: name → file name and a pure renderer. (The result JSON itself is not a report format:
 * it is written by the runner and by `cogcap merge`.)
 */

/** One report format. */
export interface ReportFormat {
  readonly name: string;
  /** File written in the output directory. */
  readonly fileName: string;
  readonly describe: string;
  readonly render: (result: RunResult) => string;
}

/** Every format, by name. */
export const REPORT_FORMATS: Readonly<Record<string, ReportFormat>> = {
  md: { name: 'md', fileName: 'report.md', describe: 'Markdown for a pull-request comment', render: renderMarkdown },
  html: { name: 'html', fileName: 'report.html', describe: 'self-contained HTML with charts (works offline)', render: (r) => renderHtml(r) },
  junit: { name: 'junit', fileName: 'junit.xml', describe: 'JUnit XML, one testcase per threshold', render: renderJunit },
};

/** Aliases accepted on the command line. */
const ALIASES: Readonly<Record<string, string>> = { markdown: 'md', xml: 'junit' };

/** Names of every format. */
export const REPORT_FORMAT_NAMES: readonly string[] = Object.keys(REPORT_FORMATS);

/**
 * Resolves a comma-separated list (`md,html,junit`) to formats, without duplicates.
 * @throws InputError naming the unknown formats and listing the valid ones
 */
export function resolveReportFormats(list: string | readonly string[], path = '--format'): ReportFormat[] {
  const names = (typeof list === 'string' ? [list] : list).flatMap((s) => s.split(',')).map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0) throw new InputError('no report format given', [{ path, message: `expected one or more of ${REPORT_FORMAT_NAMES.join(', ')}` }]);
  const unknown = names.filter((n) => !REPORT_FORMATS[ALIASES[n] ?? n]);
  if (unknown.length) {
    throw new InputError(`unknown report format${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}`, [
      { path, message: `expected a comma-separated list of ${REPORT_FORMAT_NAMES.join(', ')}` },
    ]);
  }
  return [...new Set(names.map((n) => ALIASES[n] ?? n))].map((n) => REPORT_FORMATS[n]!);
}
