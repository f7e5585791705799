import { describe, expect, it } from 'vitest';
import { CognitoServiceError, rateExceeded } from '../../../../src/cognito/service-error.js';
import type { HttpRequest } from '../../../../src/emulator/http-route.js';
import type { OperationRequest, OperationResponse } from '../../../../src/emulator/layer.js';
import { metricsLayer } from '../../../../src/emulator/usage/metrics-layer.js';
import { metricsRoute } from '../../../../src/emulator/usage/metrics-route.js';
import { renderPrometheus } from '../../../../src/emulator/usage/prometheus-text.js';
import { UsageRecorder } from '../../../../src/emulator/usage/usage-recorder.js';

const T0 = 1_700_000_040_000; // a whole minute: T0 / 60_000 = 28_333_334

const req = (operation: string, atMs: number, body: Record<string, unknown> = {}, pool: string | null = 'us-east-1_P'): OperationRequest => ({
  operation,
  service: 'AWSCognitoIdentityProviderService',
  body,
  requestId: 'r',
  receivedAtMs: atMs,
  userPoolId: pool,
  userKey: null,
});

const tokens: OperationResponse = { status: 200, body: { AuthenticationResult: { AccessToken: 'x' } } };
const challenge: OperationResponse = { status: 200, body: { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: {} } };

async function run(usage: UsageRecorder, r: OperationRequest, answer: OperationResponse | CognitoServiceError): Promise<void> {
  try {
    await metricsLayer(usage)(r, async () => {
      if (answer instanceof CognitoServiceError) throw answer;
      return answer;
    });
  } catch {
    // counted
  }
}

describe('usage metrics layer', () => {
  it('counts every call per category per second and minute, including failed and throttled ones', async () => {
    const usage = new UsageRecorder(T0);
    await run(usage, req('InitiateAuth', T0 + 10, { AuthFlow: 'USER_SRP_AUTH' }), challenge);
    await run(usage, req('RespondToAuthChallenge', T0 + 20), tokens);
    await run(usage, req('InitiateAuth', T0 + 30), new CognitoServiceError('NotAuthorizedException', 'Incorrect username or password.'));
    await run(usage, req('InitiateAuth', T0 + 1500), rateExceeded());
    await run(usage, req('InitiateAuth', T0 + 61_000, { AuthFlow: 'REFRESH_TOKEN_AUTH' }), tokens);
    await run(usage, req('GetUser', T0 + 61_000), { status: 400, body: { __type: 'TooManyRequestsException', message: 'Rate exceeded' } });
    await run(usage, req('SignUp', T0 + 61_000), { status: 200, body: { UserConfirmed: false } });
    await run(usage, req('RespondToAuthChallenge', T0 + 62_000, { ChallengeName: 'NEW_PASSWORD_REQUIRED' }), tokens);
    const s = usage.snapshot(T0 + 70_000);
    expect(s.categories.UserAuthentication).toEqual({
      callCount: 5,
      throttleCount: 1,
      perSecond: [
        { startMs: T0, callCount: 3, throttleCount: 0 },
        { startMs: T0 + 1000, callCount: 1, throttleCount: 1 },
        { startMs: T0 + 61_000, callCount: 1, throttleCount: 0 },
      ],
      perMinute: [
        { startMs: T0, callCount: 4, throttleCount: 1 },
        { startMs: T0 + 60_000, callCount: 1, throttleCount: 0 },
      ],
    });
    expect(s.categories.UserRead).toMatchObject({ callCount: 1, throttleCount: 1 });
    expect(s.categories.UserCreation).toMatchObject({ callCount: 1, throttleCount: 0 });
    expect(s.categories.UserAccountRecovery).toMatchObject({ callCount: 1, throttleCount: 0 });
    expect(s.pools['us-east-1_P']).toEqual({
      // SRP challenge = intermediate (no sample); tokens = success; wrong password = failure; NEW_PASSWORD answer with tokens = success
      SignInSuccesses: 2,
      SignInAttempts: 3,
      SignInThrottles: 1,
      TokenRefreshSuccesses: 1,
      TokenRefreshAttempts: 1,
      TokenRefreshThrottles: 0,
      SignUpSuccesses: 1,
      SignUpAttempts: 1,
      SignUpThrottles: 0,
    });
  });

  it('counts token-endpoint refresh grants as token refreshes', async () => {
    const usage = new UsageRecorder(T0);
    await run(usage, req('OAuth2Token.refresh_token', T0), { status: 200, body: null });
    await run(usage, req('OAuth2Token.refresh_token', T0), { status: 400, body: null });
    await run(usage, req('OAuth2Token.client_credentials', T0), { status: 200, body: null });
    const s = usage.snapshot(T0);
    expect(s.pools['us-east-1_P']).toMatchObject({ TokenRefreshSuccesses: 1, TokenRefreshAttempts: 2 });
    expect(s.categories.UserAuthentication?.callCount).toBe(2);
    expect(s.categories.ClientAuthentication?.callCount).toBe(1);
  });

  it('ignores other services and calls without a pool for pool metrics', async () => {
    const usage = new UsageRecorder(T0);
    await metricsLayer(usage)({ ...req('GetId', T0), service: 'AWSCognitoIdentityService' }, async () => tokens);
    await run(usage, req('InitiateAuth', T0, {}, null), tokens);
    const s = usage.snapshot(T0);
    expect(s.categories.UserAuthentication?.callCount).toBe(1);
    expect(s.pools).toEqual({});
  });

  it('keeps only the retained periods', () => {
    const usage = new UsageRecorder(T0, { retainSeconds: 2, retainMinutes: 1 });
    for (let i = 0; i < 5; i++) usage.recordCall('UserRead', T0 + i * 1000, false);
    usage.recordCall('UserRead', T0 + 120_000, false);
    const u = usage.snapshot(T0).categories.UserRead;
    expect(u?.callCount).toBe(6);
    expect(u?.perSecond.map((p) => p.startMs)).toEqual([T0 + 120_000]);
    expect(u?.perMinute.map((p) => p.startMs)).toEqual([T0 + 120_000]);
  });
});

