import { afterEach, describe, expect, it } from 'vitest';
import { createDriver } from '../../../src/load/drivers/driver-registry.js';
import { runRawLoad } from '../../../src/load/drivers/raw-load.js';
import type { ResolvedTarget } from '../../../src/load/flow.js';
import type { Sample } from '../../../src/metrics/sample.js';
import { startFakeCognito, type FakeAnswer } from './fake-cognito-server.js';

const throttle: FakeAnswer = { status: 400, body: { __type: 'TooManyRequestsException', message: 'Rate exceeded' } };
const target = (endpoint: string): ResolvedTarget => ({
  kind: 'emulator',
  endpoint,
  region: 'us-east-1',
  userPoolId: 'us-east-1_Fake1',
  clientId: 'client1',
});

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

describe.each(['sdk', 'raw'])('%s driver against a JSON 1.1 server', (name) => {
  it('throttled answers are outcomes with exactly one request per call (no retries)', async () => {
    const server = await startFakeCognito(() => throttle);
    cleanup.push(server.close);
    let t = 1_000;
    const samples: Sample[] = [];
    const driver = createDriver(name, { target: target(server.url), nowUs: () => (t += 500), onSample: (s) => samples.push(s) });
    cleanup.push(() => driver.close());
    for (let i = 0; i < 5; i += 1) {
      const r = await driver.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client1', AuthParameters: { USERNAME: 'u', PASSWORD: 'p' } }, { flow: 'f', intendedStartUs: 0 });
      expect(r.outcome).toBe('throttled');
      expect(r.errorType).toBe('TooManyRequestsException');
    }
    expect(server.calls).toHaveLength(5);
    expect(samples).toHaveLength(5);
    // hand-computed with the fake clock: first call sent at 1,500 µs, answered at 2,000 µs, intended start 0.
    expect(samples[0]).toMatchObject({ operation: 'InitiateAuth', category: 'UserAuthentication', flow: 'f', sentUs: 1_500, latencyUs: 2_000, serviceTimeUs: 500 });
  });

  it('success returns the parsed output; categories can be overridden', async () => {
    const server = await startFakeCognito((op) =>
      op === 'RespondToAuthChallenge'
        ? { status: 200, body: { AuthenticationResult: { AccessToken: 'a', IdToken: 'i', RefreshToken: 'r', ExpiresIn: 3600 } } }
        : { status: 500, body: { __type: 'InternalErrorException', message: 'boom' } },
    );
    cleanup.push(server.close);
    const driver = createDriver(name, { target: target(server.url) });
    cleanup.push(() => driver.close());
    const ok = await driver.call('RespondToAuthChallenge', { ChallengeName: 'NEW_PASSWORD_REQUIRED', ClientId: 'client1', ChallengeResponses: { USERNAME: 'u', NEW_PASSWORD: 'x' }, Session: 's' }, { flow: 'f', intendedStartUs: 0, category: 'UserAccountRecovery' });
    expect(ok.outcome).toBe('ok');
    expect(ok.output).toMatchObject({ AuthenticationResult: { AccessToken: 'a' } });
    expect(ok.output).not.toHaveProperty('$metadata');
    expect(ok.sample.category).toBe('UserAccountRecovery');
    const bad = await driver.call('GetUser', { AccessToken: 'a' }, { flow: 'f', intendedStartUs: 0 });
    expect(bad).toMatchObject({ outcome: 'server_error', errorType: 'InternalErrorException' });
    expect(server.calls).toHaveLength(2);
  });

  it('a timeout is an outcome', async () => {
    const server = await startFakeCognito(() => ({ status: 200, body: {}, delayMs: 1_500 }));
    cleanup.push(server.close);
    const driver = createDriver(name, { target: target(server.url), requestTimeoutMs: 200 });
    cleanup.push(() => driver.close());
    const r = await driver.call('GetUser', { AccessToken: 'a' }, { flow: 'f', intendedStartUs: 0 });
    expect(r).toMatchObject({ outcome: 'timeout', errorType: 'Timeout' });
  });

  it('connection refused is a timeout outcome (NetworkError)', async () => {
    const server = await startFakeCognito(() => ({ status: 200, body: {} }));
    const url = server.url;
    await server.close();
    const driver = createDriver(name, { target: target(url) });
    cleanup.push(() => driver.close());
    const r = await driver.call('GetUser', { AccessToken: 'a' }, { flow: 'f', intendedStartUs: 0 });
    expect(r).toMatchObject({ outcome: 'timeout', errorType: 'NetworkError' });
  });
});

describe('driver registry and raw limits', () => {
  it('unknown driver names list the valid ones', () => {
    expect(() => createDriver('nope', { target: target('http://127.0.0.1:1/') })).toThrow(/valid drivers: sdk, raw/);
  });
  it('the raw driver refuses signed operations', async () => {
    const driver = createDriver('raw', { target: target('http://127.0.0.1:1/') });
    await expect(driver.call('AdminGetUser', {}, { flow: 'f', intendedStartUs: 0 })).rejects.toThrow(/SigV4/);
    await driver.close();
  });
  it('the sdk driver sends admin operations with dummy credentials to emulator targets', async () => {
    const server = await startFakeCognito(() => ({ status: 200, body: { Username: 'u', UserAttributes: [] } }));
    cleanup.push(server.close);
    const driver = createDriver('sdk', { target: target(server.url) });
    cleanup.push(() => driver.close());
    const r = await driver.call('AdminGetUser', { UserPoolId: 'us-east-1_Fake1', Username: 'u' }, { flow: 'f', intendedStartUs: 0 });
    expect(r.outcome).toBe('ok');
    expect(r.sample.category).toBe('UserRead');
  });
});

describe('runRawLoad (autocannon, closed loop)', () => {
  it('classifies every answer by type and reports the closed model', async () => {
    let n = 0;
    const server = await startFakeCognito(() => ((n += 1) % 2 === 0 ? throttle : { status: 200, body: { Username: 'u' } }));
    cleanup.push(server.close);
    const samples: Sample[] = [];
    const result = await runRawLoad({ url: server.url, operation: 'GetUser', body: { AccessToken: 'a' }, connections: 2, amount: 40, onSample: (s) => samples.push(s) });
    expect(result.model).toBe('closed');
    expect(result.requests).toBe(40);
    expect(result.counts.ok + result.counts.throttled).toBe(40);
    expect(result.counts.throttled).toBe(20);
    expect(samples).toHaveLength(40);
    expect(samples.every((s) => s.category === 'UserRead' && s.intendedStartUs === s.sentUs)).toBe(true);
    expect(server.calls).toHaveLength(40);
  });
});
