import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateExceeded } from '../../../src/cognito/service-error.js';
import type { RunningEmulator } from '../../../src/emulator/start-emulator.js';
import { createDriver } from '../../../src/load/drivers/driver-registry.js';
import { BUILT_IN_FLOWS, getFlow } from '../../../src/load/flows/index.js';
import {
  cleanupJournal,
  derivePassword,
  emailFor,
  emulatorBulkCreate,
  Journal,
  SeededPopulation,
  seedPopulation,
} from '../../../src/load/population/index.js';
import { MemorySessionPool } from '../../../src/load/session-pool.js';
import { createSrpWorkerPool } from '../../../src/load/srp-workers.js';
import type { Sample } from '../../../src/metrics/sample.js';
import { contextFor, POOL_ID, startTestEmulator, targetOf } from './emulator-world.js';

const secret = Buffer.alloc(32, 9);
let emu: RunningEmulator;
let population: SeededPopulation;
let journal: Journal;
let journalPath: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  journalPath = join(mkdtempSync(join(tmpdir(), 'cogcap-it-')), 'run.journal.jsonl');
  journal = await Journal.open(journalPath, { runId: 'it', createdAt: new Date().toISOString(), target: { kind: 'emulator', region: 'us-east-1', userPoolId: POOL_ID, endpoint: emu.url } });
  const driver = createDriver('sdk', { target: targetOf(emu) });
  const usernameOf = (i: number) => `it-user-${i}`;
  // 4 users through the API (AdminCreateUser + AdminSetUserPassword), 6 through the bulk route
  const viaApi = await seedPopulation({ driver, userPoolId: POOL_ID, journal, count: 4, usernameOf, passwordOf: (u) => derivePassword(secret, u), emailOf: (u) => emailFor(u), ratePerSec: 200 });
  expect(viaApi).toMatchObject({ created: 4, failed: 0 });
  const viaBulk = await seedPopulation({ driver, userPoolId: POOL_ID, journal, count: 6, usernameOf: (i) => usernameOf(i + 4), passwordOf: (u) => derivePassword(secret, u), emailOf: (u) => emailFor(u), bulkCreate: emulatorBulkCreate(emu.url, POOL_ID), bulkBatchSize: 4 });
  expect(viaBulk.created).toBe(6);
  await driver.close();
  population = new SeededPopulation({ secret, usernames: [...viaApi.usernames, ...viaBulk.usernames], journal, freshUsernameOf: (n) => `it-fresh-${n}` });
});

afterAll(async () => {
  await journal?.close();
  await emu?.close();
});

