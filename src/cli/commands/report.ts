import { dirname, resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { REPORT_FORMAT_NAMES, resolveReportFormats } from '../../report/formats.js';
import { readRunResult } from '../../report/read-result.js';
import { writeReports } from '../../report/write.js';

interface ReportArgs {
  readonly result: string;
  readonly format: string;
  readonly out?: string;
}

/** `cogcap report <result.json> --format md,html,junit [--out <dir>]`: re-renders reports from a result file. */
export const reportCommand: CliCommand<ReportArgs> = {
  command: 'report <result>',
  describe: 'Render reports (Markdown, self-contained HTML, JUnit XML) from a result.json; prints the files written',
  builder: (y) =>
    y
      .positional('result', { type: 'string', describe: 'Result file written by cogcap run or cogcap merge', demandOption: true })
      .option('format', { type: 'string', default: 'md,html,junit', describe: `Comma-separated formats: ${REPORT_FORMAT_NAMES.join(', ')}` })
      .option('out', { type: 'string', describe: 'Output directory (default: the result file\'s directory)' }),
  examples: [
    ['cogcap report reports/run-123/result.json', 'Write report.md, report.html and junit.xml beside the result'],
    ['cogcap report merged.json --format html --out public/', 'Only the HTML report, into public/'],
  ],
  run: async (args, io) => {
    const formats = resolveReportFormats(args.format);
    const file = resolve(io.cwd, args.result);
    const result = await readRunResult(file);
    const outDir = args.out ? resolve(io.cwd, args.out) : dirname(file);
    const paths = await writeReports(result, formats, outDir);
    io.stdout.write(paths.map((p) => `${p}\n`).join(''));
    return 0;
  },
};
