import { describe, expect, it } from 'vitest';
import {
  latencyQuantileMs,
  normalQuantile,
  sampleLatencyMs,
  type LatencyDistribution,
} from '../../../../src/emulator/latency/latency-distribution.js';
import { latencySettingsFromDocument, loadLatencySettings } from '../../../../src/emulator/latency/latency-profile-file.js';
import { latencyFor, REALISTIC_LATENCY, ZERO_LATENCY } from '../../../../src/emulator/latency/latency-profile.js';
import { latencyLayer } from '../../../../src/emulator/latency/latency-layer.js';
import { InputError } from '../../../../src/errors.js';
import { seededRandom } from '../../../../src/load/seeded-random.js';

function empiricalQuantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

describe('latency distributions', () => {
  it.each([
    [0.5, 0],
    [0.99, 2.3263478740408408],
    [0.01, -2.3263478740408408],
    [0.975, 1.959963984540054],
    [0.001, -3.090232306167813],
  ])('normal quantile at %s', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 6);
  });

  it.each<[string, LatencyDistribution]>([
    ['fixed', { kind: 'fixed', ms: 42 }],
    ['uniform', { kind: 'uniform', minMs: 20, maxMs: 80 }],
    ['lognormal', { kind: 'lognormal', medianMs: 100, p99Ms: 400 }],
    ['lognormal narrow', { kind: 'lognormal', medianMs: 35, p99Ms: 150 }],
  ])('%s: seeded sample quantiles match the exact ones', (_name, d) => {
    const random = seededRandom(12345);
    const xs = Array.from({ length: 20_000 }, () => sampleLatencyMs(d, random)).sort((a, b) => a - b);
    for (const q of [0.1, 0.5, 0.9, 0.99]) {
      const exact = latencyQuantileMs(d, q);
      const tolerance = q === 0.99 ? 0.08 : 0.04;
      expect(Math.abs(empiricalQuantile(xs, q) - exact), `q=${q} exact=${exact}`).toBeLessThanOrEqual(tolerance * exact + 1e-9);
    }
    expect(xs[0]).toBeGreaterThanOrEqual(0);
  });

  it('lognormal parameters reproduce the median and p99 exactly', () => {
    const d: LatencyDistribution = { kind: 'lognormal', medianMs: 80, p99Ms: 320 };
    expect(latencyQuantileMs(d, 0.5)).toBeCloseTo(80, 9);
    expect(latencyQuantileMs(d, 0.99)).toBeCloseTo(320, 5);
  });

  it('the same seed gives the same samples', () => {
    const d: LatencyDistribution = { kind: 'lognormal', medianMs: 80, p99Ms: 320 };
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([1, 2, 3].map(() => sampleLatencyMs(d, a))).toEqual([1, 2, 3].map(() => sampleLatencyMs(d, b)));
  });
});

describe('latency profiles', () => {
  it('picks the operation, then the category, then the default', () => {
    expect(latencyFor(REALISTIC_LATENCY, 'InitiateAuth')).toEqual({ kind: 'lognormal', medianMs: 80, p99Ms: 320 });
    expect(latencyFor(REALISTIC_LATENCY, 'AdminGetUser')).toEqual(REALISTIC_LATENCY.categories.UserRead);
    expect(latencyFor(REALISTIC_LATENCY, 'SomethingNew')).toEqual(REALISTIC_LATENCY.default);
    expect(latencyFor(ZERO_LATENCY, 'InitiateAuth')).toEqual({ kind: 'fixed', ms: 0 });
    expect(latencyFor(REALISTIC_LATENCY, 'OAuth2Token.client_credentials', 'ClientAuthentication')).toEqual(REALISTIC_LATENCY.categories.ClientAuthentication);
  });

  it('loads built-ins and files with overrides', async () => {
    expect((await loadLatencySettings('zero')).latency).toBe(ZERO_LATENCY);
    const s = latencySettingsFromDocument(
      {
        extends: 'zero',
        operations: { InitiateAuth: { kind: 'fixed', ms: 100 } },
        triggers: { default: { latency: { kind: 'fixed', ms: 20 } }, PreSignUp: { errorRate: 0.5 } },
      },
      'l.yaml',
    );
    expect(latencyFor(s.latency, 'InitiateAuth')).toEqual({ kind: 'fixed', ms: 100 });
    expect(latencyFor(s.latency, 'GetUser')).toEqual({ kind: 'fixed', ms: 0 });
    expect(s.triggers.triggers.PreSignUp).toEqual({ latency: { kind: 'fixed', ms: 20 }, errorRate: 0.5, invokeErrorRate: 0 });
    expect(s.triggers.default.latency).toEqual({ kind: 'fixed', ms: 20 });
  });

  it.each([
    [{ default: { kind: 'lognormal', medianMs: 100, p99Ms: 50 } }, 'default'],
    [{ categories: { UserReed: { kind: 'fixed', ms: 1 } } }, 'categories.UserReed'],
    [{ triggers: { PreSignup: { errorRate: 0.1 } } }, 'triggers.PreSignup'],
    [{ triggers: { PreSignUp: { errorRate: 2 } } }, 'triggers.PreSignUp.errorRate'],
    [{ operations: { InitiateAuth: { kind: 'gamma' } } }, 'operations.InitiateAuth'],
  ])('%j is refused at %s', (doc, path) => {
    try {
      latencySettingsFromDocument(doc, 'l.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const paths = (e as InputError).problems.map((p) => p.path);
      expect(paths.some((p) => p.startsWith(path)), paths.join(', ')).toBe(true);
    }
  });
});

describe('latencyLayer', () => {
  it('waits a sample after the handler, on success and on error', async () => {
    const waits: number[] = [];
    const layer = latencyLayer(
      { name: 't', default: { kind: 'fixed', ms: 7 }, categories: {}, operations: { GetUser: { kind: 'fixed', ms: 30 } } },
      { random: () => 0.5, sleep: async (ms) => void waits.push(ms) },
    );
    const req = { operation: 'GetUser', service: 'AWSCognitoIdentityProviderService', body: {}, requestId: 'r', receivedAtMs: 0, userPoolId: null, userKey: null };
    await layer(req, async () => ({ status: 200, body: {} }));
    await expect(layer({ ...req, operation: 'ListUsers' }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(waits).toEqual([30, 7]);
  });

  it('uses real timers without blocking the event loop', async () => {
    const layer = latencyLayer({ name: 't', default: { kind: 'fixed', ms: 50 }, categories: {}, operations: {} }, { random: Math.random });
    const req = { operation: 'GetUser', service: 'AWSCognitoIdentityProviderService', body: {}, requestId: 'r', receivedAtMs: 0, userPoolId: null, userKey: null };
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    await Promise.all(Array.from({ length: 20 }, () => layer(req, async () => ({ status: 200, body: {} }))));
    clearInterval(timer);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(ticks).toBeGreaterThan(0); // the loop kept turning while 20 delays ran concurrently
  });
});
