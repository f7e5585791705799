import { resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../../errors.js';
import { cleanupJournal, DEFAULT_CLEANUP_RATE_PER_SEC, readJournal } from '../../load/population/index.js';
import { progressPrinter } from './population-progress.js';

interface CleanupArgs {
  readonly journal: string;
  readonly endpoint?: string;
  readonly rate?: number;
}

/** `cogcap cleanup --journal <file>`: deletes exactly the users a journal lists; resumable. */
export const cleanupCommand: CliCommand<CleanupArgs> = {
  command: 'cleanup',
  describe: 'Delete exactly the users a journal lists (AdminDeleteUser paced under UserUpdate); safe to run again after a crash',
  builder: (y) =>
    y
      .option('journal', { type: 'string', demandOption: true, describe: 'Journal written by cogcap seed or cogcap run' })
      .option('endpoint', { type: 'string', describe: 'Override the emulator URL recorded in the journal' })
      .option('rate', { type: 'number', describe: `Deletions per second (default ${DEFAULT_CLEANUP_RATE_PER_SEC}; UserUpdate quota is 25/s)` }),
  examples: [['cogcap cleanup --journal reports/seed-1a2b3c4d.journal.jsonl', 'Delete the users of an earlier seeding']],
  run: async (args, io) => {
    const journalPath = resolve(io.cwd, args.journal);
    const content = await readJournal(journalPath);
    const t = content.header.target;
    const todo = content.users.filter((u) => !content.deleted.has(u)).length;
    io.stdout.write(`${content.users.length} users in ${journalPath} (${todo} to delete) from ${t.userPoolId} (${args.endpoint ?? t.endpoint ?? t.region})\n`);
    const progress = progressPrinter(io.stderr as NodeJS.WritableStream & { isTTY?: boolean }, 'deleting');
    const r = await cleanupJournal({
      journalPath,
      ...(args.endpoint ? { target: { endpoint: args.endpoint, kind: 'emulator' as const } } : {}),
      ...(args.rate !== undefined ? { ratePerSec: args.rate } : {}),
      signal: io.signal,
      onProgress: (p) => progress.update(p.deleted + p.alreadyGone + p.failed, todo, `deleted ${p.deleted} gone ${p.alreadyGone} failed ${p.failed} retries ${p.retries}`),
    });
    progress.done();
    if (r.embedded) {
      io.stdout.write('the journal is from the embedded emulator: its users vanished with it, nothing to delete\n');
      return ExitCode.Ok;
    }
    io.stdout.write(
      `${r.aborted ? 'interrupted: ' : ''}${r.deleted} deleted, ${r.alreadyGone} already gone, ${r.failed} failed, ` +
        `${r.remaining} remaining (${r.previouslyDeleted} deleted earlier) in ${(r.durationMs / 1000).toFixed(1)} s\n`,
    );
    if (r.remaining > 0) io.stdout.write(`run again to finish: cogcap cleanup --journal ${args.journal}\n`);
    if (r.aborted) return ExitCode.Interrupted;
    return r.remaining > 0 ? ExitCode.TargetUnavailable : ExitCode.Ok;
  },
};
