import { mkdtempSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'cogcap-cli-run-'));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCli(args, { stdout, stderr, env: {}, cwd: dir, signal: new AbortController().signal });
  return { code, stdout: out, stderr: err };
}

describe('cogcap validate / run exit codes', () => {
  writeFileSync(
    join(dir, 'bad.yaml'),
    'name: bad\nflows: [{ flow: no-such-flow }]\nphases:\n  - { type: constant, duration: 10, rate: 5 }\nextra: 1\n',
  );
  writeFileSync(
    join(dir, 'tiny.yaml'),
    [
      'name: tiny',
      'target: { embedded: { quotas: unlimited, latency: zero } }',
      'population: { count: 3, seedRate: 50/s }',
      'flows: [{ flow: password-sign-in }]',
      'phases: [{ type: constant, duration: 1s, rate: 5 }]',
      'thresholds: ["throttle_rate > 50%"]',
    ].join('\n'),
  );

  it('validate: prints every problem with file, path and line, exit 2', async () => {
    const r = await cli(['validate', 'bad.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid scenario bad.yaml: 3 problems');
    expect(r.stderr).toContain('bad.yaml: phases[0].duration: expected a duration string such as "30s", "2m" or "500ms" (line 4)');
    expect(r.stderr).toContain('bad.yaml: extra: unknown key');
    expect(r.stderr).toContain('bad.yaml: flows[0].flow: unknown flow "no-such-flow"');
  });

  it('validate: OK with a summary, exit 0', async () => {
    const r = await cli(['validate', 'tiny.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK tiny\.yaml\n {2}scenario: tiny\n/);
    expect(r.stdout).toContain('about 5 arrivals');
  });

  it('run: a bad scenario exits 2 before anything starts', async () => {
    const r = await cli(['run', 'bad.yaml', '--out', 'never']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml: phases[0].duration');
    expect(r.stderr).not.toContain('starting the embedded emulator');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('run: a missing file exits 2', async () => {
    const r = await cli(['run', 'missing.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read scenario missing.yaml');
  });

  it('run: a failing threshold exits 1 after printing the summary and writing the result', { timeout: 90_000 }, async () => {
    const r = await cli(['run', 'tiny.yaml', '--ci', '--out', 'out-tiny', '--seed', '3']);
    expect(r.stderr).toContain('starting the embedded emulator');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('UserAuthentication');
    expect(r.stdout).toContain('  ✗ throttle_rate > 50%');
    expect(r.stdout).toContain(`result: ${join(dir, 'out-tiny', 'result.json')}`);
    expect(readdirSync(join(dir, 'out-tiny'))).toContain('result.json');
  });

  it('run: rejects a bad --seed with exit 2', async () => {
    const r = await cli(['run', 'tiny.yaml', '--seed', '-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--seed');
  });
});
