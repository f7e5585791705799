import { TargetError } from '../../errors.js';
import type { Driver, TestUser } from '../flow.js';
import { callWithRetry } from './call-with-retry.js';
import type { Journal } from './journal.js';
import { abortableSleep, pacedLoop } from './paced-loop.js';

/** Default seeding pace against AWS, users per second: each user costs one AdminCreateUser (UserCreation, 50/s)
 * and one AdminSetUserPassword (UserAccountRecovery, 30/s, not adjustable), so 20/s leaves headroom in both. */
export const DEFAULT_SEED_RATE_PER_SEC = 20;

/** Progress of a seeding. */
export interface SeedProgress {
  readonly total: number;
  /** Users finished (created, already existing, or failed). */
  readonly done: number;
  readonly created: number;
  readonly existing: number;
  readonly failed: number;
  /** Calls retried after a throttle, server error or timeout. */
  readonly retries: number;
}

/** Options of {@link seedPopulation}. */
export interface SeedPopulationOptions {
  /** A driver that can send signed admin operations (the `sdk` driver). */
  readonly driver: Driver;
  readonly userPoolId: string;
  /** Every user is appended (and fsync'd) here before its create call. */
  readonly journal: Journal;
  readonly count: number;
  readonly usernameOf: (index: number) => string;
  /** Password of a user (derived from the in-memory per-run secret; never written). */
  readonly passwordOf: (username: string) => string;
  readonly emailOf?: (username: string) => string | undefined;
  /** Users per second (default {@link DEFAULT_SEED_RATE_PER_SEC}). */
  readonly ratePerSec?: number;
  /** Users being created at once (default 16). */
  readonly maxInFlight?: number;
  /** Attempts per call on throttles, server errors and timeouts (default 6). */
  readonly maxAttempts?: number;
  /**
   * Emulator-only fast path: creates confirmed users with permanent passwords directly (no API calls, no quota).
   * Users are journalled in batches, each batch before its `bulkCreate`.
   */
  readonly bulkCreate?: (users: readonly TestUser[]) => Promise<void>;
  /** Users per bulk batch (default 1,000). */
  readonly bulkBatchSize?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SeedProgress) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly nowMs?: () => number;
}

/** What a seeding did. */
export interface SeedResult extends SeedProgress {
  /** Usernames of the users that exist now (created or already there), in index order. */
  readonly usernames: readonly string[];
  readonly durationMs: number;
  /** True when stopped by the abort signal before the end. */
  readonly aborted: boolean;
}

/** More failed users than this (and no success) means the target refuses us: stop with a TargetError. */
const EARLY_FAILURES = 20;

/**
 * Seeds `count` confirmed users with permanent passwords, paced under the UserCreation quota:
 * journal (fsync) → AdminCreateUser (MessageAction SUPPRESS, email verified) → AdminSetUserPassword (Permanent).
 * An existing username (UsernameExistsException, e.g. a resumed seeding) gets its password set and counts as
 * existing. Throttles are retried with back-off (seeding is not a measurement).
 */
export async function seedPopulation(options: SeedPopulationOptions): Promise<SeedResult> {
  const nowMs = options.nowMs ?? (() => performance.now());
  const sleep = options.sleep ?? abortableSleep(options.signal);
  const startMs = nowMs();
  const usernames: (string | undefined)[] = new Array(options.count);
  let created = 0;
  let existing = 0;
  let failed = 0;
  let retries = 0;
  let firstFailure: string | undefined;
  const progress = (): SeedProgress => ({ total: options.count, done: created + existing + failed, created, existing, failed, retries });
  const userOf = (index: number): TestUser => {
    const username = options.usernameOf(index);
    const email = options.emailOf?.(username);
    return { username, password: options.passwordOf(username), ...(email ? { email } : {}) };
  };

  if (options.bulkCreate) {
    const batch = Math.max(1, options.bulkBatchSize ?? 1000);
    for (let from = 0; from < options.count && !options.signal?.aborted; from += batch) {
      const users = Array.from({ length: Math.min(batch, options.count - from) }, (_, k) => userOf(from + k));
      await options.journal.append(users.map((u) => ({ type: 'user', username: u.username, ...(u.email ? { email: u.email } : {}), origin: 'seed' })));
      await options.bulkCreate(users);
      users.forEach((u, k) => (usernames[from + k] = u.username));
      created += users.length;
      options.onProgress?.(progress());
    }
  } else {
    const retry = { maxAttempts: options.maxAttempts, sleep, onRetry: () => (retries += 1) };
    await pacedLoop(
      options.count,
      { ratePerSec: options.ratePerSec ?? DEFAULT_SEED_RATE_PER_SEC, maxInFlight: options.maxInFlight, signal: options.signal, nowMs, sleep },
      async (index) => {
        const user = userOf(index);
        await options.journal.append([{ type: 'user', username: user.username, ...(user.email ? { email: user.email } : {}), origin: 'seed' }]);
        const create = await callWithRetry(
          options.driver,
          'AdminCreateUser',
          {
            UserPoolId: options.userPoolId,
            Username: user.username,
            MessageAction: 'SUPPRESS',
            UserAttributes: user.email
              ? [
                  { Name: 'email', Value: user.email },
                  { Name: 'email_verified', Value: 'true' },
                ]
              : [],
          },
          'seed',
          retry,
        );
        const exists = create.outcome !== 'ok' && create.errorType === 'UsernameExistsException';
        let ok = create.outcome === 'ok' || exists;
        if (ok) {
          const set = await callWithRetry(
            options.driver,
            'AdminSetUserPassword',
            { UserPoolId: options.userPoolId, Username: user.username, Password: user.password, Permanent: true },
            'seed',
            retry,
          );
          ok = set.outcome === 'ok';
          if (!ok) firstFailure ??= `AdminSetUserPassword: ${set.errorType ?? set.outcome}`;
        } else {
          firstFailure ??= `AdminCreateUser: ${create.errorType ?? create.outcome}`;
        }
        if (ok) {
          usernames[index] = user.username;
          if (exists) existing += 1;
          else created += 1;
        } else {
          failed += 1;
          if (failed >= EARLY_FAILURES && created + existing === 0) {
            throw new TargetError(`seeding failed for the first ${failed} users (first: ${firstFailure})`, 'check the target, its password policy and the credentials');
          }
        }
        options.onProgress?.(progress());
      },
    );
  }
  return {
    ...progress(),
    usernames: usernames.filter((u): u is string => u !== undefined),
    durationMs: nowMs() - startMs,
    aborted: options.signal?.aborted === true && created + existing + failed < options.count,
  };
}
