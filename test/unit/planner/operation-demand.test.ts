import { describe, expect, it } from 'vitest';
import { parseWorkload } from '../../../src/config/workload-load.js';
import { computeDemand } from '../../../src/planner/operation-demand.js';

/**
 * Hand-computed demand for one workload. Arithmetic:
 * DAU = 1,000,000 × 0.2 = 200,000; S = 200,000 × 2 = 400,000 sessions/day; SI = 400,000 × 0.5 = 200,000 sign-ins;
 * LS = 200,000 × 0.9 = 180,000 local; FS = 20,000 federated; refreshes/session = ceil(90/60) − 1 = 1;
 * peak ratio = 4 (given). avg = perDay / 86400; peak = avg × 4.
 */
const doc = {
  name: 'hand',
  users: { monthlyActive: 1_000_000, dailyActiveShare: 0.2 },
  peak: { peakToAverage: 4 },
  sessions: { perActiveUserPerDay: 2, lengthMin: 90, accessTokenLifetimeMin: 60, signInShare: 0.5, profileReadsPerSession: 0.5, signOutsPerSession: 0.25 },
  signIn: { mix: { password: 0.25, srp: 0.75 }, mfaShare: 0.2, newPasswordRequiredShare: 0.01, federatedShare: 0.1 },
  signUps: { perDay: 10_000 },
  passwordResets: { perDay: 864 },
  m2m: { clients: 100, tokenLifetimeMin: 30 },
  identityPool: { sessionShare: 0.5, credentialsLifetimeMin: 60 },
};

const cases: [id: string, quotaKeyId: string, budget: string, perDay: number, peakRatePerSec: number][] = [
  // 180,000 × 0.25 = 45,000/day; 45,000 / 86,400 × 4 = 2.083333 req/s
  ['signIn.password.initiate', 'cognito-idp:UserAuthentication', 'quota', 45_000, 2.0833333],
  // 180,000 × 0.75 = 135,000/day; 135,000 / 86,400 × 4 = 6.25
  ['signIn.srp.initiate', 'cognito-idp:UserAuthentication', 'quota', 135_000, 6.25],
  ['signIn.srp.respond', 'cognito-idp:UserAuthentication', 'challengeResponses', 135_000, 6.25],
  // 180,000 × (0.25 + 0.75) × 0.2 = 36,000; × 4 / 86,400 = 1.666667
  ['signIn.mfa.respond', 'cognito-idp:UserAuthentication', 'challengeResponses', 36_000, 1.6666667],
  // 180,000 × 1 × 0.01 = 1,800 → UserAccountRecovery; 1,800 / 86,400 × 4 = 0.0833333
  ['signIn.newPasswordRequired.respond', 'cognito-idp:UserAccountRecovery', 'quota', 1_800, 0.0833333],
  // 20,000 federated: 20,000 / 86,400 × 4 = 0.925926
  ['federation.idpResponse', 'cognito-idp:UserFederation', 'quota', 20_000, 0.9259259],
  ['federation.redeem', 'cognito-idp:UserAuthentication', 'codeRedemptions', 20_000, 0.9259259],
  // 400,000 × 1 + 400,000 × (1 − 0.5) = 600,000; / 86,400 × 4 = 27.777778
  ['session.refresh', 'cognito-idp:UserAuthentication', 'quota', 600_000, 27.7777778],
  // 400,000 × 0.5 = 200,000 GetUser; / 86,400 × 4 = 9.259259
  ['session.profileRead', 'cognito-idp:UserRead', 'quota', 200_000, 9.2592593],
  // 400,000 × 0.25 = 100,000 RevokeToken; × 4 / 86,400 = 4.62963
  ['session.signOut', 'cognito-idp:UserToken', 'quota', 100_000, 4.6296296],
  // 10,000 sign-ups and 10,000 confirmations (1 per sign-up by default for public sign-up)
  ['signUp.create', 'cognito-idp:UserCreation', 'quota', 10_000, 0.462963],
  ['signUp.confirm', 'cognito-idp:UserCreation', 'quota', 10_000, 0.462963],
  // 864 resets/day: 864 / 86,400 × 4 = 0.04
  ['passwordReset.forgot', 'cognito-idp:UserAccountRecovery', 'quota', 864, 0.04],
  ['passwordReset.confirm', 'cognito-idp:UserAccountRecovery', 'quota', 864, 0.04],
  // m2m: 100 clients × (60 / 30) per hour × 24 = 4,800/day; flat (ratio 1): 4,800 / 86,400 = 0.0555556
  ['m2m.clientCredentials', 'cognito-idp:ClientAuthentication', 'quota', 4_800, 0.0555556],
  // GetId default: signUps 10,000 × sessionShare 0.5 = 5,000/day; × 4 / 86,400 = 0.231481
  ['identityPool.GetId', 'cognito-identity:GetId', 'quota', 5_000, 0.2314815],
  // fetches/session = ceil(90 / 60) = 2; 400,000 × 0.5 × 2 = 400,000/day; × 4 / 86,400 = 18.518519
  ['identityPool.GetCredentialsForIdentity', 'cognito-identity:GetCredentialsForIdentity', 'quota', 400_000, 18.5185185],
];

