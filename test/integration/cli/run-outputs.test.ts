import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import type { RunResult } from '../../../src/metrics/run-result.js';
import { buildResult, sample } from '../../fixtures/metrics/build-result.js';

/** `cogcap run` outputs (issue 5): reports after every run, --baseline, and the runtime rate ceiling (issue 7). */

const dir = mkdtempSync(join(tmpdir(), 'cogcap-cli-run-outputs-'));

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

const scenario = (name: string, rate: number, duration: string, extra: string[] = []): string => {
  writeFileSync(
    join(dir, `${name}.yaml`),
    [
      `name: ${name}`,
      'target: { embedded: { quotas: unlimited, latency: realistic } }',
      'population: { count: 5, seedRate: 50/s }',
      'flows: [{ flow: password-sign-in }]',
      `phases: [{ type: constant, duration: ${duration}, rate: ${rate} }]`,
      ...extra,
    ].join('\n'),
  );
  return `${name}.yaml`;
};

describe('cogcap run outputs', () => {
  it('writes result.json and the md, html and junit reports, and lists them (compact in --ci)', { timeout: 90_000 }, async () => {
    const file = scenario('reports', 5, '1s', ['thresholds: ["p99 < 60s"]']);
    const r = await cli(['run', file, '--ci', '--out', 'out-reports', '--seed', '1']);
    expect(r.code).toBe(0);
    const out = join(dir, 'out-reports');
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['result.json', 'report.md', 'report.html', 'junit.xml']));
    expect(r.stdout).toContain(`result: ${join(out, 'result.json')}\n`);
    expect(r.stdout).toContain(`reports: ${join(out, 'report.md')} ${join(out, 'report.html')} ${join(out, 'junit.xml')}\n`);
    expect(r.stdout).toMatch(/^PASS reports: all 1 thresholds passed/m);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('p99 &lt; 60s');
    expect(r.stderr).not.toContain('MaxListenersExceededWarning');
  });

  it('--report-formats none writes result.json only; an unknown format exits 2 before the run', { timeout: 90_000 }, async () => {
    const file = scenario('noreports', 5, '1s');
    const bad = await cli(['run', file, '--report-formats', 'md,pdf', '--out', 'out-bad-format']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown report format "pdf"');
    expect(existsSync(join(dir, 'out-bad-format'))).toBe(false);
    const r = await cli(['run', file, '--ci', '--report-formats', 'none', '--out', 'out-none']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out-none')).filter((f) => !f.startsWith('journal-'))).toEqual(['result.json']);
    expect(r.stdout).not.toMatch(/^reports:/m);
  });

  it('--baseline: an unreadable or invalid baseline exits 2 before the run starts', async () => {
    const file = scenario('baseline-bad', 5, '1s');
    writeFileSync(join(dir, 'not-a-result.json'), '{"hello": 1}\n');
    for (const baseline of ['missing.json', 'not-a-result.json']) {
      const r = await cli(['run', file, '--baseline', baseline, '--out', 'out-never']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(baseline);
      expect(r.stderr).not.toContain('starting the embedded emulator');
    }
    const tol = await cli(['run', file, '--baseline', 'missing.json', '--tolerance', 'ten']);
    expect(tol.code).toBe(2);
    expect(existsSync(join(dir, 'out-never'))).toBe(false);
  });

  it('--baseline: a regression is stored in result.comparison, printed, shown in the reports, and exits 1', { timeout: 90_000 }, async () => {
    // 120 password sign-ins (≥ 100 calls to judge the category) against a realistic-latency emulator; the baseline
    // says the same calls took 1 µs, so p95/p99 regress far beyond 10% and 1 ms.
    const file = scenario('baseline-run', 60, '2s');
    const baseline: RunResult = buildResult(
      Array.from({ length: 150 }, () => sample('InitiateAuth', 'ok', 1)),
      { runId: 'base-run', scenarioName: 'baseline-run' },
    );
    writeFileSync(join(dir, 'baseline.json'), JSON.stringify(baseline));
    const r = await cli(['run', file, '--baseline', 'baseline.json', '--tolerance', '10%', '--out', 'out-baseline', '--report-formats', 'md,junit']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`baseline ${join(dir, 'baseline.json')}:`);
    expect(r.stdout).toMatch(/Baseline base-run → .*: FAIL \(1 regression/);
    expect(r.stdout).toMatch(/^FAIL: 1 regression against the baseline/m);
    const written = JSON.parse(readFileSync(join(dir, 'out-baseline', 'result.json'), 'utf8')) as RunResult;
    expect((written.comparison as { verdict: string }).verdict).toBe('fail');
    expect(readFileSync(join(dir, 'out-baseline', 'report.md'), 'utf8')).toContain('Baseline comparison');
    expect(readFileSync(join(dir, 'out-baseline', 'junit.xml'), 'utf8')).toContain('UserAuthentication');
  });

  it('--max-rate below the planned rate: the calls sent never exceed the ceiling in any second', { timeout: 90_000 }, async () => {
    // 12 sign-ins planned in 1 s (one InitiateAuth each) under a ceiling of 4 calls/s: they wait for later windows.
    const file = scenario('ceiling', 12, '1s');
    const r = await cli(['run', file, '--ci', '--max-rate', '4', '--report-formats', 'none', '--out', 'out-ceiling']);
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'out-ceiling', 'result.json'), 'utf8')) as RunResult;
    expect(result.totals.count).toBe(result.totals.startedArrivals);
    // Calls are placed by send time; the gate admits by the same clock, so no one-second interval holds more than 4.
    for (const p of result.series) expect(p.requests).toBeLessThanOrEqual(4);
    expect(result.operations.InitiateAuth!.count).toBeGreaterThan(0);
  });

  it('driver: autocannon runs a closed-loop GetUser load, feeds the recorder and says closed-loop', { timeout: 90_000 }, async () => {
    writeFileSync(
      join(dir, 'closed.yaml'),
      [
        'name: closed',
        'target: { embedded: { quotas: aws-default, latency: zero } }',
        'population: { count: 4 }',
        'driver: autocannon',
        'autocannon: { load: get-user, connections: 2, users: 4 }',
        'phases: [{ type: constant, duration: 1s, rate: 0 }]',
      ].join('\n'),
    );
    const r = await cli(['run', 'closed.yaml', '--report-formats', 'md', '--out', 'out-closed']);
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'out-closed', 'result.json'), 'utf8')) as RunResult;
    expect(result.driver).toEqual({ name: 'autocannon', model: 'closed' });
    // Only the load is measured: the sign-ins that produced the access tokens are set-up.
    expect(Object.keys(result.operations)).toEqual(['GetUser']);
    expect(result.operations.GetUser!.count).toBeGreaterThan(0);
    expect(result.categories.UserRead!.count).toBe(result.operations.GetUser!.count);
    expect(result.totals.plannedArrivals).toBe(0);
    expect(r.stdout).toContain('driver autocannon (closed-loop): CLOSED-LOOP load');
    expect(readFileSync(join(dir, 'out-closed', 'report.md'), 'utf8')).toContain('closed-loop');
  });

  it('driver: autocannon cannot be split over shards or workers (exit 2 before the run)', async () => {
    for (const split of [['--shard', '0/2'], ['--workers', '2']]) {
      const r = await cli(['run', 'closed.yaml', ...split, '--out', 'out-closed-split']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('a closed-loop autocannon load cannot be split');
    }
    expect(existsSync(join(dir, 'out-closed-split'))).toBe(false);
  });

  it('--workers: the merged result gets the reports (the workers write result.json only)', { timeout: 120_000 }, async () => {
    const file = scenario('workers', 4, '1s');
    const startAt = new Date(Date.now() + 8_000).toISOString();
    const r = await cli(['run', file, '--workers', '2', '--start-at', startAt, '--ci', '--out', 'out-workers']);
    expect(r.code).toBe(0);
    const out = join(dir, 'out-workers');
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['result.json', 'report.md', 'report.html', 'junit.xml']));
    expect(readdirSync(join(out, 'worker-0')).filter((f) => !f.startsWith('journal-'))).toEqual(['result.json']);
    expect(r.stdout).toContain(`reports: ${join(out, 'report.md')} ${join(out, 'report.html')} ${join(out, 'junit.xml')}\n`);
    const merged = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as RunResult;
    expect(merged.mergedShards).toHaveLength(2);
    // The shards carry per-interval histograms: merged per-second percentiles are exact, no upper-bound warning.
    expect(merged.generator.warnings.some((w) => w.includes('upper bounds'))).toBe(false);
  });
});
