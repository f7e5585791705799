import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import type { RunResult } from '../../../src/metrics/run-result.js';
import { evaluateThresholds } from '../../../src/metrics/thresholds/evaluate-thresholds.js';
import { parseThreshold } from '../../../src/metrics/thresholds/parse-threshold.js';
import { parseRunResult } from '../../../src/report/read-result.js';
import { buildResult, syntheticRun } from '../../fixtures/metrics/build-result.js';

let dir: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await runCli(argv, { stdout, stderr, cwd: dir, env: {}, signal: new AbortController().signal });
  return { code, out, err };
}

const withThresholds = (r: RunResult, exprs: string[]): RunResult => ({ ...r, thresholds: evaluateThresholds(r, exprs.map((e) => parseThreshold(e, 't'))) });
const save = async (name: string, r: unknown): Promise<string> => {
  await writeFile(join(dir, name), JSON.stringify(r));
  return name;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cogcap-report-cli-'));
  const run = syntheticRun(600, 3, 3000);
  const slow = { ...run, samples: run.samples.map((s) => ({ ...s, latencyUs: s.latencyUs * 2 })) };
  const opts = { arrivals: run.arrivals, completions: run.completions, durationMs: 3000 };
  await save('base.json', withThresholds(buildResult(run.samples, { ...opts, runId: 'base' }), ['p99 < 5s']));
  await save('slow.json', withThresholds(buildResult(slow.samples, { ...opts, runId: 'slow' }), ['p99 < 5s']));
  for (const i of [0, 1]) {
    const pick = <T>(xs: readonly T[]): T[] => xs.filter((_, k) => k % 2 === i);
    const shard = buildResult(pick(run.samples), { arrivals: pick(run.arrivals), completions: pick(run.completions), durationMs: 3000, shard: { index: i, count: 2 }, runId: `s${i}` });
    await save(`shard-${i}.json`, withThresholds(shard, ['p99 < 5s', 'requests >= 600']));
  }
  const other = buildResult(run.samples.slice(0, 10), { scenarioHash: 'hash-b', shard: { index: 1, count: 2 }, runId: 'o1' });
  await save('other-scenario.json', other);
  await writeFile(join(dir, 'broken.json'), '{"schema": "cognito-capacity/run-result", "version": 1');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cogcap report', () => {
  it('writes md, html and junit beside the result by default and prints the paths', async () => {
    const { code, out } = await cli('report', 'base.json');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual([join(dir, 'report.md'), join(dir, 'report.html'), join(dir, 'junit.xml')]);
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toMatch(/^## ✅ PASS: fixture/);
  });

  it('writes only the asked formats into --out', async () => {
    const { code } = await cli('report', 'base.json', '--format', 'junit', '--out', 'out/junit-only');
    expect(code).toBe(0);
    expect(await readdir(join(dir, 'out/junit-only'))).toEqual(['junit.xml']);
  });

  it.each([
    [['report', 'base.json', '--format', 'pdf'], /unknown report format "pdf"[\s\S]*expected a comma-separated list of md, html, junit/],
    [['report', 'missing.json'], /cannot read .*missing.json[\s\S]*no such file/],
    [['report', 'broken.json'], /broken.json is not a cogcap result file[\s\S]*not valid JSON/],
  ])('exit 2 with a clear message: %j', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('cogcap compare', () => {
  it('exit 1 on a planted regression, with the table', async () => {
    const { code, out } = await cli('compare', 'base.json', 'slow.json');
    expect(code).toBe(1);
    expect(out).toMatch(/Baseline base → slow: FAIL/);
    expect(out).toMatch(/UserAuthentication .* REGRESSION/);
  });

  it('exit 0 against itself, Markdown written with --out', async () => {
    const { code, out } = await cli('compare', 'base.json', 'base.json', '--format', 'md', '--out', 'cmp.md');
    expect(code).toBe(0);
    expect(await readFile(join(dir, 'cmp.md'), 'utf8')).toContain('### Baseline comparison: ✅ no regression');
    expect(out.trim().split('\n').at(-1)).toBe(join(dir, 'cmp.md'));
  });

  it('a generous tolerance passes; bad options and files exit 2', async () => {
    expect((await cli('compare', 'base.json', 'slow.json', '--tolerance', '150%')).code).toBe(0);
    const bad = await cli('compare', 'base.json', 'slow.json', '--tolerance', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/invalid --tolerance "lots"[\s\S]*expected a percentage such as 10%/);
    expect((await cli('compare', 'base.json', 'nope.json')).code).toBe(2);
  });
});

describe('cogcap merge', () => {
  it('merges shards into one result that reads back, re-evaluates thresholds, exit 0', async () => {
    const { code, out } = await cli('merge', 'shard-0.json', 'shard-1.json', '--out', 'merged/result.json');
    expect(code).toBe(0);
    expect(out).toMatch(/^PASS fixture: all 2 thresholds passed/);
    const merged = parseRunResult(await readFile(join(dir, 'merged/result.json'), 'utf8'), 'merged');
    expect(merged.totals.count).toBe(600);
    expect(merged.mergedShards!.map((s) => s.runId)).toEqual(['s0', 's1']);
    expect(merged.thresholds.map((t) => [t.expression, t.passed])).toEqual([
      ['p99 < 5s', true],
      ['requests >= 600', true],
    ]);
    expect((await cli('report', 'merged/result.json', '--format', 'md')).code).toBe(0);
  });

  it('exit 1 when a threshold fails on the merged figures (a single shard has only half the requests)', async () => {
    const { code, out } = await cli('merge', 'shard-0.json', '--out', 'half.json');
    expect(code).toBe(1);
    expect(out).toContain('requests >= 600');
  });

  it.each([
    [['merge', 'shard-0.json', 'shard-0.json', '--out', 'x.json'], /overlapping slices: shard 0\/2 is also in shard-0.json/],
    [['merge', 'shard-0.json', 'other-scenario.json', '--out', 'x.json'], /other-scenario.json: scenario.hash: .*only shards of one scenario merge/],
    [['merge', 'shard-0.json', 'broken.json'], /broken.json is not a cogcap result file/],
  ])('exit 2: %j', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
