import { describe, expect, it } from 'vitest';
import { formatStartAt, msUntilStart, parseStartAt, plannedStartAt } from '../../../src/scale/start-at.js';
import { InputError } from '../../../src/errors.js';

const NOW = Date.parse('2026-11-26T14:00:00.000Z');

describe('parseStartAt', () => {
  it.each([
    ['2026-11-26T14:05:00Z', NOW + 300_000],
    ['2026-11-26T14:05:00.250Z', NOW + 300_250],
    ['2026-11-26T15:05:00+01:00', NOW + 300_000],
    ['2026-11-26T14:00', undefined], // no zone: refused below
    ['2026-11-26T13:59:59Z', NOW - 1000], // 1 s in the past: accepted
  ])('%s', (text, expected) => {
    if (expected === undefined) expect(() => parseStartAt(text, NOW)).toThrow(InputError);
    else expect(parseStartAt(text, NOW)).toBe(expected);
  });

  it.each([
    ['2026-11-26T13:59:00Z', 'the start time is 60 s in the past (at most 2 s accepted)'],
    ['2026-11-28T14:00:00Z', 'the start time is 172800 s in the future (at most 86400 s)'],
    ['tomorrow', 'expected an ISO 8601 date-time with a zone'],
    ['2026-13-40T14:00:00Z', 'expected an ISO 8601 date-time with a zone'],
  ])('%s is refused: %s', (text, message) => {
    try {
      parseStartAt(text, NOW);
      expect.unreachable();
    } catch (err) {
      expect((err as InputError).problems[0]).toEqual({ path: '--start-at', message: expect.stringContaining(message) });
    }
  });

  it('honours custom tolerances', () => {
    expect(parseStartAt('2026-11-26T13:59:00Z', NOW, { maxPastMs: 60_000 })).toBe(NOW - 60_000);
  });
});

describe('start helpers', () => {
  it('plans a start rounded up to a whole second', () => {
    expect(plannedStartAt(NOW + 1, 5000)).toBe(NOW + 6000);
    expect(plannedStartAt(NOW, 5000)).toBe(NOW + 5000);
    expect(formatStartAt(NOW + 5000)).toBe('2026-11-26T14:00:05.000Z');
    expect(msUntilStart(NOW + 5000, NOW)).toBe(5000);
    expect(msUntilStart(NOW - 5, NOW)).toBe(0);
  });
});

describe('startAtToleranceFromEnv', () => {
  it.each([
    [{}, undefined],
    [{ COGCAP_START_AT_MAX_PAST_MS: '60000' }, 60_000],
    [{ COGCAP_START_AT_MAX_PAST_MS: '' }, undefined],
    [{ COGCAP_START_AT_MAX_PAST_MS: 'soon' }, undefined],
    [{ COGCAP_START_AT_MAX_PAST_MS: '-1' }, undefined],
  ])('%j → %s', async (env, expected) => {
    const { startAtToleranceFromEnv } = await import('../../../src/scale/start-at.js');
    expect(startAtToleranceFromEnv(env)).toBe(expected);
  });
});
