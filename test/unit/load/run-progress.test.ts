import { describe, expect, it } from 'vitest';
import { fmtMs, formatProgressLine } from '../../../src/load/run-progress.js';
import { newRunId } from '../../../src/load/run.js';

describe('progress latency formatting', () => {
  it.each([
    [0, '0'],
    [850, '0.85'],
    [12_340, '12.3'],
    [250_000, '250'],
    [1_250_000, '1,250'],
  ])('fmtMs(%d µs) = %s', (us, text) => {
    expect(fmtMs(us)).toBe(text);
  });
});

describe('progress line', () => {
  it('shows the phase, time, start rate and per-category figures', () => {
    const line = formatProgressLine(
      {
        phase: 'steady',
        elapsedMs: 9000,
        durationMs: 20_000,
        startedPerSec: 29,
        targetPerSec: 30,
        inFlight: 12,
        dropped: 0,
        categories: [{ category: 'UserAuthentication', ratePerSec: 130, throttlesPerSec: 10, p99Us: 120_000 }],
      },
      { bar: true },
    );
    expect(line).toBe('[#########-----------] 45% steady  9s/20s  starts 29/30/s  in-flight 12  Auth 130/s p99 120ms thr 10/s');
  });
});

describe('newRunId', () => {
  it('is sortable by time and names the scenario', () => {
    expect(newRunId('Sign-in Storm!', new Date('2026-11-26T14:05:01Z'))).toMatch(/^20261126-140501-sign-in-storm-[0-9a-f]{4}$/);
  });
});
