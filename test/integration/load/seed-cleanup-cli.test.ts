import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import type { RunningEmulator } from '../../../src/emulator/start-emulator.js';
import { createDriver } from '../../../src/load/drivers/driver-registry.js';
import { derivePassword, populationSecretFromEnv } from '../../../src/load/population/index.js';
import { POOL_ID, startTestEmulator, targetOf } from './emulator-world.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => emu?.close());

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c) => (stdout += c));
  err.on('data', (c) => (stderr += c));
  const code = await runCli(args, { stdout: out, stderr: err, env, cwd: process.cwd(), signal: new AbortController().signal });
  return { code, stdout, stderr };
}

describe('cogcap seed / cogcap cleanup', () => {
  it('seeds users (journal 0600, no passwords in output or journal) and cleans them up', async () => {
    const journal = join(mkdtempSync(join(tmpdir(), 'cogcap-cli-')), 'seed.jsonl');
    const env = { COGCAP_POPULATION_SECRET: 'correct horse battery staple' };
    const seeded = await cli(['seed', '--endpoint', emu.url, '--user-pool-id', POOL_ID, '--count', '5', '--rate', '100', '--run-id', 'cli1', '--journal', journal, '--via-api'], env);
    expect(seeded.stderr).not.toMatch(/error/);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('5 created, 0 already existed, 0 failed');
    expect(seeded.stdout).toContain(`cogcap cleanup --journal ${journal}`);
    expect(statSync(journal).mode & 0o777).toBe(0o600);
    const secret = populationSecretFromEnv(env)!;
    const password = derivePassword(secret, 'cogcap-cli1-0');
    for (const text of [seeded.stdout, seeded.stderr, readFileSync(journal, 'utf8')]) expect(text).not.toContain(password);

    // the user signs in with the password derived from the same secret
    const driver = createDriver('sdk', { target: targetOf(emu) });
    const signIn = await driver.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: targetOf(emu).clientId, AuthParameters: { USERNAME: 'cogcap-cli1-0', PASSWORD: password } }, { flow: 'check', intendedStartUs: 0 });
    expect(signIn.outcome).toBe('ok');

    const cleaned = await cli(['cleanup', '--journal', journal, '--rate', '100']);
    expect(cleaned.code).toBe(0);
    expect(cleaned.stdout).toContain('5 deleted, 0 already gone, 0 failed, 0 remaining');
    const again = await cli(['cleanup', '--journal', journal]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('(0 to delete)');
    const gone = await driver.call('AdminGetUser', { UserPoolId: POOL_ID, Username: 'cogcap-cli1-0' }, { flow: 'check', intendedStartUs: 0 });
    expect(gone.errorType).toBe('UserNotFoundException');
    await driver.close();
  });

  it('bad input exits 2 with every problem; a wrong pool exits 3 without a stack trace; bulk seeding', async () => {
    const bad = await cli(['seed', '--count', '-1', '--rate', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--endpoint: expected --scenario');
    expect(bad.stderr).toContain('--count: expected an integer >= 0');
    expect(bad.stderr).toContain('--rate: expected users per second > 0');
    const journal = join(mkdtempSync(join(tmpdir(), 'cogcap-cli-')), 'seed.jsonl');
    const wrong = await cli(['seed', '--endpoint', emu.url, '--user-pool-id', 'us-east-1_Nope', '--count', '2', '--journal', journal, '--via-api']);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('ResourceNotFoundException');
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
    const reused = await cli(['seed', '--endpoint', emu.url, '--user-pool-id', POOL_ID, '--count', '2', '--journal', journal]);
    expect(reused.code).toBe(2);
    expect(reused.stderr).toContain('belongs to another target');
    const bulkJournal = join(mkdtempSync(join(tmpdir(), 'cogcap-cli-')), 'bulk.jsonl');
    const bulk = await cli(['seed', '--endpoint', emu.url, '--user-pool-id', POOL_ID, '--count', '250', '--run-id', 'bulk1', '--journal', bulkJournal]);
    expect(bulk.code).toBe(0);
    expect(bulk.stdout).toContain('through the emulator bulk route');
    expect(bulk.stdout).toContain('250 created');
    const cleaned = await cli(['cleanup', '--journal', bulkJournal, '--rate', '1000']);
    expect(cleaned.stdout).toContain('250 deleted');
    const missing = await cli(['cleanup', '--journal', '/nonexistent/j.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read journal');
  });
});
