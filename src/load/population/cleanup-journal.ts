import type { Driver, ResolvedTarget } from '../flow.js';
import { createSdkDriver } from '../drivers/sdk-driver.js';
import { callWithRetry } from './call-with-retry.js';
import { Journal, readJournal, type JournalHeader } from './journal.js';
import { abortableSleep, pacedLoop } from './paced-loop.js';

/** Default deletion pace, users per second: AdminDeleteUser is charged to UserUpdate (25/s, not adjustable). */
export const DEFAULT_CLEANUP_RATE_PER_SEC = 20;

/** Progress of a cleanup. */
export interface CleanupProgress {
  /** Users the journal lists. */
  readonly total: number;
  /** Deleted by earlier (interrupted) cleanups of this journal. */
  readonly previouslyDeleted: number;
  readonly deleted: number;
  /** UserNotFoundException: never created (crash between journal and create) or deleted elsewhere. */
  readonly alreadyGone: number;
  readonly failed: number;
  readonly retries: number;
}

/** Options of {@link cleanupJournal}. */
export interface CleanupOptions {
  readonly journalPath: string;
  /** Driver for AdminDeleteUser (default: an sdk driver for the journal's target, or for `target`). */
  readonly driver?: Driver;
  /** Overrides the journal's target (e.g. another emulator URL); the pool id comes from the journal if omitted. */
  readonly target?: Partial<ResolvedTarget>;
  /** Deletions per second (default {@link DEFAULT_CLEANUP_RATE_PER_SEC}). */
  readonly ratePerSec?: number;
  readonly maxInFlight?: number;
  readonly maxAttempts?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CleanupProgress) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly nowMs?: () => number;
}

/** What a cleanup did. */
export interface CleanupResult extends CleanupProgress {
  readonly header: JournalHeader;
  /** Users still to delete (failed, or not reached before an abort): run cleanup again. */
  readonly remaining: number;
  /** True for journals of the embedded emulator: its users vanished with it, nothing was sent. */
  readonly embedded: boolean;
  readonly durationMs: number;
  readonly aborted: boolean;
}

/**
 * Deletes exactly the journal's users (AdminDeleteUser), paced under the UserUpdate quota. Each deletion is appended
 * to the journal (`deleted` records), so an interrupted cleanup resumes where it stopped; users journalled but never
 * created (a crash right after the journal write) answer UserNotFoundException and count as already gone.
 */
export async function cleanupJournal(options: CleanupOptions): Promise<CleanupResult> {
  const nowMs = options.nowMs ?? (() => performance.now());
  const sleep = options.sleep ?? abortableSleep(options.signal);
  const startMs = nowMs();
  const content = await readJournal(options.journalPath);
  const { header } = content;
  const todo = content.users.filter((u) => !content.deleted.has(u));
  const previouslyDeleted = content.users.length - todo.length;
  let deleted = 0;
  let alreadyGone = 0;
  let failed = 0;
  let retries = 0;
  const progress = (): CleanupProgress => ({ total: content.users.length, previouslyDeleted, deleted, alreadyGone, failed, retries });
  const finish = (embedded: boolean): CleanupResult => ({
    ...progress(),
    header,
    remaining: todo.length - deleted - alreadyGone,
    embedded,
    durationMs: nowMs() - startMs,
    aborted: options.signal?.aborted === true,
  });
  if (header.target.kind === 'embedded' && !options.target?.endpoint && !options.driver) return finish(true);
  if (todo.length === 0) return finish(false);

  const target: ResolvedTarget = {
    kind: header.target.kind === 'embedded' ? 'emulator' : header.target.kind,
    region: header.target.region,
    userPoolId: header.target.userPoolId,
    clientId: '',
    ...(header.target.endpoint ? { endpoint: header.target.endpoint } : {}),
    ...options.target,
  };
  const driver = options.driver ?? createSdkDriver({ target });
  const journal = await Journal.open(options.journalPath, { runId: header.runId, createdAt: header.createdAt, target: header.target });
  const retry = { maxAttempts: options.maxAttempts, sleep, onRetry: () => (retries += 1) };
  try {
    await pacedLoop(
      todo.length,
      { ratePerSec: options.ratePerSec ?? DEFAULT_CLEANUP_RATE_PER_SEC, maxInFlight: options.maxInFlight, signal: options.signal, nowMs, sleep },
      async (i) => {
        const username = todo[i]!;
        const r = await callWithRetry(driver, 'AdminDeleteUser', { UserPoolId: target.userPoolId, Username: username }, 'cleanup', retry);
        if (r.outcome === 'ok' || r.errorType === 'UserNotFoundException') {
          await journal.append([{ type: 'deleted', username }]);
          if (r.outcome === 'ok') deleted += 1;
          else alreadyGone += 1;
        } else {
          failed += 1;
        }
        options.onProgress?.(progress());
      },
    );
  } finally {
    await journal.close();
    if (!options.driver) await driver.close();
  }
  return finish(false);
}
