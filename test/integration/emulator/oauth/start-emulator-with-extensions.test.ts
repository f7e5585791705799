import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLimits } from '../../../../src/emulator/limits.js';
import { limitsAppOptions } from '../../../../src/emulator/limits-app-options.js';
import { startEmulatorWithExtensions } from '../../../../src/emulator/oauth/start-emulator-with-extensions.js';
import { basic, postForm, seedOAuthPool } from './extension-harness.js';

let running: Awaited<ReturnType<typeof startEmulatorWithExtensions>>;

beforeAll(async () => {
  const limits = createLimits({ now: Date.now, random: Math.random });
  running = await startEmulatorWithExtensions({ port: 0, ...limitsAppOptions(limits), extensions: { identityPoolQuotas: { ratePerSec: { ListIdentities: 1 } } } });
});
afterAll(async () => running.close());

describe('startEmulatorWithExtensions (with the usage/quota/latency limits)', () => {
  it('serves the OAuth endpoints, the test IdP and identity pools', async () => {
    const seed = await seedOAuthPool(running.app);
    const token = await postForm(`${running.url}/oauth2/token`, { grant_type: 'client_credentials' }, { authorization: basic(seed.m2m.id, seed.m2m.secret) });
    expect(token.status).toBe(200);
    const discovery = await fetch(`${running.url}/_cogcap/test-idp/.well-known/openid-configuration`);
    expect(((await discovery.json()) as { issuer: string }).issuer).toBe(`${running.url}/_cogcap/test-idp`);
    const pool = await running.app.call('CreateIdentityPool', { IdentityPoolName: 'x', AllowUnauthenticatedIdentities: true }, 'AWSCognitoIdentityService');
    expect(pool.status).toBe(200);
    const list = (n: number) => running.app.call('ListIdentities', { IdentityPoolId: pool.body['IdentityPoolId'], MaxResults: n }, 'AWSCognitoIdentityService');
    const answers = await Promise.all([list(1), list(1), list(1)]);
    expect(answers.filter((a) => a.body['__type'] === 'TooManyRequestsException').length).toBeGreaterThanOrEqual(1);
  });
});
