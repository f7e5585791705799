import { describe, expect, it } from 'vitest';
import { evaluateAbortThresholds, markAborted } from '../../../../src/metrics/thresholds/live-evaluator.js';
import { evaluateThresholds } from '../../../../src/metrics/thresholds/evaluate-thresholds.js';
import { parseThreshold } from '../../../../src/metrics/thresholds/parse-threshold.js';
import { buildResult, sample } from '../../../fixtures/metrics/build-result.js';

const throttled = buildResult([sample('InitiateAuth', 'throttled', 500), sample('InitiateAuth', 'ok', 500)]);
const t = (expr: string, delayAbortEvalMs = 0, abortOnFail = true) => parseThreshold(expr, 't', { abortOnFail, delayAbortEvalMs });

describe('evaluateAbortThresholds', () => {
  it('aborts when an abortOnFail threshold fails after its grace delay', () => {
    const v = evaluateAbortThresholds(throttled, 12_000, [t('throttle_rate < 10%', 10_000)]);
    expect(v.abort).toBe(true);
    expect(v.triggered).toHaveLength(1);
    expect(v.triggered[0]).toMatchObject({ expression: 'throttle_rate < 10%', aborted: true, measured: 0.5 });
    expect(v.reason).toBe('threshold "throttle_rate < 10%" failed (measured 50%, limit < 10%) at 12s: run aborted (abortOnFail)');
  });

  it('waits for the grace delay', () => {
    expect(evaluateAbortThresholds(throttled, 9_999, [t('throttle_rate < 10%', 10_000)]).abort).toBe(false);
    expect(evaluateAbortThresholds(throttled, 10_000, [t('throttle_rate < 10%', 10_000)]).abort).toBe(true);
  });

  it('ignores thresholds without abortOnFail, passing ones and no-data ones', () => {
    const v = evaluateAbortThresholds(throttled, 60_000, [
      t('throttle_rate < 10%', 0, false),
      t('throttle_rate < 60%'),
      t('category:UserCreation p99 < 1ms'),
    ]);
    expect(v).toEqual({ abort: false, triggered: [] });
  });

  it('markAborted flags the triggering thresholds in the final results', () => {
    const ts = [t('throttle_rate < 10%'), t('p99 < 1s')];
    const v = evaluateAbortThresholds(throttled, 1000, ts);
    const final = markAborted(evaluateThresholds(throttled, ts), v.triggered);
    expect(final.map((r) => r.aborted ?? false)).toEqual([true, false]);
  });
});
