import { describe, expect, it } from 'vitest';
import { CognitoServiceError } from '../../../../src/cognito/service-error.js';
import { FailedSignInLockout } from '../../../../src/emulator/quota/lockout.js';

function lockedAt(l: FailedSignInLockout, user: string, atMs: number): boolean {
  try {
    l.check(user, atMs);
    return false;
  } catch (e) {
    expect(e).toBeInstanceOf(CognitoServiceError);
    expect((e as CognitoServiceError).type).toBe('NotAuthorizedException');
    expect((e as CognitoServiceError).message).toBe('Password attempts exceeded');
    return true;
  }
}

describe('FailedSignInLockout', () => {
  it.each([
    [4, 0],
    [5, 1000],
    [6, 2000],
    [7, 4000],
    [10, 32_000],
    [14, 512_000],
    [15, 900_000], // 1024 s capped at 15 min
    [30, 900_000],
  ])('after %i consecutive failures the lock lasts %i ms', (failures, ms) => {
    expect(new FailedSignInLockout().lockDurationMs(failures)).toBe(ms);
  });

  it('locks after the 5th failure for 1 s, doubling with each further failure', () => {
    const l = new FailedSignInLockout();
    let t = 0;
    for (let i = 0; i < 4; i++) l.recordFailure('p/a', (t += 10));
    expect(lockedAt(l, 'p/a', t)).toBe(false);
    l.recordFailure('p/a', (t += 10)); // 5th
    expect(lockedAt(l, 'p/a', t + 999)).toBe(true);
    expect(lockedAt(l, 'p/a', t + 1000)).toBe(false);
    t += 1000;
    l.recordFailure('p/a', t); // 6th: 2 s
    expect(lockedAt(l, 'p/a', t + 1999)).toBe(true);
    expect(lockedAt(l, 'p/a', t + 2000)).toBe(false);
    expect(lockedAt(l, 'p/b', t)).toBe(false); // per user
  });

  it('a success clears the count', () => {
    const l = new FailedSignInLockout();
    for (let i = 0; i < 5; i++) l.recordFailure('p/a', i);
    l.recordSuccess('p/a');
    expect(lockedAt(l, 'p/a', 5)).toBe(false);
    for (let i = 0; i < 4; i++) l.recordFailure('p/a', 10 + i);
    expect(lockedAt(l, 'p/a', 20)).toBe(false);
  });

  it('forgets failures once the longest lock has passed without one (assumption)', () => {
    const l = new FailedSignInLockout();
    for (let i = 0; i < 4; i++) l.recordFailure('p/a', i);
    l.recordFailure('p/a', 900_004);
    expect(lockedAt(l, 'p/a', 900_005)).toBe(false);
  });

  it('parameters are configurable', () => {
    const l = new FailedSignInLockout({ threshold: 2, baseLockMs: 100, maxLockMs: 250 });
    expect([1, 2, 3, 4, 5].map((n) => l.lockDurationMs(n))).toEqual([0, 100, 200, 250, 250]);
  });
});