describe('Prometheus text', () => {
  it('renders HELP, TYPE, labels (escaped) and infinities', () => {
    expect(
      renderPrometheus([
        { name: 'a_total', help: 'Calls.\nSecond line', type: 'counter', samples: [{ labels: { category: 'UserRead' }, value: 3 }, { labels: { category: 'x"y\\z\n' }, value: 0 }] },
        { name: 'b', help: 'Rate.', type: 'gauge', samples: [{ labels: {}, value: Number.POSITIVE_INFINITY }] },
        { name: 'c', help: 'Empty.', type: 'gauge', samples: [] },
      ]),
    ).toBe(
      [
        '# HELP a_total Calls.\\nSecond line',
        '# TYPE a_total counter',
        'a_total{category="UserRead"} 3',
        'a_total{category="x\\"y\\\\z\\n"} 0',
        '# HELP b Rate.',
        '# TYPE b gauge',
        'b +Inf',
        '# HELP c Empty.',
        '# TYPE c gauge',
        '',
      ].join('\n'),
    );
  });
});

describe('metrics route', () => {
  const http = (method: string, path: string, query = ''): HttpRequest => ({
    method,
    path,
    query: new URLSearchParams(query),
    headers: {},
    body: Buffer.alloc(0),
    baseUrl: 'http://127.0.0.1:1',
    receivedAtMs: T0,
  });

  function setup() {
    const usage = new UsageRecorder(T0);
    usage.recordCall('UserAuthentication', T0, false);
    usage.recordCall('UserAuthentication', T0, true);
    usage.recordPool('us-east-1_P', 'SignIn', 'success');
    const route = metricsRoute({
      usage,
      now: () => T0 + 5000,
      budgets: () => [{ category: 'UserAuthentication', ratePerSec: 120, accountMaxPerSec: 1200, availableTokens: 100 }, { category: 'Uncategorized', ratePerSec: Infinity, accountMaxPerSec: Infinity, availableTokens: Infinity }],
    });
    return { usage, route };
  }

  it('serves JSON', async () => {
    const { route } = setup();
    const res = await route(http('GET', '/_cogcap/metrics'));
    expect(res?.status).toBe(200);
    expect(res?.body).toMatchObject({
      sinceMs: T0,
      nowMs: T0 + 5000,
      categories: { UserAuthentication: { callCount: 2, throttleCount: 1 } },
      pools: { 'us-east-1_P': { SignInSuccesses: 1, SignInAttempts: 1 } },
      quotas: { UserAuthentication: { ratePerSec: 120, accountMaxPerSec: 1200, availableTokens: 100 }, Uncategorized: { ratePerSec: -1 } },
    });
  });

  it('serves Prometheus text', async () => {
    const { route } = setup();
    const res = await route(http('GET', '/_cogcap/metrics', 'format=prometheus'));
    expect(res?.headers?.['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res?.body as string;
    expect(text).toContain('# TYPE cogcap_usage_calls_total counter\ncogcap_usage_calls_total{category="UserAuthentication"} 2\n');
    expect(text).toContain('cogcap_usage_throttles_total{category="UserAuthentication"} 1\n');
    expect(text).toContain('cogcap_pool_sign_in_successes_total{user_pool="us-east-1_P"} 1\n');
    expect(text).toContain('cogcap_quota_rate_per_second{category="Uncategorized"} +Inf\n');
    // every sample line is `name{labels} value` or `name value`
    for (const line of text.trimEnd().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? (\S+))$/);
  });

  it('resets, and declines other paths', async () => {
    const { route, usage } = setup();
    expect(await route(http('GET', '/_cogcap/metrics/reset'))).toMatchObject({ status: 405 });
    expect(await route(http('POST', '/_cogcap/metrics/reset'))).toMatchObject({ status: 200, body: { reset: true, sinceMs: T0 + 5000 } });
    expect(usage.snapshot(T0 + 5000)).toEqual({ sinceMs: T0 + 5000, nowMs: T0 + 5000, categories: {}, pools: {}, identityPoolOperations: {} });
    expect(await route(http('GET', '/_cogcap/codes'))).toBeUndefined();
    expect(await route(http('GET', '/_cogcap/metrics', 'format=xml'))).toMatchObject({ status: 400 });
  });
});