describe('every built-in flow succeeds end to end against the emulator (real SDK)', () => {
  const names = BUILT_IN_FLOWS.map((f) => f.name);
  it.each(names)('%s (public client)', async (name) => {
    const samples: Sample[] = [];
    const { ctx, driver } = contextFor(emu, { population, samples, flow: name });
    try {
      expect(await getFlow(name).run(ctx)).toBe(true);
      expect(samples.length).toBeGreaterThan(0);
      expect(samples.every((s) => s.outcome === 'ok' && s.flow === name)).toBe(true);
    } finally {
      await driver.close();
    }
  });

  it.each(['password-sign-in', 'srp-sign-in', 'token-refresh', 'token-refresh-get-tokens', 'sign-up', 'forgot-password', 'sign-out-revoke', 'first-sign-in'])(
    '%s (client with a secret: SECRET_HASH)',
    async (name) => {
      const samples: Sample[] = [];
      const { ctx, driver } = contextFor(emu, { population, samples, withSecret: true, flow: name });
      try {
        expect(await getFlow(name).run(ctx)).toBe(true);
        expect(samples.every((s) => s.outcome === 'ok')).toBe(true);
      } finally {
        await driver.close();
      }
    },
  );

  it('first sign-in charges the NEW_PASSWORD_REQUIRED answer to UserAccountRecovery', async () => {
    const samples: Sample[] = [];
    const { ctx, driver } = contextFor(emu, { population, samples });
    expect(await getFlow('first-sign-in').run(ctx)).toBe(true);
    await driver.close();
    expect(samples.map((s) => [s.operation, s.category])).toEqual([
      ['AdminCreateUser', 'UserCreation'],
      ['InitiateAuth', 'UserAuthentication'],
      ['RespondToAuthChallenge', 'UserAccountRecovery'],
    ]);
  });

  it('SRP sign-in through worker threads; sessions are reused by profile reads', async () => {
    const srp = createSrpWorkerPool({ size: 1 })!;
    const sessions = new MemorySessionPool();
    const samples: Sample[] = [];
    const { ctx, driver } = contextFor(emu, { population, sessions, samples });
    try {
      expect(await getFlow('srp-sign-in').run({ ...ctx, srp } as typeof ctx)).toBe(true);
      expect(sessions.size).toBe(1);
      expect(await getFlow('profile-read').run(ctx)).toBe(true);
      expect(samples.map((s) => s.operation)).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'GetUser']);
    } finally {
      await srp.close();
      await driver.close();
    }
  });

  it('the raw driver runs the unsigned flows', async () => {
    for (const name of ['password-sign-in', 'srp-sign-in', 'profile-read', 'token-refresh', 'attribute-update', 'sign-out']) {
      const { ctx, driver } = contextFor(emu, { population, driverName: 'raw' });
      expect(await getFlow(name).run(ctx)).toBe(true);
      await driver.close();
    }
  });

  it('cleanup deletes exactly the journalled users, also the fresh ones', async () => {
    await journal.close();
    const before = readFileSync(journalPath, 'utf8').split('\n').filter((l) => l.includes('"type":"user"')).length;
    const r = await cleanupJournal({ journalPath, ratePerSec: 500 });
    expect(r.deleted + r.alreadyGone).toBe(before);
    expect(r.remaining).toBe(0);
    expect(r.deleted).toBeGreaterThanOrEqual(10);
    const driver = createDriver('sdk', { target: targetOf(emu) });
    const gone = await driver.call('AdminGetUser', { UserPoolId: POOL_ID, Username: 'it-user-0' }, { flow: 'check', intendedStartUs: 0 });
    expect(gone).toMatchObject({ outcome: 'client_error', errorType: 'UserNotFoundException' });
    await driver.close();
  });
});

describe('a throttling emulator', () => {
  it('gives throttled outcomes and exactly one request per call (no SDK retries)', async () => {
    let seen = 0;
    const throttleAll = async (req: { operation: string }, next: (r: never) => Promise<unknown>) => {
      if (req.operation === 'InitiateAuth') {
        seen += 1;
        throw rateExceeded();
      }
      return next(req as never);
    };
    const throttled = await startTestEmulator([throttleAll as never]);
    try {
      for (const name of ['sdk', 'raw']) {
        seen = 0;
        const samples: Sample[] = [];
        const pop = new SeededPopulation({ secret, usernames: ['nobody'] });
        const { ctx, driver } = contextFor(throttled, { population: pop, samples, driverName: name });
        for (let i = 0; i < 5; i += 1) expect(await getFlow('password-sign-in').run(ctx)).toBe(false);
        await driver.close();
        expect(seen).toBe(5);
        expect(samples.map((s) => `${s.outcome}:${s.errorType}`)).toEqual(Array(5).fill('throttled:TooManyRequestsException'));
      }
    } finally {
      await throttled.close();
    }
  });
});

describe('closed-loop raw load (autocannon) with bodies from the population', () => {
  it.each(['password-sign-in', 'token-refresh', 'get-tokens-from-refresh-token', 'get-user'] as const)('%s', async (kind) => {
    const { rawLoadBodies } = await import('../../../src/load/drivers/raw-load-bodies.js');
    const { runRawLoad } = await import('../../../src/load/drivers/raw-load.js');
    const pop = new SeededPopulation({ secret, usernames: ['raw-a', 'raw-b'] });
    const seedDriver = createDriver('sdk', { target: targetOf(emu, true) });
    const bulk = emulatorBulkCreate(emu.url, POOL_ID);
    await bulk(['raw-a', 'raw-b'].map((u) => pop.pick(() => (u === 'raw-a' ? 0 : 0.9))));
    const { operation, bodies } = await rawLoadBodies(kind, { target: targetOf(emu, true), population: pop, driver: seedDriver, count: 2 });
    await seedDriver.close();
    expect(bodies).toHaveLength(2);
    const samples: Sample[] = [];
    const r = await runRawLoad({ url: emu.url, operation, bodies, connections: 2, amount: 20, onSample: (s) => samples.push(s) });
    expect(r).toMatchObject({ model: 'closed', requests: 20 });
    expect(r.counts.ok).toBe(20);
    expect(samples.every((s) => s.outcome === 'ok')).toBe(true);
  });
});
