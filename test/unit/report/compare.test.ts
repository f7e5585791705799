import { describe, expect, it } from 'vitest';
import { compareResults } from '../../../src/report/compare.js';
import { renderComparisonMarkdown, renderComparisonText } from '../../../src/report/compare-render.js';
import type { Sample } from '../../../src/metrics/sample.js';
import { buildResult, sample } from '../../fixtures/metrics/build-result.js';

/** n calls of `op` with latencies 1..n ms × factor (so p95 = 0.95n ms × factor), `throttled` of them throttled. */
function calls(op: string, n: number, factor = 1, throttled = 0): Sample[] {
  return Array.from({ length: n }, (_, i) => sample(op, i < throttled ? 'throttled' : 'ok', Math.round((i + 1) * 1000 * factor)));
}

const baseline = buildResult([...calls('InitiateAuth', 200), ...calls('GetUser', 200), ...calls('SignUp', 20)], { runId: 'base' });

describe('compareResults', () => {
  it('flags a planted latency regression beyond tolerance and nothing else', () => {
    const current = buildResult([...calls('InitiateAuth', 200, 1.5), ...calls('GetUser', 200, 1.05), ...calls('SignUp', 20, 3)], { runId: 'now' });
    const c = compareResults(baseline, current);
    expect(c.verdict).toBe('fail');
    expect(c.regressions).toBe(1);
    const byCat = Object.fromEntries(c.categories.map((x) => [x.category, x]));
    expect(byCat.UserAuthentication!.status).toBe('regression');
    const p95 = byCat.UserAuthentication!.deltas.find((d) => d.metric === 'p95')!;
    expect(p95.regressed).toBe(true);
    expect(p95.relative).toBeCloseTo(0.5, 2);
    expect(byCat.UserRead!.status).toBe('pass'); // +5% is within 10%
    expect(byCat.UserCreation!.status).toBe('insufficient-data'); // 20 calls < 100, even though 3x slower
    expect(byCat.UserCreation!.note).toBe('20 baseline and 20 current calls: at least 100 needed in both to judge');
    expect(byCat.UserCreation!.deltas.every((d) => !d.regressed)).toBe(true);
    expect(c.insufficient).toBe(1);
  });

  it('flags a throttle-rate increase beyond the absolute tolerance', () => {
    const current = buildResult([...calls('InitiateAuth', 200, 1, 10), ...calls('GetUser', 200, 1, 2)]);
    const c = compareResults(baseline, current);
    const byCat = Object.fromEntries(c.categories.map((x) => [x.category, x]));
    expect(byCat.UserAuthentication!.status).toBe('regression'); // 0% → 5% (> 1 point)
    expect(byCat.UserRead!.status).toBe('pass'); // 0% → 1% (not more than 1 point)
    expect(byCat.UserCreation!.status).toBe('insufficient-data'); // absent now
    expect(byCat.UserCreation!.currentCount).toBe(0);
    expect(byCat.UserCreation!.deltas).toEqual([]);
  });

  it('honours tolerance, minimum delta and minimum samples options', () => {
    const current = buildResult([...calls('InitiateAuth', 200, 1.08), ...calls('GetUser', 200), ...calls('SignUp', 20, 3)]);
    expect(compareResults(baseline, current).verdict).toBe('pass');
    expect(compareResults(baseline, current, { tolerance: 0.05 }).verdict).toBe('fail');
    expect(compareResults(baseline, current, { tolerance: 0.05, minLatencyDeltaUs: 50_000 }).verdict).toBe('pass');
    expect(compareResults(baseline, current, { minSamples: 10 }).categories.find((x) => x.category === 'UserCreation')!.status).toBe('regression');
  });

  it('an improvement passes; same results pass; different scenarios are flagged', () => {
    const faster = buildResult([...calls('InitiateAuth', 200, 0.5), ...calls('GetUser', 200, 0.5)], { scenarioHash: 'other' });
    const c = compareResults(baseline, faster);
    expect(c.verdict).toBe('pass');
    expect(c.sameScenario).toBe(false);
    expect(compareResults(baseline, baseline).verdict).toBe('pass');
  });

  it('renders text and Markdown', () => {
    const current = buildResult([...calls('InitiateAuth', 200, 1.5), ...calls('GetUser', 200), ...calls('SignUp', 20)], { runId: 'now' });
    const c = compareResults(baseline, current);
    const text = renderComparisonText(c);
    expect(text).toContain('Baseline base → now: FAIL (1 regression, 1 with insufficient data)');
    expect(text).toMatch(/UserAuthentication\s+200 → 200\s+190 ms → 285 ms \(\+50%\) ▲/);
    expect(text).toMatch(/UserCreation .* insufficient data/);
    const md = renderComparisonMarkdown(c);
    expect(md).toContain('### Baseline comparison: ❌ 1 regression');
    expect(md).toContain('| UserAuthentication | 200 → 200 | 190 ms → 285 ms (+50%) ▲ |');
    expect(md).toContain('⚪ insufficient data');
  });
});
