import { describe, expect, it } from 'vitest';
import { TtlMap } from '../../../../src/emulator/store/ttl-map.js';

describe('TtlMap', () => {
  it('expires entries and sweeps old ones on insert; respects the hard cap', () => {
    const m = new TtlMap<string, number>(1000, 3);
    m.set('a', 1, 0);
    m.set('b', 2, 500);
    expect(m.get('a', 999)).toBe(1);
    expect(m.get('a', 1000)).toBeUndefined();
    m.set('c', 3, 1200);
    expect(m.size).toBe(2);
    m.set('d', 4, 1300);
    m.set('e', 5, 1400);
    expect(m.size).toBe(3);
    expect(m.get('e', 1400)).toBe(5);
  });
});
