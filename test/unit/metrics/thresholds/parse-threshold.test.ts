import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/errors.js';
import { parseThreshold } from '../../../../src/metrics/thresholds/parse-threshold.js';
import type { ParsedThreshold } from '../../../../src/metrics/thresholds/threshold-types.js';

type Expect = Partial<Omit<ParsedThreshold, 'latency'>> & { latency?: ParsedThreshold['latency'] };

const ok: [string, Expect][] = [
  ['p99 < 250ms', { scope: { kind: 'run' }, metric: 'p99', operator: '<', limit: 250_000, unit: 'us', latency: { statistic: { kind: 'percentile', percentile: 99 }, basis: 'intended' } }],
  ['p99<250ms', { metric: 'p99', operator: '<', limit: 250_000 }],
  ['category:UserAuthentication p95 < 300ms', { scope: { kind: 'category', name: 'UserAuthentication' }, metric: 'p95', limit: 300_000 }],
  ['operation:InitiateAuth p99.9 <= 1s', { scope: { kind: 'operation', name: 'InitiateAuth' }, operator: '<=', limit: 1_000_000, latency: { statistic: { kind: 'percentile', percentile: 99.9 }, basis: 'intended' } }],
  ['flow:srp-sign-in max < 2s', { scope: { kind: 'flow', name: 'srp-sign-in' }, metric: 'max', limit: 2_000_000, latency: { statistic: { kind: 'max' }, basis: 'intended' } }],
  ['category:UserAuthentication service:p99 < 250ms', { latency: { statistic: { kind: 'percentile', percentile: 99 }, basis: 'service' } }],
  ['intended:mean < 800us', { latency: { statistic: { kind: 'mean' }, basis: 'intended' }, limit: 800 }],
  ['min >= 1.5ms', { operator: '>=', limit: 1500 }],
  ['p75 < 0.5m', { limit: 30_000_000 }],
  ['category:UserAuthentication throttle_rate < 1%', { metric: 'throttle_rate', unit: 'ratio', limit: 0.01 }],
  ['error_rate < 0.5%', { metric: 'error_rate', limit: 0.005 }],
  ['error_rate < 0.005', { limit: 0.005 }],
  ['error_rate{type:NotAuthorizedException} == 0', { metric: 'error_rate', errorType: 'NotAuthorizedException', operator: '==', limit: 0 }],
  ['error_rate{ type: NotAuthorizedException } == 0', { errorType: 'NotAuthorizedException' }],
  ['errors{type:Timeout} <= 3', { metric: 'errors', errorType: 'Timeout', unit: 'count', limit: 3 }],
  ['achieved_rate >= 95%', { metric: 'achieved_rate', operator: '>=', limit: 0.95 }],
  ['dropped == 0', { metric: 'dropped', unit: 'count', limit: 0 }],
  ['flow:srp-sign-in dropped_rate != 1%', { operator: '!=', limit: 0.01 }],
  ['late <= 10', { metric: 'late', limit: 10 }],
  ['category:UserAuthentication peak_rps <= 120/s', { metric: 'peak_rps', unit: 'per_sec', limit: 120 }],
  ['operation:GetUser rps > 12.5', { metric: 'rps', operator: '>', limit: 12.5 }],
  ['  requests > 100  ', { expression: 'requests > 100', metric: 'requests', limit: 100 }],
];

describe('parseThreshold: valid expressions', () => {
  it.each(ok)('%s', (text, expected) => {
    const parsed = parseThreshold(text, 'thresholds[0]');
    expect(parsed).toMatchObject(expected);
    expect(parsed.abortOnFail).toBe(false);
    expect(parsed.delayAbortEvalMs).toBe(0);
  });

  it('keeps abort options', () => {
    expect(parseThreshold('p99 < 1s', 'p', { abortOnFail: true, delayAbortEvalMs: 5000 })).toMatchObject({ abortOnFail: true, delayAbortEvalMs: 5000 });
  });

  it('accepts a known flow and refuses an unknown one when flows are given', () => {
    expect(parseThreshold('flow:a p99 < 1s', 'p', { knownFlows: ['a'] }).scope).toEqual({ kind: 'flow', name: 'a' });
    try {
      parseThreshold('flow:b p99 < 1s', 'p', { knownFlows: ['a'] });
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).problems[0]!.message).toMatch(/unknown flow "b".*flows are a/);
    }
  });
});

