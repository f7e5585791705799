import { describe, expect, it } from 'vitest';
import { formatDurationMs, parseDurationMs } from '../../../src/config/duration.js';
import { parseRatePerSec } from '../../../src/config/rate.js';

describe('parseDurationMs', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['1.5s', 1500],
    [' 10 s ', 10_000],
    ['0s', 0],
  ])('%s → %d ms', (text, expected) => {
    expect(parseDurationMs(text)).toBe(expected);
  });
  it.each(['30', '', 's', '10 seconds', '-1s', '1d'])('rejects %j', (text) => {
    expect(parseDurationMs(text)).toBeUndefined();
  });
  it.each([
    [250, '250ms'],
    [1500, '1.5s'],
    [30_000, '30s'],
    [90_000, '1m30s'],
    [3_900_000, '1h5m'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDurationMs(ms)).toBe(text);
  });
});

describe('parseRatePerSec', () => {
  it.each([
    [20, 20],
    [0, 0],
    ['20/s', 20],
    ['20 / sec', 20],
    ['1200/m', 20],
    ['600/min', 10],
    ['3600/h', 1],
  ] as const)('%j → %d/s', (value, expected) => {
    expect(parseRatePerSec(value)).toBeCloseTo(expected, 12);
  });
  it.each(['20', '20/d', 'fast', -1])('rejects %j', (value) => {
    expect(parseRatePerSec(value)).toBeUndefined();
  });
});
