import { describe, expect, it } from 'vitest';
import { evaluateThresholds, allThresholdsPassed } from '../../../../src/metrics/thresholds/evaluate-thresholds.js';
import { parseThreshold } from '../../../../src/metrics/thresholds/parse-threshold.js';
import { buildResult, sample, type FixtureArrival } from '../../../fixtures/metrics/build-result.js';

/**
 * Hand-computed fixture: InitiateAuth ×10 with latencies 100..1000 µs (service time 80%), #8 NotAuthorizedException,
 * #9 and #10 throttled; GetUser ×4 at 300 µs, all at t=0; srp-sign-in: 10 planned arrivals (1 dropped, 1 late),
 * 9 completions (2 failed) of 1 ms; 10 s run.
 */
const samples = [
  ...Array.from({ length: 10 }, (_, k) => {
    const i = k + 1;
    return sample('InitiateAuth', i >= 9 ? 'throttled' : i === 8 ? 'client_error' : 'ok', i * 100, {
      intendedStartUs: k * 1_000_000,
      serviceTimeUs: i * 80,
    });
  }),
  ...Array.from({ length: 4 }, () => sample('GetUser', 'ok', 300, { serviceTimeUs: 240 })),
];
const arrivals: FixtureArrival[] = Array.from({ length: 10 }, (_, k) => ({
  flow: 'srp-sign-in',
  intendedStartUs: k * 1_000_000,
  event: k === 0 ? 'dropped' : k === 1 ? 'late' : 'started',
}));
const completions = Array.from({ length: 9 }, (_, k) => ({ flow: 'srp-sign-in', ok: k >= 2, intendedStartUs: k, latencyUs: 1000 }));
const result = buildResult(samples, { arrivals, completions });

const table: [string, number, 'pass' | 'fail' | 'no-data'][] = [
  ['p99 < 250ms', 1000, 'pass'],
  ['max <= 1ms', 1000, 'pass'],
  ['p75 <= 700us', 700, 'pass'],
  ['p75 < 700us', 700, 'fail'],
  ['mean < 1ms', Math.round((5500 + 1200) / 14), 'pass'],
  ['category:UserAuthentication p50 <= 500us', 500, 'pass'],
  ['category:UserAuthentication p50 < 500us', 500, 'fail'],
  ['category:UserAuthentication service:p50 == 400us', 400, 'pass'],
  ['category:UserAuthentication service:min == 80us', 80, 'pass'],
  ['operation:InitiateAuth p99.9 <= 1ms', 1000, 'pass'],
  ['operation:GetUser p90 == 300us', 300, 'pass'],
  ['category:UserAuthentication throttle_rate < 1%', 0.2, 'fail'],
  ['throttle_rate <= 0.15', 2 / 14, 'pass'],
  ['error_rate < 0.5%', 1 / 14, 'fail'],
  ['category:UserRead error_rate == 0', 0, 'pass'],
  ['error_rate{type:NotAuthorizedException} == 0', 1 / 14, 'fail'],
  ['error_rate{type:TooManyRequestsException} > 10%', 2 / 14, 'pass'],
  ['errors{type:NotAuthorizedException} == 1', 1, 'pass'],
  ['errors{type:UserNotFoundException} == 0', 0, 'pass'],
  ['throttles == 2', 2, 'pass'],
  ['requests >= 14', 14, 'pass'],
  ['achieved_rate >= 95%', 0.9, 'fail'],
  ['achieved_rate >= 90%', 0.9, 'pass'],
  ['dropped == 0', 1, 'fail'],
  ['dropped_rate <= 10%', 0.1, 'pass'],
  ['late == 1', 1, 'pass'],
  ['flow:srp-sign-in max < 2s', 1000, 'pass'],
  ['flow:srp-sign-in error_rate < 30%', 2 / 9, 'pass'],
  ['flow:srp-sign-in errors > 2', 2, 'fail'],
  ['flow:srp-sign-in achieved_rate >= 90%', 0.9, 'pass'],
  ['flow:srp-sign-in rps == 0.9', 0.9, 'pass'],
  ['category:UserAuthentication rps >= 1', 1, 'pass'],
  ['category:UserRead peak_rps == 4', 4, 'pass'],
  ['category:UserCreation p99 < 1s', 0, 'no-data'],
  ['operation:SignUp requests > 0', 0, 'no-data'],
  ['flow:sign-up dropped == 0', 0, 'no-data'],
  ['flow:sign-up p99 < 1s', 0, 'no-data'],
];

describe('evaluateThresholds', () => {
  it.each(table)('%s → %s (%s)', (expr, measured, status) => {
    const [r] = evaluateThresholds(result, [parseThreshold(expr, 't')]);
    expect(r!.status).toBe(status);
    expect(r!.measured).toBeCloseTo(measured, 9);
    expect(r!.passed).toBe(status === 'pass');
    expect(r!.expression).toBe(expr);
    if (status === 'no-data') expect(r!.detail).toMatch(/^no data: no (calls|planned arrivals|completed flows) in (category|operation|flow) /);
    else expect(r!.detail).toMatch(/^measured .*, limit /);
  });

  it('formats the detail line with units', () => {
    const [a, b] = evaluateThresholds(result, [parseThreshold('p99 < 250ms', 't'), parseThreshold('error_rate < 0.5%', 't')]);
    expect(a!.detail).toBe('measured 1 ms, limit < 250 ms');
    expect(b!.detail).toBe('measured 7.14%, limit < 0.5%');
  });

  it('is pure: same input, same output, input untouched', () => {
    const before = JSON.stringify(result);
    const ts = table.map(([e]) => parseThreshold(e, 't'));
    expect(evaluateThresholds(result, ts)).toEqual(evaluateThresholds(result, ts));
    expect(JSON.stringify(result)).toBe(before);
  });

  it('allThresholdsPassed: empty passes, one failure or no-data fails', () => {
    expect(allThresholdsPassed([])).toBe(true);
    expect(allThresholdsPassed(evaluateThresholds(result, [parseThreshold('p99 < 1s', 't')]))).toBe(true);
    expect(allThresholdsPassed(evaluateThresholds(result, [parseThreshold('category:UserCreation p99 < 1s', 't')]))).toBe(false);
  });

  it('marks abortOnFail thresholds', () => {
    const [r] = evaluateThresholds(result, [parseThreshold('p99 < 1s', 't', { abortOnFail: true })]);
    expect(r!.abortOnFail).toBe(true);
  });
});
