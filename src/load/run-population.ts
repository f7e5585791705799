import { join } from 'node:path';
import type { Scenario } from '../config/scenario.js';
import { populationSlice } from '../scale/shard.js';
import { createDriver } from './drivers/driver-registry.js';
import type { Population, ResolvedTarget } from './flow.js';
import { cleanupJournal } from './population/cleanup-journal.js';
import { emulatorBulkCreate } from './population/emulator-bulk-create.js';
import { emulatorCodeReader, type EmulatorCodeReader } from './population/emulator-codes.js';
import { Journal } from './population/journal.js';
import { derivePassword, newPopulationSecret } from './population/passwords.js';
import { formatEta } from './population/progress-eta.js';
import { seedPopulation } from './population/seed-population.js';
import { SeededPopulation } from './population/seeded-population.js';
import { loadUsersFile } from './population/users-file.js';
import { emailFor, formatUsername } from './population/usernames.js';

/** The run's users, ready for flows, and how to remove them. */
export interface PreparedPopulation {
  readonly population: Population;
  /** Confirmation-code reader for emulator targets (sign-up, forgot password). */
  readonly codes?: EmulatorCodeReader;
  /** The user journal (usernames only, mode 0600). */
  readonly journalPath: string;
  /** Users seeded for this run. */
  readonly seeded: number;
  /** Deletes exactly the journal's users (nothing for the embedded emulator, whose users vanish with it). */
  cleanup(say: (line: string) => void): Promise<void>;
}

/** Options of {@link preparePopulation}. */
export interface PreparePopulationOptions {
  readonly runId: string;
  readonly target: ResolvedTarget;
  /** Folder of the journal (`journal-<run-id>.jsonl`). */
  readonly outDir: string;
  readonly shard?: { readonly index: number; readonly count: number };
  readonly signal?: AbortSignal;
  readonly say?: (line: string) => void;
  /** Skip per-user deletion (e.g. the pool itself is deleted afterwards). Default false. */
  readonly skipUserCleanup?: boolean;
}

/** Progress lines of a paced loop through `say`: at most one every `intervalMs` (default 5 s), and at the end, with an ETA. */
function progressLines(say: (line: string) => void, label: string, intervalMs = 5_000): (done: number, total: number) => void {
  const startMs = Date.now();
  let lastMs = startMs;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - lastMs < intervalMs) return;
    lastMs = now;
    say(`${label} ${done}/${total} (${total > 0 ? Math.floor((done * 100) / total) : 100}%) ${formatEta(done, total, now - startMs)}`);
  };
}

/**
 * Seeds the scenario's population through H3b's seeder (journal first, paced under UserCreation) or reads its users
 * file, and wraps the users in a {@link SeededPopulation}. A shard seeds only its own slice, at its share of the pace.
 */
export async function preparePopulation(scenario: Scenario, options: PreparePopulationOptions): Promise<PreparedPopulation> {
  const cfg = scenario.population;
  const say = options.say ?? (() => {});
  const t = options.target;
  const run = options.runId.split('-').pop() ?? options.runId; // short, run-unique part of usernames
  // One journal per run (an output folder reused by CI keeps older runs' journals apart).
  const journalPath = join(options.outDir, `journal-${options.runId}.jsonl`);
  const journal = await Journal.open(journalPath, {
    runId: options.runId,
    createdAt: new Date().toISOString(),
    target: { kind: t.kind, region: t.region, userPoolId: t.userPoolId, ...(t.endpoint ? { endpoint: t.endpoint } : {}) },
  });
  const secret = newPopulationSecret();
  const policy = cfg.password;
  const shardTag = options.shard ? `s${options.shard.index}` : '';
  const freshUsernameOf = (n: number): string => formatUsername(cfg.usernamePattern, { prefix: cfg.usernamePrefix, run, index: `${shardTag}f${n}` });
  const codes = t.kind !== 'aws' && t.endpoint ? emulatorCodeReader(t.endpoint) : undefined;
  const adminDriver = createDriver('sdk', { target: t });
  let seeded = 0;
  let population: Population;
  try {
    if (cfg.kind === 'file') {
      const users = await loadUsersFile(cfg.fromFile!);
      const slice = options.shard ? populationSlice(users.length, options.shard) : { startIndex: 0, endIndex: users.length };
      population = new SeededPopulation({ secret, users: users.slice(slice.startIndex, slice.endIndex), policy, emailDomain: cfg.emailDomain, freshUsernameOf, journal });
    } else {
      const slice = options.shard ? populationSlice(cfg.count, options.shard) : { startIndex: 0, endIndex: cfg.count };
      const count = slice.endIndex - slice.startIndex;
      const ratePerSec = cfg.seedRatePerSec / (options.shard?.count ?? 1);
      if (count > 0) say(t.kind === 'aws' ? `seeding ${count} users at ${Number(ratePerSec.toFixed(1))}/s` : `seeding ${count} users`);
      const result = await seedPopulation({
        driver: adminDriver,
        userPoolId: t.userPoolId,
        journal,
        count,
        usernameOf: (i) => formatUsername(cfg.usernamePattern, { prefix: cfg.usernamePrefix, run, index: slice.startIndex + i }),
        passwordOf: (u) => derivePassword(secret, u, policy),
        emailOf: (u) => emailFor(u, cfg.emailDomain),
        ratePerSec,
        // Emulator targets take users in bulk (no API calls, no quota); AWS pools are seeded through the API, paced.
        ...(t.kind !== 'aws' && t.endpoint ? { bulkCreate: emulatorBulkCreate(t.endpoint, t.userPoolId) } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: ((line) => (p) => line(p.done, p.total))(progressLines(say, 'seeding')),
      });
      seeded = result.created + result.existing;
      population = new SeededPopulation({ secret, usernames: result.usernames, policy, emailDomain: cfg.emailDomain, freshUsernameOf, journal });
    }
  } catch (err) {
    await journal.close().catch(() => {});
    await adminDriver.close().catch(() => {});
    throw err;
  }

  return {
    population,
    ...(codes ? { codes } : {}),
    journalPath,
    seeded,
    async cleanup(log) {
      try {
        await journal.close();
        if (!cfg.cleanup || options.skipUserCleanup || t.kind === 'embedded') return;
        log(`cleaning up the users in ${journalPath}`);
        const line = progressLines(log, 'cleaning up');
        const r = await cleanupJournal({ journalPath, driver: adminDriver, onProgress: (p) => line(p.deleted + p.alreadyGone + p.failed, p.total - p.previouslyDeleted) });
        if (r.remaining > 0) log(`warning: ${r.remaining} users left; run \`cogcap cleanup --journal ${journalPath}\``);
      } finally {
        await adminDriver.close().catch(() => {});
      }
    },
  };
}
