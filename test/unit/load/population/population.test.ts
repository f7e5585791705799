import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, TargetError } from '../../../../src/errors.js';
import type { CallResult, Driver } from '../../../../src/load/flow.js';
import {
  cleanupJournal,
  derivePassword,
  Journal,
  loadUsersFile,
  pacedLoop,
  readJournal,
  SeededPopulation,
  seedPopulation,
} from '../../../../src/load/population/index.js';
import type { Outcome } from '../../../../src/metrics/sample.js';

const dir = () => mkdtempSync(join(tmpdir(), 'cogcap-pop-'));
const header = { runId: 'run1', createdAt: '2026-01-01T00:00:00.000Z', target: { kind: 'emulator' as const, region: 'us-east-1', userPoolId: 'us-east-1_P1', endpoint: 'http://127.0.0.1:1' } };
const noSleep = async () => {};

type Answer = { outcome?: Outcome; errorType?: string };
function scriptedDriver(answer: (op: string, input: Record<string, unknown>) => Answer) {
  const calls: { op: string; input: Record<string, unknown> }[] = [];
  const driver: Driver = {
    name: 'fake',
    model: 'open',
    async call(op, input, meta): Promise<CallResult> {
      calls.push({ op, input });
      const a = answer(op, input);
      const outcome = a.outcome ?? 'ok';
      return { outcome, ...(a.errorType ? { errorType: a.errorType } : {}), output: {}, sample: { operation: op, category: 'UserCreation', flow: meta.flow, outcome, intendedStartUs: 0, sentUs: 0, latencyUs: 0, serviceTimeUs: 0 } };
    },
    async close() {},
  };
  return { driver, calls };
}

describe('journal', () => {
  it('is created with mode 0600 (also when the file existed with 0644), header first, one fsync per batch', async () => {
    const d = dir();
    const fresh = join(d, 'new.jsonl');
    const old = join(d, 'old.jsonl');
    writeFileSync(old, '');
    chmodSync(old, 0o644);
    for (const path of [fresh, old]) {
      const j = await Journal.open(path, header);
      await Promise.all([j.append([{ type: 'user', username: 'a', origin: 'seed' }]), j.append([{ type: 'user', username: 'b', origin: 'seed' }])]);
      await j.close();
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => l.type)).toEqual(['header', 'user', 'user']);
    }
    // re-opening keeps the single header
    const j = await Journal.open(fresh, header);
    await j.append([{ type: 'deleted', username: 'a' }]);
    await j.close();
    const c = await readJournal(fresh);
    expect(c.users).toEqual(['a', 'b']);
    expect([...c.deleted]).toEqual(['a']);
  });

  it('never contains passwords', async () => {
    const d = dir();
    const path = join(d, 'j.jsonl');
    const journal = await Journal.open(path, header);
    const secret = Buffer.alloc(32, 7);
    const { driver } = scriptedDriver(() => ({}));
    await seedPopulation({ driver, userPoolId: 'us-east-1_P1', journal, count: 5, usernameOf: (i) => `u${i}`, passwordOf: (u) => derivePassword(secret, u), ratePerSec: 1e6, sleep: noSleep });
    await journal.close();
    const text = readFileSync(path, 'utf8');
    for (let i = 0; i < 5; i += 1) expect(text).not.toContain(derivePassword(secret, `u${i}`));
  });

  it('tolerates a torn last line (crash mid-write) but not a corrupt middle line', async () => {
    const d = dir();
    const path = join(d, 'j.jsonl');
    const j = await Journal.open(path, header);
    await j.append([{ type: 'user', username: 'a', origin: 'seed' }]);
    await j.close();
    appendFileSync(path, '{"type":"user","userna');
    expect((await readJournal(path)).skippedLines).toBe(1);
    appendFileSync(path, '\n{"type":"user","username":"z","origin":"seed"}\n');
    await expect(readJournal(path)).rejects.toThrow(InputError);
    await expect(readJournal(join(d, 'missing.jsonl'))).rejects.toThrow(/cannot read journal/);
  });
});

