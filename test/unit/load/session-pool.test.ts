import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/load/flow.js';
import { MemorySessionPool } from '../../../src/load/session-pool.js';

const mk = (name: string, expiresAtUs: number): Session => ({
  user: { username: name, password: 'p' },
  accessToken: `a-${name}`,
  idToken: `i-${name}`,
  refreshToken: `r-${name}`,
  expiresAtUs,
});
const seq = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe('MemorySessionPool', () => {
  it('take borrows exclusively; put returns', () => {
    const pool = new MemorySessionPool();
    const s = mk('a', 1_000);
    pool.add(s);
    expect(pool.size).toBe(1);
    expect(pool.take(0, () => 0)).toBe(s);
    expect(pool.size).toBe(0);
    expect(pool.take(0, () => 0)).toBeUndefined();
    pool.put(s);
    expect(pool.take(0, () => 0.99)).toBe(s);
  });

  it('respects expiry and minValidUs', () => {
    const pool = new MemorySessionPool();
    const soon = mk('soon', 100);
    const later = mk('later', 10_000);
    pool.add(soon);
    pool.add(later);
    // rng 0 probes index 0 (soon): valid 50 µs more, less than minValidUs 1000 → skipped, not evicted.
    expect(pool.take(50, seq(0, 0.9), 1_000)).toBe(later);
    expect(pool.size).toBe(1);
    // at t=100 `soon` has expired: moved to the expired list, not returned.
    expect(pool.take(100, () => 0)).toBeUndefined();
    expect(pool.expiredSize).toBe(1);
    expect(pool.takeExpired(() => 0)).toBe(soon);
    expect(pool.size).toBe(0);
  });

  it('remove forgets live and expired sessions', () => {
    const pool = new MemorySessionPool();
    const a = mk('a', 10);
    const b = mk('b', 1_000);
    const c = mk('c', 1_000);
    pool.add(a);
    pool.add(b);
    pool.add(c);
    pool.take(20, () => 0); // a expires → expired list; returns another
    pool.remove(a);
    expect(pool.expiredSize).toBe(0);
    pool.remove(b);
    pool.remove(c);
    expect(pool.size).toBe(0);
  });

  it('stays bounded by maxSessions (round-robin replacement)', () => {
    const pool = new MemorySessionPool({ maxSessions: 3 });
    for (let i = 0; i < 10; i += 1) pool.add(mk(`u${i}`, 1_000));
    expect(pool.size).toBe(3);
    const names = new Set<string>();
    for (let i = 0; i < 3; i += 1) names.add(pool.take(0, () => 0)!.user.username);
    expect(names).toEqual(new Set(['u9', 'u7', 'u8']));
  });

  it('swap-remove keeps every session reachable', () => {
    const pool = new MemorySessionPool();
    const all = Array.from({ length: 100 }, (_, i) => mk(`u${i}`, 1_000));
    all.forEach((s) => pool.add(s));
    const seen = new Set<Session>();
    let x = 0.123;
    const rng = () => (x = (x * 9301 + 0.49297) % 1);
    for (let i = 0; i < 100; i += 1) seen.add(pool.take(0, rng, 0) ?? pool.take(0, () => 0)!);
    expect(seen.size).toBe(100);
    expect(pool.size).toBe(0);
  });
});

describe('MemorySessionPool.removeUser', () => {
  it('forgets every held session of a user (live and expired), also after round-robin replacement', () => {
    const pool = new MemorySessionPool({ maxSessions: 3 });
    const a1 = mk('a', 10);
    const a2 = mk('a', 1_000);
    const b = mk('b', 1_000);
    pool.add(a1);
    pool.add(a2);
    pool.add(b);
    pool.take(20, seq(0, 0.99), 0); // a1 expired → expired list; returns b (index 2 after swap) or a2
    pool.put(pool.take(20, () => 0, 0) ?? mk('c', 1_000));
    pool.removeUser('a');
    const left: string[] = [];
    for (let s = pool.take(20, () => 0); s; s = pool.take(20, () => 0)) left.push(s.user.username);
    expect(left.every((n) => n !== 'a')).toBe(true);
    expect(pool.expiredSize).toBe(0);
  });
});