describe('computeDemand (hand-computed)', () => {
  const demand = computeDemand(parseWorkload(doc));
  const byId = new Map(demand.lines.map((l) => [l.id, l]));
  it.each(cases)('%s', (id, keyId, budget, perDay, peak) => {
    const line = byId.get(id);
    expect(line, id).toBeDefined();
    expect(line!.quotaKeyId).toBe(keyId);
    expect(line!.budget).toBe(budget);
    expect(line!.perDay.value).toBeCloseTo(perDay, 6);
    expect(line!.avgRatePerSec.value).toBeCloseTo(perDay / 86_400, 9);
    expect(line!.peakRatePerSec.value).toBeCloseTo(peak, 6);
  });
  it('has no other lines', () => {
    expect(demand.lines.map((l) => l.id).sort()).toEqual(cases.map((c) => c[0]).sort());
  });
  it('carries derivations a reviewer can follow', () => {
    const refresh = byId.get('session.refresh')!;
    expect(refresh.perDay.formula).toBe('sessionsPerDay × refreshesPerSession + sessionsPerDay × (1 − signInShare)');
    expect(refresh.perDay.inputs).toMatchObject({ sessionsPerDay: { value: 400_000 }, refreshesPerSession: { value: 1 }, signInShare: { value: 0.5 } });
    expect(demand.basis.dailyActiveUsers!.value).toBe(200_000);
    expect(demand.basis.refreshesPerSession!.formula).toContain('ceil(sessionLengthMin / accessTokenLifetimeMin)');
  });
});

describe('refreshes per session = max(0, ceil(length / lifetime) − 1)', () => {
  const table: [lengthMin: number, lifetimeMin: number, expected: number][] = [
    [30, 60, 0], // ceil(0.5) − 1 = 0
    [60, 60, 0], // the token expires exactly when the session ends
    [61, 60, 1],
    [240, 60, 3],
    [240, 5, 47], // ceil(48) − 1
  ];
  it.each(table)('session %d min, token %d min → %d', (lengthMin, accessTokenLifetimeMin, expected) => {
    const w = parseWorkload({ name: 'r', users: { monthlyActive: 10, dailyActive: 1 }, peak: { peakToAverage: 1 }, sessions: { lengthMin, accessTokenLifetimeMin } });
    expect(computeDemand(w).basis.refreshesPerSession!.value).toBe(expected);
  });
});

describe('sign-in methods and APIs', () => {
  const base = { name: 'm', users: { monthlyActive: 86_400, dailyActive: 86_400 }, peak: { peakToAverage: 1 } };
  it('custom auth: InitiateAuth plus rounds answers; admin API names', () => {
    // 86,400 sign-ins/day = 1 req/s average; custom auth 3 rounds → 3 req/s of AdminRespondToAuthChallenge
    const d = computeDemand(parseWorkload({ ...base, signIn: { api: 'admin', mix: { customAuth: 1 }, customAuthRounds: 3 } }));
    const ids = Object.fromEntries(d.lines.map((l) => [l.id, l]));
    expect(ids['signIn.customAuth.initiate']!.operation).toBe('AdminInitiateAuth');
    expect(ids['signIn.customAuth.respond']!.operation).toBe('AdminRespondToAuthChallenge');
    expect(ids['signIn.customAuth.respond']!.peakRatePerSec.value).toBeCloseTo(3, 9);
  });
  it('hosted UI: a UserAuthentication request per step and a code redemption', () => {
    // 1 sign-in/s via hosted UI with 50 % MFA: 1 × (1 + 0.5) = 1.5 steps/s; 1 redemption/s
    const d = computeDemand(parseWorkload({ ...base, signIn: { mix: { hostedUi: 1 }, mfaShare: 0.5 } }));
    const ids = Object.fromEntries(d.lines.map((l) => [l.id, l]));
    expect(ids['signIn.hostedUi.steps']!.peakRatePerSec.value).toBeCloseTo(1.5, 9);
    expect(ids['signIn.hostedUi.redeem']!.budget).toBe('codeRedemptions');
    expect(ids['signIn.mfa.respond']).toBeUndefined();
  });
  it('identity pool developer flow: token + credentials per fetch, no GetId', () => {
    const d = computeDemand(parseWorkload({ ...base, identityPool: { flow: 'developer' } }));
    expect(d.lines.filter((l) => l.service === 'cognito-identity').map((l) => l.operation).sort()).toEqual([
      'GetCredentialsForIdentity',
      'GetOpenIdTokenForDeveloperIdentity',
    ]);
  });
  it('back office: catalogue categories, identity operations, uncategorized warned', () => {
    const d = computeDemand(
      parseWorkload({ ...base, backOffice: { perDay: { ListUsers: 8_640, 'cognito-identity:ListIdentities': 864, GetUserAuthFactors: 10 }, peakToAverage: 10 } }),
    );
    const ids = Object.fromEntries(d.lines.map((l) => [l.id, l]));
    // 8,640 / 86,400 = 0.1 avg × 10 = 1 req/s
    expect(ids['backOffice.ListUsers']!.quotaKeyId).toBe('cognito-idp:UserList');
    expect(ids['backOffice.ListUsers']!.peakRatePerSec.value).toBeCloseTo(1, 9);
    expect(ids['backOffice.cognito-identity:ListIdentities']!.quotaKeyId).toBe('cognito-identity:ListIdentities');
    expect(d.warnings.join('\n')).toContain('GetUserAuthFactors');
  });
});