describe('seedPopulation', () => {
  it('journals each user (fsync) before its create call, then sets a permanent password', async () => {
    const d = dir();
    const path = join(d, 'j.jsonl');
    const journal = await Journal.open(path, header);
    const { driver, calls } = scriptedDriver((op, input) => {
      if (op === 'AdminCreateUser') expect(readFileSync(path, 'utf8')).toContain(`"username":"${String(input.Username)}"`);
      return {};
    });
    const r = await seedPopulation({ driver, userPoolId: 'us-east-1_P1', journal, count: 3, usernameOf: (i) => `u${i}`, passwordOf: () => 'Pw-1234567890a!', emailOf: (u) => `${u}@example.com`, ratePerSec: 1e6, sleep: noSleep });
    await journal.close();
    expect(r).toMatchObject({ created: 3, existing: 0, failed: 0, usernames: ['u0', 'u1', 'u2'] });
    expect(calls.filter((c) => c.op === 'AdminCreateUser')[0]!.input).toEqual({
      UserPoolId: 'us-east-1_P1',
      Username: 'u0',
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: 'u0@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ],
    });
    expect(calls.filter((c) => c.op === 'AdminSetUserPassword')[0]!.input).toEqual({ UserPoolId: 'us-east-1_P1', Username: 'u0', Password: 'Pw-1234567890a!', Permanent: true });
  });

  it('retries throttles, counts existing users, stops on a wrong pool', async () => {
    const d = dir();
    const journal = await Journal.open(join(d, 'j.jsonl'), header);
    let throttles = 2;
    const { driver } = scriptedDriver((op, input) => {
      if (op === 'AdminCreateUser' && input.Username === 'u1') return { outcome: 'client_error', errorType: 'UsernameExistsException' };
      if (op === 'AdminSetUserPassword' && throttles-- > 0) return { outcome: 'throttled', errorType: 'TooManyRequestsException' };
      return {};
    });
    const r = await seedPopulation({ driver, userPoolId: 'p', journal, count: 3, usernameOf: (i) => `u${i}`, passwordOf: () => 'x', ratePerSec: 1e6, maxInFlight: 1, sleep: noSleep });
    expect(r).toMatchObject({ created: 2, existing: 1, failed: 0, retries: 2 });
    const bad = scriptedDriver(() => ({ outcome: 'client_error', errorType: 'ResourceNotFoundException' }));
    await expect(seedPopulation({ driver: bad.driver, userPoolId: 'p', journal, count: 50, usernameOf: (i) => `v${i}`, passwordOf: () => 'x', ratePerSec: 1e6, sleep: noSleep })).rejects.toThrow(TargetError);
    expect(bad.calls.length).toBeLessThan(50);
    await journal.close();
  });

  it('bulk path journals each batch before creating it', async () => {
    const d = dir();
    const path = join(d, 'j.jsonl');
    const journal = await Journal.open(path, header);
    const batches: string[][] = [];
    const { driver, calls } = scriptedDriver(() => ({}));
    const r = await seedPopulation({
      driver, userPoolId: 'p', journal, count: 5, usernameOf: (i) => `u${i}`, passwordOf: () => 'x', bulkBatchSize: 2,
      bulkCreate: async (users) => {
        for (const u of users) expect(readFileSync(path, 'utf8')).toContain(`"username":"${u.username}"`);
        batches.push(users.map((u) => u.username));
      },
    });
    await journal.close();
    expect(batches).toEqual([['u0', 'u1'], ['u2', 'u3'], ['u4']]);
    expect(r.created).toBe(5);
    expect(calls).toHaveLength(0);
  });
});

describe('cleanupJournal', () => {
  async function journalWith(users: string[]) {
    const path = join(dir(), 'j.jsonl');
    const j = await Journal.open(path, header);
    await j.append(users.map((username) => ({ type: 'user', username, origin: 'seed' })));
    await j.close();
    return path;
  }

  it('deletes exactly the journal users; never-created users count as already gone', async () => {
    const path = await journalWith(['a', 'b', 'c']);
    appendFileSync(path, '{"type":"user","username":"d","ori'); // crash mid-write: d never reached the create call
    const { driver, calls } = scriptedDriver((_op, input) => (input.Username === 'c' ? { outcome: 'client_error', errorType: 'UserNotFoundException' } : {}));
    const r = await cleanupJournal({ journalPath: path, driver, ratePerSec: 1e6, sleep: noSleep });
    expect(calls.map((c) => [c.op, c.input.Username, c.input.UserPoolId])).toEqual([
      ['AdminDeleteUser', 'a', 'us-east-1_P1'],
      ['AdminDeleteUser', 'b', 'us-east-1_P1'],
      ['AdminDeleteUser', 'c', 'us-east-1_P1'],
    ]);
    expect(r).toMatchObject({ total: 3, deleted: 2, alreadyGone: 1, failed: 0, remaining: 0 });
  });

  it('resumes after an interruption without deleting twice', async () => {
    const path = await journalWith(['a', 'b', 'c', 'd', 'e']);
    const ac = new AbortController();
    const first = scriptedDriver(() => ({}));
    let n = 0;
    const wrapped: Driver = { ...first.driver, call: async (op, input, meta) => { if (++n === 2) ac.abort(); return first.driver.call(op, input, meta); } };
    const r1 = await cleanupJournal({ journalPath: path, driver: wrapped, ratePerSec: 1e6, maxInFlight: 1, sleep: noSleep, signal: ac.signal });
    expect(r1).toMatchObject({ deleted: 2, remaining: 3, aborted: true });
    const second = scriptedDriver(() => ({}));
    const r2 = await cleanupJournal({ journalPath: path, driver: second.driver, ratePerSec: 1e6, sleep: noSleep });
    expect(second.calls.map((c) => c.input.Username)).toEqual(['c', 'd', 'e']);
    expect(r2).toMatchObject({ previouslyDeleted: 2, deleted: 3, remaining: 0 });
    const third = scriptedDriver(() => ({}));
    await cleanupJournal({ journalPath: path, driver: third.driver, sleep: noSleep });
    expect(third.calls).toHaveLength(0);
  });

  it('retries throttles and leaves failures for the next run', async () => {
    const path = await journalWith(['a', 'b']);
    let t = 1;
    const { driver } = scriptedDriver((_op, input) => {
      if (input.Username === 'a' && t-- > 0) return { outcome: 'throttled', errorType: 'TooManyRequestsException' };
      if (input.Username === 'b') return { outcome: 'client_error', errorType: 'InvalidParameterException' };
      return {};
    });
    const r = await cleanupJournal({ journalPath: path, driver, ratePerSec: 1e6, sleep: noSleep });
    expect(r).toMatchObject({ deleted: 1, failed: 1, retries: 1, remaining: 1 });
  });
});

