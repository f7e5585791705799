import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../../src/load/population/journal.js';
import { awsStandInEnv, BYSTANDER, CLIENT_ID, startAwsStandIn, writeAwsScenario, type AwsStandIn } from './aws-world.js';

// Issue 7: a run against an `aws:` target (the emulator standing in for the regional endpoint, SigV4 with static test
// credentials) killed mid-seeding leaves no test user behind after `cogcap cleanup --journal`; a SIGTERM'd run
// cleans up by itself. The CLI is the compiled one (`npm test` builds dist/ first).

const ROOT = process.cwd();
const BIN = join(ROOT, 'bin/cogcap.js');
const PRELOAD = pathToFileURL(join(ROOT, 'test/integration/guard/fixtures/mock-aws-preflight.mjs')).href;
const ACK = '--i-understand-quotas-are-account-wide';

let standIn: AwsStandIn;
beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  standIn = await startAwsStandIn();
});
afterAll(async () => standIn?.close());

interface Child {
  readonly proc: ChildProcess;
  stdout: string;
  stderr: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function cogcap(args: string[], env: Record<string, string>): Child {
  const proc = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const child: Child = {
    proc,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal }))),
  };
  proc.stdout!.on('data', (c) => (child.stdout += c));
  proc.stderr!.on('data', (c) => (child.stderr += c));
  return child;
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 25_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const seeded = async (): Promise<string[]> => (await standIn.listUsernames()).filter((u) => u !== BYSTANDER);
const journalIn = (dir: string): string | undefined => {
  const name = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith('journal-')) : undefined;
  return name ? join(dir, name) : undefined;
};

describe('crash-proof cleanup of an aws: target run', () => {
  it('SIGKILL mid-seeding, then `cogcap cleanup --journal`: every seeded user gone, the bystander untouched, no password anywhere', async () => {
    // 200 users at 20/s: ~10 s of seeding; killed once 15 exist.
    const { file, dir } = writeAwsScenario({ clientId: CLIENT_ID, count: 200, seedRatePerSec: 20 });
    const out = join(dir, 'out');
    const env = { ...awsStandInEnv(standIn), NODE_OPTIONS: `--import ${PRELOAD}` };
    const run = cogcap(['run', file, ACK, '--ci', '--out', out], env);
    try {
      await waitFor('15 seeded users', async () => (await seeded()).length >= 15);
    } finally {
      run.proc.kill('SIGKILL');
    }
    expect(await run.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const atKill = await seeded();
    expect(atKill.length).toBeGreaterThanOrEqual(15);
    expect(atKill.length).toBeLessThan(200); // killed mid-seeding
    const journal = journalIn(out)!;
    expect(journal).toBeDefined();
    expect(statSync(journal).mode & 0o777).toBe(0o600);
    // Journal first, then the call: every user that exists is in the journal.
    const before = await readJournal(journal);
    for (const u of atKill) expect(before.users).toContain(u);

    // Cleanup from the journal alone: the endpoint is recorded there (no endpoint variable, no preflight needed).
    const { AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: _endpoint, ...cleanupEnv } = awsStandInEnv(standIn);
    const cleanup = cogcap(['cleanup', '--journal', journal, '--rate', '100'], cleanupEnv);
    const exit = await cleanup.exited;
    expect(cleanup.stderr).not.toMatch(/\n\s+at /);
    expect(exit.code).toBe(0);
    expect(cleanup.stdout).toMatch(new RegExp(`${atKill.length} deleted, \\d+ already gone, 0 failed, 0 remaining`));
    expect(cleanup.stderr).toMatch(/deleting \d+\/\d+ \(100%\) done/);
    expect(await standIn.listUsernames()).toEqual([BYSTANDER]);

    // No generated password in any output or in the journal (passwords captured at the endpoint).
    const secrets = standIn.secretsSeen();
    expect(secrets.length).toBeGreaterThanOrEqual(15);
    const texts = [run.stdout, run.stderr, cleanup.stdout, cleanup.stderr, readFileSync(journal, 'utf8')];
    for (const text of texts) for (const s of secrets) expect(text.includes(s)).toBe(false);
  }, 60_000);

  it('SIGTERM mid-seeding: the run stops, shows seeding progress with an ETA, and deletes its own users', async () => {
    standIn.calls.length = 0;
    const { file, dir } = writeAwsScenario({ clientId: CLIENT_ID, count: 200, seedRatePerSec: 20 });
    const out = join(dir, 'out');
    const env = { ...awsStandInEnv(standIn), NODE_OPTIONS: `--import ${PRELOAD}` };
    const run = cogcap(['run', file, ACK, '--ci', '--out', out], env);
    try {
      // The first periodic progress line comes after 5 s of seeding (about 100 of 200 users).
      await waitFor('a seeding progress line', () => /seeding \d+\/200 \(\d+%\) ETA \d+s/.test(run.stderr));
      expect((await seeded()).length).toBeLessThan(200);
      run.proc.kill('SIGTERM');
    } catch (err) {
      run.proc.kill('SIGKILL');
      throw err;
    }
    const exit = await run.exited;
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(exit.code).toBe(130);
    expect(run.stderr).toContain('SIGTERM');
    expect(run.stderr).toContain('cleaning up the users in');
    expect(await standIn.listUsernames()).toEqual([BYSTANDER]);
    const journal = await readJournal(journalIn(out)!);
    expect(journal.users.length).toBeGreaterThan(0);
    expect(journal.users.every((u) => journal.deleted.has(u))).toBe(true);
  }, 60_000);
});
