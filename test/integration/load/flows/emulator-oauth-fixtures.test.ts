import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRawDriver } from '../../../../src/load/drivers/raw-driver.js';
import type { Driver, ResolvedTarget } from '../../../../src/load/flow.js';
import { createEmulatorOAuthFixtures, emulatorOAuthFlows, type EmulatorOAuthFixtures } from '../../../../src/load/flows/emulator-oauth-fixtures.js';
import type { HttpFlowContext } from '../../../../src/load/flows/http-flow-context.js';
import { createSessionPool } from '../../../../src/load/session-pool.js';
import type { Sample } from '../../../../src/metrics/sample.js';
import { must, PASSWORD, startExtendedEmulator, type ExtendedEmulator } from '../../emulator/oauth/extension-harness.js';

let emu: ExtendedEmulator;
let fixtures: EmulatorOAuthFixtures;
let driver: Driver;
let target: ResolvedTarget;
const samples: Sample[] = [];

beforeAll(async () => {
  emu = await startExtendedEmulator();
  const pool = await must(emu.app, 'CreateUserPool', { PoolName: 'fixtures' });
  const userPoolId = pool['UserPool'].Id as string;
  await must(emu.app, 'AdminCreateUser', { UserPoolId: userPoolId, Username: 'u1', TemporaryPassword: 'Temp0rary!x', MessageAction: 'SUPPRESS' });
  await must(emu.app, 'AdminSetUserPassword', { UserPoolId: userPoolId, Username: 'u1', Password: PASSWORD, Permanent: true });
  fixtures = await createEmulatorOAuthFixtures({ endpoint: emu.url, userPoolId });
  target = { kind: 'emulator', endpoint: emu.url, region: 'us-east-1', userPoolId, clientId: fixtures.web.clientId, clientSecret: fixtures.web.clientSecret };
  driver = createRawDriver({ target, onSample: (s) => samples.push(s) });
});
afterAll(async () => {
  await driver?.close();
  await emu.close();
});

describe('emulator OAuth fixtures and their flows', () => {
  it('sets up a pool the four flows run against', async () => {
    const origin = performance.now();
    const sessions = createSessionPool();
    let n = 7;
    for (const flow of emulatorOAuthFlows(fixtures)) {
      const ctx: HttpFlowContext = {
        flow: flow.name,
        intendedStartUs: 0,
        driver,
        target,
        population: { pick: () => ({ username: 'u1', password: PASSWORD }), fresh: async () => ({ username: 'u1', password: PASSWORD }), size: 1 },
        sessions,
        rng: () => ((n = (n * 16807) % 2147483647) / 2147483647),
        nowUs: () => (performance.now() - origin) * 1000,
        sleep: async () => undefined,
        signal: new AbortController().signal,
        recordSample: (s) => samples.push(s),
      };
      expect(await flow.run(ctx), flow.name).toBe(true);
    }
    expect(samples.filter((s) => s.outcome !== 'ok')).toEqual([]);
    expect(new Set(samples.map((s) => s.operation))).toEqual(
      new Set(['OAuth2Token.client_credentials', 'OAuth2Authorize', 'OAuth2Login', 'OAuth2Token.authorization_code', 'OAuth2IdpResponse', 'GetId', 'GetCredentialsForIdentity']),
    );
  });
});
