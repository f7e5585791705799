import { describe, expect, it } from 'vitest';
import { OutcomeSeconds } from '../../../src/guard/outcome-seconds.js';
import type { Outcome, Sample } from '../../../src/metrics/sample.js';

const sample = (doneUs: number, outcome: Outcome, errorType?: string): Sample => ({
  operation: 'InitiateAuth',
  category: 'UserAuthentication',
  flow: 'signIn',
  outcome,
  ...(errorType ? { errorType } : {}),
  intendedStartUs: doneUs - 1000,
  sentUs: doneUs - 1000,
  latencyUs: 1000,
  serviceTimeUs: 1000,
});

describe('OutcomeSeconds', () => {
  it('buckets by completion second and drains complete seconds in order', () => {
    const o = new OutcomeSeconds();
    o.add(sample(500_000, 'ok'));
    o.add(sample(900_000, 'throttled', 'TooManyRequestsException'));
    o.add(sample(2_100_000, 'client_error', 'NotAuthorizedException'));
    expect(o.drainCompleted(999_999)).toEqual([]);
    expect(o.drainCompleted(2_500_000)).toEqual([
      { tSec: 0, calls: 2, throttled: 1, errorsByType: { TooManyRequestsException: 1 } },
      { tSec: 1, calls: 0, throttled: 0, errorsByType: {} },
    ]);
    // A late sample of a drained second counts in the next second to drain.
    o.add(sample(1_200_000, 'ok'));
    expect(o.drainCompleted(3_000_000)).toEqual([{ tSec: 2, calls: 2, throttled: 0, errorsByType: { NotAuthorizedException: 1 } }]);
  });
});
