import { describe, expect, it } from 'vitest';
import { withRateCeiling } from '../../../src/guard/ceiling-driver.js';
import { RateCeilingGate } from '../../../src/guard/rate-ceiling.js';
import type { CallResult, Driver } from '../../../src/load/flow.js';

describe('withRateCeiling', () => {
  it('sends at most the ceiling per second; later calls wait for the next window', async () => {
    let nowUs = 0;
    const sentAtUs: number[] = [];
    const inner: Driver = {
      name: 'fake',
      model: 'open',
      call: async () => {
        sentAtUs.push(nowUs);
        return { outcome: 'ok' } as CallResult;
      },
      close: async () => undefined,
    };
    const sleeps: number[] = [];
    const driver = withRateCeiling(inner, new RateCeilingGate(2), () => nowUs, async (ms) => {
      sleeps.push(ms);
      nowUs += ms * 1000;
    });
    nowUs = 400_000;
    for (let i = 0; i < 5; i += 1) await driver.call('GetUser', {}, { flow: 'f', intendedStartUs: 400_000 });
    // 2 in second 0 (at 0.4 s), 2 in second 1 (after waiting 600 ms), 1 in second 2.
    expect(sentAtUs).toEqual([400_000, 400_000, 1_000_000, 1_000_000, 2_000_000]);
    expect(sleeps).toEqual([600, 1000]);
    expect(driver.name).toBe('fake');
  });
});