const bad: [string, RegExp][] = [
  ['', /empty threshold/],
  ['p99 250ms', /no comparison operator/],
  ['p99 = 250ms', /"=" is not an operator.*use ==/],
  ['p99 ! 250ms', /"!" is not an operator/],
  ['< 250ms', /no metric before the operator/],
  ['p99 <', /no limit after "<"/],
  ['p99 < 250ms < 1s', /more than one operator/],
  ['category:UserAuthentication p99 extra < 1s', /too many parts/],
  ['category:UserAuthentication < 1s', /no metric after the selector/],
  ['category:UserAuth p99 < 1s', /unknown quota category "UserAuth".*expected one of UserAuthentication/],
  ['category:userauthentication p99 < 1s', /did you mean UserAuthentication\?/],
  ['category: p99 < 1s', /not a selector|no name after the colon/],
  ['operation:Login p99 < 1s', /unknown operation "Login"/],
  ['operation:initiateauth p99 < 1s', /did you mean InitiateAuth\?/],
  ['pool:X p99 < 1s', /unknown selector "pool:"/],
  ['nonsense p99 < 1s', /"nonsense" is not a selector/],
  ['latency < 1s', /unknown metric "latency".*expected one of p<N>/],
  ['throttle-rate < 1%', /"throttle-rate" is not a metric/],
  ['Throttle_Rate < 1%', /did you mean throttle_rate\?/],
  ['p0 < 1s', /out of range/],
  ['p100.5 < 1s', /out of range/],
  ['server:p99 < 1s', /unknown latency basis "server:"/],
  ['service:throttle_rate < 1%', /applies to latency metrics only/],
  ['flow:srp-sign-in service:p99 < 1s', /flows have only whole-flow latency/],
  ['p99{type:X} < 1s', /takes no \{type:...\} filter/],
  ['throttle_rate{type:X} < 1%', /takes no \{type:...\} filter/],
  ['flow:a errors{type:X} == 0', /takes no \{type:...\} filter for flows/],
  ['error_rate{kind:X} < 1%', /filter "\{kind:X\}" is not valid/],
  ['p99 < 250', /has no unit/],
  ['p99 < fast', /is not a duration/],
  ['error_rate < 5', /not a rate: expected a percentage/],
  ['error_rate < 150%', /not a percentage from 0% to 100%/],
  ['dropped == 0.5', /not a whole number/],
  ['dropped == -1', /not a whole number/],
  ['rps > lots', /not a number per second/],
  ['category:UserAuthentication achieved_rate >= 95%', /achieved_rate does not exist for category:.*applies to the whole run \(no selector\), flow:/],
  ['operation:InitiateAuth dropped == 0', /dropped does not exist for operation:/],
  ['flow:a throttle_rate < 1%', /throttle_rate does not exist for flow:/],
  ['peak_rps < 10', /peak_rps does not exist for the whole run/],
];

describe('parseThreshold: every error names the path, the expression and what was expected', () => {
  it.each(bad)('%s', (text, message) => {
    let err: unknown;
    try {
      parseThreshold(text, 'thresholds[3]');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.exitCode).toBe(2);
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]!.path).toBe('thresholds[3]');
    expect(e.problems[0]!.message).toContain(`"${text}"`);
    expect(e.problems[0]!.message).toMatch(message);
    expect(e.hint).toMatch(/Threshold syntax/);
  });

  it('accepts a space between number and unit', () => {
    expect(parseThreshold('p99 < 250 ms', 'p').limit).toBe(250_000);
  });
});
