import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';

// A scenario against a real pool: the dry run must not call AWS (no credentials exist here) nor need the acknowledgement.
const SCENARIO = `name: Staging sign-in
target:
  aws: { region: eu-west-1, userPoolId: eu-west-1_Ab12Cd34E, clientId: abc123 }
flows:
  - { flow: srp-sign-in, weight: 3 }
  - { flow: profile-read, weight: 1 }
phases:
  - { type: ramp, from: 0, to: 40, duration: 10s }
  - { type: constant, rate: 40, duration: 5s }
`;

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(args, { stdout, stderr, cwd, env: {}, signal: new AbortController().signal });
  return { code, out, err };
}

describe('cogcap run guard options', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cogcap-run-guard-'));
    await writeFile(join(dir, 'staging.yaml'), SCENARIO);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('--dry-run prints planned calls per category and quota shares, makes no calls', async () => {
    const { code, out, err } = await cli(['run', 'staging.yaml', '--dry-run'], dir);
    expect(err).toBe('');
    expect(code).toBe(0);
    // Peak 40 arrivals/s: 3/4 SRP sign-ins = 30 InitiateAuth/s (+ 30 challenge responses/s within their 360/s
    // allowance); 1/4 profile reads = 10 GetUser/s and up to 10 sign-ins/s first: UserAuthentication 40/s = 33.3%.
    expect(out).toMatch(/UserAuthentication\s+40\s+0\s+120\s+33\.3%\s+96\s+ok/);
    expect(out).toMatch(/UserRead\s+10\s+0\s+120\s+8\.3%\s+96\s+ok/);
    expect(out).toContain('Challenge responses: peak 30/s against their own allowance of 360/s');
    expect(out).toContain('Peak total: 80 calls/s.');
  });

  it('--dry-run with a lower share and ceiling shows the refusals', async () => {
    const { code, out } = await cli(['run', 'staging.yaml', '--dry-run', '--max-quota-share', '0.2', '--max-rate', '50'], dir);
    expect(code).toBe(0);
    expect(out).toContain('REFUSED UserAuthentication: planned 40/s + current usage 0/s = 40/s, 33.3% of the quota 120/s (limit 20% = 24/s)');
    expect(out).toContain('REFUSED the planned peak of 80 calls/s exceeds the hard rate ceiling of 50 calls/s');
  });

  it.each([
    [['--workers', '0'], '--workers: expected an integer from 1 to 256'],
    [['--workers', '2', '--shard', '0/2'], '--workers: expected either --workers or --shard, not both'],
    [['--max-rate', '0'], '--max-rate: expected a rate > 0'],
    [['--max-quota-share', '1.5'], '--max-quota-share: expected a share in (0, 1]'],
  ])('%j exits 2', async (extra, message) => {
    const { code, err } = await cli(['run', 'staging.yaml', ...extra], dir);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('a run against AWS without the acknowledgement refuses with exit 3 and says why', async () => {
    const { code, err } = await cli(['run', 'staging.yaml'], dir);
    expect(code).toBe(3);
    expect(err).toMatch(/account-wide/);
    expect(err).toContain('--i-understand-quotas-are-account-wide');
  });
});
