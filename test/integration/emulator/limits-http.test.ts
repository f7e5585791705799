import {
  CognitoIdentityProviderClient,
  GetProvisionedLimitCommand,
  TooManyRequestsException,
  UpdateProvisionedLimitCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Layer } from '../../../src/emulator/layer.js';
import { limitsAppOptions } from '../../../src/emulator/limits-app-options.js';
import { createLimits, type Limits } from '../../../src/emulator/limits.js';
import { quotaProfileFromDocument } from '../../../src/emulator/quota/quota-profile-file.js';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/start-emulator.js';
import { bucketAdmits } from './token-bucket-oracle.js';

/**
 * Over HTTP: an open-model load at 2x the UserRead quota is accepted at the quota and the rest throttled; at 90%
 * nothing is throttled; the metrics endpoint shows what the load produced; provisioned limits change at once.
 * Loads are small (20/s quota, 40/s for 3 s).
 */
const QUOTA = 20;
const DURATION_MS = 3000;

describe('emulator limits over HTTP', () => {
  let emu: RunningEmulator;
  let limits: Limits;
  let poolId: string;

  const call = async (operation: string, body: Record<string, unknown>): Promise<{ status: number; type?: string; body: Record<string, unknown> }> => {
    const res = await fetch(`${emu.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    return { status: res.status, ...(typeof json.__type === 'string' ? { type: json.__type } : {}), body: json };
  };

  /** Arrival times of AdminGetUser calls as the server saw them (an outermost test layer), ms. */
  let arrivals: number[] = [];
  const arrivalRecorder: Layer = (req, next) => {
    if (req.operation === 'AdminGetUser') arrivals.push(Date.now());
    return next(req);
  };

  /**
   * Open model: arrival i is sent at start + i / rate, whatever the previous answers did (no drift). Generator and
   * server share this process, so arrivals can bunch up on a busy machine: the expected counts use the span of
   * arrivals the server saw.
   */
  async function openLoad(ratePerSec: number, durationMs: number): Promise<{ accepted: number; throttled: number; other: number; spanMs: number; arrivals: number[] }> {
    const n = Math.round((ratePerSec * durationMs) / 1000);
    // Warm the client's keep-alive connections with uncharged requests so that connection setup does not delay arrivals.
    await Promise.all(Array.from({ length: 16 }, () => fetch(`${emu.url}/_cogcap/metrics?format=prometheus`).then((r) => r.text())));
    arrivals = [];
    const start = performance.now() + 20;
    const results = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const due = start + (i * 1000) / ratePerSec;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        return call('AdminGetUser', { UserPoolId: poolId, Username: 'alice' });
      }),
    );
    const count = (f: (r: (typeof results)[number]) => boolean) => results.filter(f).length;
    return {
      accepted: count((r) => r.status === 200),
      throttled: count((r) => r.type === 'TooManyRequestsException'),
      other: count((r) => r.status !== 200 && r.type !== 'TooManyRequestsException'),
      spanMs: Math.max(...arrivals) - Math.min(...arrivals),
      arrivals: [...arrivals],
    };
  }

  beforeAll(async () => {
    limits = createLimits({ quotas: quotaProfileFromDocument({ categories: { UserRead: QUOTA } }), now: Date.now, random: Math.random });
    const app = limitsAppOptions(limits);
    emu = await startEmulator({ port: 0, ...app, layers: [arrivalRecorder, ...app.layers] });
    const pool = await call('CreateUserPool', { PoolName: 'limits' });
    poolId = (pool.body.UserPool as { Id: string }).Id;
    expect((await call('AdminCreateUser', { UserPoolId: poolId, Username: 'alice', MessageAction: 'SUPPRESS' })).status).toBe(200);
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('2x the quota: accepted at the quota (after the 1 s burst), the rest throttled with HTTP 400', async () => {
    await new Promise((r) => setTimeout(r, 1100)); // a full bucket
    expect((await fetch(`${emu.url}/_cogcap/metrics/reset`, { method: 'POST' })).status).toBe(200);
    const r = await openLoad(2 * QUOTA, DURATION_MS);
    expect(r.other).toBe(0);
    expect(r.accepted + r.throttled).toBe(2 * QUOTA * (DURATION_MS / 1000));
    expect(r.spanMs).toBeGreaterThan(DURATION_MS / 2); // the load was spread, not one burst
    // Exactly what a bucket of 1 s of rate admits from the arrivals the server saw (±2 for clock ticks).
    expect(Math.abs(r.accepted - bucketAdmits(r.arrivals, QUOTA, QUOTA))).toBeLessThanOrEqual(2);
    // At the quota: capacity (1 s of rate) + rate x the span of arrivals, never more; within a few percent on a quiet
    // machine (~1%), lower only when a busy machine bunches the arrivals (hence the looser floor).
    const atQuota = QUOTA + (QUOTA * r.spanMs) / 1000;
    expect(r.accepted).toBeLessThanOrEqual(atQuota + 1);
    expect(r.accepted / atQuota, `accepted ${r.accepted}, at quota ${atQuota.toFixed(1)}`).toBeGreaterThanOrEqual(0.85);

    const doc = (await (await fetch(`${emu.url}/_cogcap/metrics`)).json()) as {
      categories: Record<string, { callCount: number; throttleCount: number; perSecond: { callCount: number; throttleCount: number }[] }>;
    };
    expect(doc.categories.UserRead).toMatchObject({ callCount: 2 * QUOTA * 3, throttleCount: r.throttled });
    expect(doc.categories.UserRead!.perSecond.reduce((s, p) => s + p.callCount, 0)).toBe(2 * QUOTA * 3);
    const prom = await (await fetch(`${emu.url}/_cogcap/metrics?format=prometheus`)).text();
    expect(prom).toContain(`cogcap_usage_calls_total{category="UserRead"} ${2 * QUOTA * 3}\n`);
    expect(prom).toContain(`cogcap_usage_throttles_total{category="UserRead"} ${r.throttled}\n`);
  });

  it('90% of the quota: nothing throttled', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const r = await openLoad(0.9 * QUOTA, DURATION_MS);
    expect(r).toMatchObject({ throttled: 0, other: 0, accepted: Math.round(0.9 * QUOTA * 3) });
  });

  it('UpdateProvisionedLimit through the AWS SDK takes effect at once; LimitManagement allows 1/s', async () => {
    const sdk = new CognitoIdentityProviderClient({
      endpoint: emu.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
      maxAttempts: 1,
    });
    try {
      await new Promise((r) => setTimeout(r, 1100));
      const LimitDefinition = { LimitClass: 'API_CATEGORY' as const, Attributes: { Category: 'UserRead' } };
      const up = await sdk.send(new UpdateProvisionedLimitCommand({ LimitDefinition, RequestedLimitValue: 2 * QUOTA }));
      expect(up.Limit).toMatchObject({ ProvisionedLimitValue: 2 * QUOTA, FreeLimitValue: QUOTA });
      await expect(sdk.send(new GetProvisionedLimitCommand({ LimitDefinition }))).rejects.toBeInstanceOf(TooManyRequestsException);
      expect(limits.limiter.ratePerSec('UserRead')).toBe(2 * QUOTA);
      await new Promise((r) => setTimeout(r, 1100));
      const got = await sdk.send(new GetProvisionedLimitCommand({ LimitDefinition }));
      expect(got.Limit?.ProvisionedLimitValue).toBe(2 * QUOTA);
    } finally {
      sdk.destroy();
    }
  });
});