describe('passwords, population, pacing, users file', () => {
  it('derives stable passwords meeting the policy', () => {
    const secret = Buffer.alloc(32, 1);
    const p = derivePassword(secret, 'alice');
    expect(p).toBe(derivePassword(secret, 'alice'));
    expect(p).not.toBe(derivePassword(secret, 'bob'));
    expect(p).not.toBe(derivePassword(Buffer.alloc(32, 2), 'alice'));
    for (let i = 0; i < 200; i += 1) {
      const q = derivePassword(secret, `user-${i}`);
      expect(q).toHaveLength(20);
      expect(q).toMatch(/[a-z]/);
      expect(q).toMatch(/[A-Z]/);
      expect(q).toMatch(/[0-9]/);
      expect(q).toMatch(/[!#%+\-.=^_~]/);
    }
    expect(derivePassword(secret, 'x', { length: 8, requireSymbols: false, requireUppercase: false })).toMatch(/^[a-z0-9]{8}$/);
  });

  it('population picks seeded users and journals fresh ones before use', async () => {
    const path = join(dir(), 'j.jsonl');
    const journal = await Journal.open(path, header);
    const secret = Buffer.alloc(32, 3);
    const pop = new SeededPopulation({ secret, usernames: ['a', 'b', 'c'], journal, freshUsernameOf: (n) => `run1-f${n}` });
    expect(pop.size).toBe(3);
    expect(pop.pick(() => 0.5)).toEqual({ username: 'b', password: derivePassword(secret, 'b'), email: 'b@example.com' });
    const f = await pop.fresh();
    expect(f.username).toBe('run1-f1');
    expect(readFileSync(path, 'utf8')).toContain('"username":"run1-f1","email":"run1-f1@example.com","origin":"fresh"');
    await journal.close();
    expect(() => new SeededPopulation({ secret }).pick(() => 0)).toThrow(/empty/);
  });

  it('pacedLoop starts task i at start + i/rate, never more than maxInFlight at once', async () => {
    let now = 0;
    const starts: number[] = [];
    let inFlight = 0;
    let peak = 0;
    await pacedLoop(5, { ratePerSec: 10, maxInFlight: 2, nowMs: () => now, sleep: async (ms) => { now += ms; } }, async () => {
      starts.push(now);
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight -= 1;
    });
    expect(starts).toEqual([0, 100, 200, 300, 400]);
    expect(peak).toBeLessThanOrEqual(2);
  });

  it('reads users files (CSV and JSON lines) and reports every bad line', async () => {
    const d = dir();
    const csv = join(d, 'u.csv');
    writeFileSync(csv, 'username,password,email\nalice,Pw1!aaaa,alice@x.io\n{"username":"bob","password":"Pw2!bbbb"}\n');
    expect(await loadUsersFile(csv)).toEqual([
      { username: 'alice', password: 'Pw1!aaaa', email: 'alice@x.io' },
      { username: 'bob', password: 'Pw2!bbbb' },
    ]);
    const bad = join(d, 'bad.csv');
    writeFileSync(bad, 'alice\n{"username":1}\n');
    await expect(loadUsersFile(bad)).rejects.toSatisfy((e: InputError) => e.problems.length === 2 && e.problems[0]!.path === 'line 1');
  });
});
