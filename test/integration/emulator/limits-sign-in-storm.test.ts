import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Layer } from '../../../src/emulator/layer.js';
import { limitsAppOptions } from '../../../src/emulator/limits-app-options.js';
import { createLimits } from '../../../src/emulator/limits.js';
import { quotaProfileFromDocument } from '../../../src/emulator/quota/quota-profile-file.js';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/start-emulator.js';
import { bucketAdmits } from './token-bucket-oracle.js';

/**
 * "Done when" of issue 3, scaled down: a sign-in storm (USER_PASSWORD_AUTH over 20 users, 40/s) against a
 * UserAuthentication quota of 20/s is throttled at the quota; UpdateProvisionedLimit to 60 lifts it at once; the
 * metrics endpoint shows the calls, throttles and per-pool sign-ins.
 */
const POOL = 'us-east-1_Storm0001';
const CLIENT = 'stormclient0001';
const USERS = 20;

describe('sign-in storm over HTTP', () => {
  let emu: RunningEmulator;
  let arrivals: number[] = [];
  const recorder: Layer = (req, next) => {
    if (req.operation === 'InitiateAuth') arrivals.push(Date.now());
    return next(req);
  };
  const post = async (operation: string, body: unknown) => {
    const res = await fetch(`${emu.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    return { status: res.status, type: json.__type as string | undefined, body: json };
  };

  async function storm(ratePerSec: number, durationMs: number) {
    await Promise.all(Array.from({ length: 16 }, () => fetch(`${emu.url}/_cogcap/metrics?format=prometheus`).then((r) => r.text())));
    arrivals = [];
    const n = Math.round((ratePerSec * durationMs) / 1000);
    const start = performance.now() + 20;
    const results = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        await new Promise((r) => setTimeout(r, Math.max(0, start + (i * 1000) / ratePerSec - performance.now())));
        return post('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT, AuthParameters: { USERNAME: `user${i % USERS}`, PASSWORD: 'Storm-Passw0rd!' } });
      }),
    );
    return {
      signedIn: results.filter((r) => r.status === 200 && r.body.AuthenticationResult).length,
      throttled: results.filter((r) => r.type === 'TooManyRequestsException').length,
      other: results.filter((r) => r.status !== 200 && r.type !== 'TooManyRequestsException').map((r) => r.type),
      spanMs: Math.max(...arrivals) - Math.min(...arrivals),
      arrivals: [...arrivals],
    };
  }

  beforeAll(async () => {
    const limits = createLimits({ quotas: quotaProfileFromDocument({ categories: { UserAuthentication: 20 } }), now: Date.now, random: Math.random });
    const app = limitsAppOptions(limits);
    emu = await startEmulator({
      port: 0,
      ...app,
      layers: [recorder, ...app.layers],
      bootstrap: {
        pools: [
          {
            id: POOL,
            PoolName: 'storm',
            clients: [{ ClientName: 'web', clientId: CLIENT, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
            users: Array.from({ length: USERS }, (_, i) => ({ username: `user${i}`, password: 'Storm-Passw0rd!' })),
          },
        ],
      },
    });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('is throttled at the quota, and a raised provisioned limit lifts it at once', async () => {
    const first = await storm(40, 2500);
    expect(first.other).toEqual([]);
    expect(first.signedIn + first.throttled).toBe(100);
    // Exactly what a 20/s bucket of 20 tokens admits from the arrivals the server saw (±2 for clock ticks)...
    expect(Math.abs(first.signedIn - bucketAdmits(first.arrivals, 20, 20))).toBeLessThanOrEqual(2);
    // ...which is the quota: never more than 1 s burst + 20/s, and close to it (arrivals bunch on a busy machine).
    const atQuota = 20 + (20 * first.spanMs) / 1000;
    expect(first.signedIn).toBeLessThanOrEqual(atQuota + 1);
    expect(first.signedIn / atQuota, `signed in ${first.signedIn}, at quota ${atQuota.toFixed(1)}`).toBeGreaterThanOrEqual(0.85);

    const up = await post('UpdateProvisionedLimit', { LimitDefinition: { LimitClass: 'API_CATEGORY', Attributes: { Category: 'UserAuthentication' } }, RequestedLimitValue: 60 });
    expect(up.status).toBe(200);
    const second = await storm(40, 2000);
    expect(second).toMatchObject({ signedIn: 80, throttled: 0, other: [] });
    expect(bucketAdmits(second.arrivals, 60, 60)).toBe(80);

    const metrics = (await (await fetch(`${emu.url}/_cogcap/metrics`)).json()) as {
      categories: Record<string, { callCount: number; throttleCount: number }>;
      pools: Record<string, { SignInSuccesses: number; SignInThrottles: number }>;
      quotas: Record<string, { ratePerSec: number }>;
    };
    expect(metrics.categories.UserAuthentication).toEqual(expect.objectContaining({ callCount: 180, throttleCount: first.throttled }));
    expect(metrics.pools[POOL]).toMatchObject({ SignInSuccesses: first.signedIn + 80, SignInThrottles: first.throttled });
    expect(metrics.quotas.UserAuthentication?.ratePerSec).toBe(60);
  });

  it('locks a user out after 5 wrong passwords (1 s, doubling), through the sign-in handlers', async () => {
    await new Promise((r) => setTimeout(r, 1100)); // refill after the storms
    const signIn = (password: string) =>
      post('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT, AuthParameters: { USERNAME: 'user7', PASSWORD: password } });
    for (let i = 0; i < 5; i++) expect((await signIn('wrong')).body.message).toBe('Incorrect username or password.');
    const locked = await signIn('Storm-Passw0rd!');
    expect(locked).toMatchObject({ status: 400, type: 'NotAuthorizedException', body: { message: 'Password attempts exceeded' } });
    await new Promise((r) => setTimeout(r, 1050));
    expect((await signIn('Storm-Passw0rd!')).body.AuthenticationResult).toBeDefined();
  });
});
