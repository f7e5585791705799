import { describe, expect, it } from 'vitest';
import { planCallsByCategory } from '../../../src/guard/planned-calls.js';
import { callsPerArrivalOf } from '../../../src/guard/flow-calls.js';

const constant = (name: string, seconds: number, rate: number) => ({
  name,
  durationMs: seconds * 1000,
  segments: [{ durationMs: seconds * 1000, fromRatePerSec: rate, toRatePerSec: rate }],
});
const ramp = (name: string, seconds: number, from: number, to: number) => ({
  name,
  durationMs: seconds * 1000,
  segments: [{ durationMs: seconds * 1000, fromRatePerSec: from, toRatePerSec: to }],
});

describe('callsPerArrivalOf', () => {
  it.each([
    [{ name: 'srp-sign-in', builtin: 'srp-sign-in' }, { byCategory: { UserAuthentication: 1 }, challengeResponses: 1 }],
    [{ name: 'login', builtin: 'password-sign-in' }, { byCategory: { UserAuthentication: 1 }, challengeResponses: 0 }],
    [{ name: 'sign-up' }, { byCategory: { UserCreation: 2 }, challengeResponses: 0 }],
    // The NEW_PASSWORD_REQUIRED answer is charged to UserAccountRecovery, not to the challenge allowance.
    [{ name: 'first-sign-in' }, { byCategory: { UserCreation: 1, UserAuthentication: 1, UserAccountRecovery: 1 }, challengeResponses: 0 }],
    [{ name: 'app-session' }, { byCategory: { UserAuthentication: 2, UserRead: 1, UserUpdate: 2 }, challengeResponses: 1 }],
    // Session flows may have to sign in first (no live session cached): counted, as the worst case.
    [{ name: 'profile-read' }, { byCategory: { UserAuthentication: 1, UserRead: 1 }, challengeResponses: 0 }],
    [
      { name: 'custom', steps: [{ step: 'getUser' }, { step: 'globalSignOut' }, { step: 'getUser' }] },
      { byCategory: { UserAuthentication: 2, UserRead: 2, UserUpdate: 1 }, challengeResponses: 0 },
    ],
    [
      {
        name: 'custom',
        steps: [{ step: 'srpSignIn' }, { step: 'getUser', params: { repeat: 3 } }, { step: 'think', params: { ms: 10 } }, { step: 'globalSignOut' }],
      },
      { byCategory: { UserAuthentication: 1, UserRead: 3, UserUpdate: 1 }, challengeResponses: 1 },
    ],
    [{ name: 'mystery' }, undefined],
    [{ name: 'custom', steps: [{ step: 'dance' }] }, undefined],
  ])('%j → %j', (flow, expected) => {
    expect(callsPerArrivalOf(flow)).toEqual(expected);
  });
});

describe('planCallsByCategory', () => {
  it('constant phase, weighted mix: hand-computed per second and peaks', () => {
    // 10 arrivals/s for 3 s; mix 3:1 of srp-sign-in (InitiateAuth + a challenge response) and profile-read (GetUser).
    // Per second: UserAuthentication 10 × 0.75 + 10 × 0.25 (profile-read may sign in first) = 10,
    // challenge responses 7.5, UserRead 10 × 0.25 = 2.5.
    const plan = planCallsByCategory({
      phases: [constant('steady', 3, 10)],
      flows: [
        { name: 'srp-sign-in', weight: 3 },
        { name: 'profile-read', weight: 1 },
      ],
    });
    expect(plan.perSecond).toEqual(
      [0, 1, 2].map((tSec) => ({ tSec, arrivals: 10, callsByCategory: { UserAuthentication: 10, UserRead: 2.5 }, challengeResponses: 7.5 })),
    );
    expect(plan.peakRatePerSecByCategory).toEqual({ UserAuthentication: 10, UserRead: 2.5 });
    expect(plan.peakChallengeResponseRatePerSec).toBe(7.5);
    expect(plan.peakTotalRatePerSec).toBe(20);
    expect(plan.totalCallsByCategory).toEqual({ UserAuthentication: 30, UserRead: 7.5 });
    expect(plan.unknownFlows).toEqual([]);
  });

  it('ramp 0→20/s over 4 s then a 1.5 s pause: per-second integrals and per-phase peaks', () => {
    // rate(t) = 5t; arrivals in [k, k+1) = 5(k + 0.5) → 2.5, 7.5, 12.5, 17.5; total 40.
    const plan = planCallsByCategory({
      phases: [ramp('up', 4, 0, 20), { name: 'rest', durationMs: 1500, segments: [{ durationMs: 1500, fromRatePerSec: 0, toRatePerSec: 0 }] }],
      flows: [{ name: 'password-sign-in', builtin: 'password-sign-in', weight: 1 }],
    });
    expect(plan.perSecond.map((s) => s.arrivals)).toEqual([2.5, 7.5, 12.5, 17.5, 0, 0]);
    expect(plan.perPhase.map((p) => [p.name, p.peakArrivalRatePerSec, p.callsByCategory.UserAuthentication])).toEqual([
      ['up', 20, 40],
      ['rest', 0, 0],
    ]);
    expect(plan.peakRatePerSecByCategory).toEqual({ UserAuthentication: 20 });
  });

  it('a segment boundary inside a second splits that second', () => {
    // 0.5 s at 10/s then 1 s at 30/s: second 0 = 5 + 15 = 20, second 1 = 15.
    const plan = planCallsByCategory({
      phases: [
        { name: 'a', durationMs: 500, segments: [{ durationMs: 500, fromRatePerSec: 10, toRatePerSec: 10 }] },
        constant('b', 1, 30),
      ],
      flows: [{ name: 'profile-read', weight: 1 }],
    });
    expect(plan.perSecond.map((s) => s.arrivals)).toEqual([20, 15]);
  });

  it('a shard plans its share of the rate; unknown flows are reported, not counted', () => {
    const plan = planCallsByCategory({
      phases: [constant('steady', 2, 90)],
      flows: [
        { name: 'password-sign-in', weight: 2 },
        { name: 'mystery', weight: 1 },
      ],
      rateDivisor: 3,
    });
    // 30 arrivals/s per shard, 2/3 of them signInPassword (1 call): 20 calls/s.
    expect(plan.peakRatePerSecByCategory).toEqual({ UserAuthentication: 20 });
    expect(plan.unknownFlows).toEqual(['mystery']);
  });
});
