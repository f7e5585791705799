import { join, resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../../errors.js';
import { mergeResults } from '../../metrics/merge.js';
import { allThresholdsPassed } from '../../metrics/thresholds/evaluate-thresholds.js';
import { readRunResult } from '../../report/read-result.js';
import { renderTerminalSummary } from '../../report/terminal.js';
import { writeResultFile } from '../../report/write.js';

interface MergeArgs {
  readonly results: readonly string[];
  readonly out?: string;
}

/**
 * `cogcap merge <results...> --out <file>`: merges shard results into one result (same schema), re-evaluates the
 * thresholds, prints a compact summary; exit 1 when a threshold fails on the merged figures, 2 when the files
 * cannot be merged (different scenarios, overlapping shards, invalid files).
 */
export const mergeCommand: CliCommand<MergeArgs> = {
  command: 'merge <results..>',
  describe: 'Merge shard results into one result (histograms added, counters summed, series aligned); exit 1 if a threshold fails on the merged result',
  builder: (y) =>
    y
      .positional('results', { type: 'string', array: true, describe: 'Shard result files', demandOption: true })
      .option('out', { type: 'string', describe: 'Merged result file (default reports/<merged-run-id>/result.json)' }),
  examples: [
    ['cogcap merge shard-*/result.json --out reports/merged/result.json', 'Merge every shard, then: cogcap report reports/merged/result.json'],
  ],
  run: async (args, io) => {
    const files = args.results.map((f) => resolve(io.cwd, f));
    const results = await Promise.all(files.map((f) => readRunResult(f)));
    const merged = mergeResults(results, { sources: args.results });
    const out = resolve(io.cwd, args.out ?? join('reports', merged.runId, 'result.json'));
    await writeResultFile(merged, out);
    io.stdout.write(renderTerminalSummary(merged, { compact: true }));
    io.stdout.write(`result: ${out}\n`);
    return allThresholdsPassed(merged.thresholds) ? ExitCode.Ok : ExitCode.ThresholdsFailed;
  },
};
