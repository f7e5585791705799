import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/errors.js';
import {
  normalizeThresholdEntry,
  normalizeThresholdList,
  thresholdEntrySchema,
  thresholdListSchema,
} from '../../../../src/metrics/thresholds/threshold-entry-schema.js';

describe('thresholdEntrySchema', () => {
  it('accepts strings and objects', () => {
    expect(thresholdEntrySchema.safeParse('p99 < 250ms').success).toBe(true);
    expect(thresholdEntrySchema.safeParse({ threshold: 'p99 < 250ms', abortOnFail: true, delayAbortEval: '30s' }).success).toBe(true);
  });

  it.each([
    [42, [], /expected a threshold string/],
    [{ threshold: 'p99 < 1s', abortOnFail: 'yes' }, [], /expected a threshold string/],
    [{ threshold: 'p99 < 1s', extra: 1 }, [], /Unrecognized key: "extra"/],
    ['p99 < 250', [], /has no unit/],
    [{ threshold: 'category:Nope p99 < 1s' }, ['threshold'], /unknown quota category "Nope"/],
    [{ threshold: 'p99 < 1s', delayAbortEval: 'soon' }, ['delayAbortEval'], /"soon" is not a duration/],
  ])('rejects %j', (entry, path, message) => {
    const r = thresholdEntrySchema.safeParse(entry);
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path).toEqual(path);
    expect(issue.message).toMatch(message);
  });

  it('reports list positions', () => {
    const r = thresholdListSchema.safeParse(['p99 < 1s', 'p99 < fast']);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual([1]);
  });
});

describe('normalizeThresholdEntry / normalizeThresholdList', () => {
  it('turns objects into parsed thresholds with abort options', () => {
    expect(normalizeThresholdEntry({ threshold: 'p99 < 1s', abortOnFail: true, delayAbortEval: '1.5s' }, 'thresholds[0]')).toMatchObject({
      abortOnFail: true,
      delayAbortEvalMs: 1500,
      limit: 1_000_000,
    });
  });

  it('collects every problem with file and path', () => {
    try {
      normalizeThresholdList(['p99 < 1s', 'p99 < x', { threshold: 'flow:nope p99 < 1s' }, { threshold: 'p99 < 1s', delayAbortEval: 'x' }], {
        knownFlows: ['srp-sign-in'],
        file: 'scenarios/a.yaml',
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const err = e as InputError;
      expect(err.message).toBe('3 invalid thresholds');
      expect(err.problems.map((p) => [p.file, p.path])).toEqual([
        ['scenarios/a.yaml', 'thresholds[1]'],
        ['scenarios/a.yaml', 'thresholds[2].threshold'],
        ['scenarios/a.yaml', 'thresholds[3].delayAbortEval'],
      ]);
    }
  });
});
