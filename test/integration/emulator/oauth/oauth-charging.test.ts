import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateExceeded } from '../../../../src/cognito/service-error.js';
import type { Layer, OperationRequest } from '../../../../src/emulator/layer.js';
import { basic, CALLBACK, getManual, postForm, seedOAuthPool, startExtendedEmulator, type ExtendedEmulator } from './extension-harness.js';

/** Records every call the pipeline sees and throttles the operations listed in `throttle`. */
const seen: OperationRequest[] = [];
const throttle = new Set<string>();
const recorder: Layer = async (req, next) => {
  seen.push(req);
  if (throttle.has(req.operation)) throw rateExceeded();
  return next(req);
};

let emu: ExtendedEmulator;
let seed: Awaited<ReturnType<typeof seedOAuthPool>>;

beforeAll(async () => {
  emu = await startExtendedEmulator({ layers: [recorder] });
  seed = await seedOAuthPool(emu.app);
});
afterAll(async () => emu.close());

const ops = () => seen.map((r) => r.operation);

describe('OAuth endpoints run through the layer pipeline under pseudo-operations', () => {
  it.each([
    ['client_credentials', { grant_type: 'client_credentials' }, 'OAuth2Token.client_credentials'],
    ['refresh_token', { grant_type: 'refresh_token', refresh_token: 'x' }, 'OAuth2Token.refresh_token'],
    ['authorization_code', { grant_type: 'authorization_code', code: 'x', redirect_uri: CALLBACK }, 'OAuth2Token.authorization_code'],
    ['an unknown grant', { grant_type: 'password' }, 'OAuth2Token'],
  ])('charges a %s grant as its pseudo-operation, with the pool and no secrets', async (_n, form, op) => {
    seen.length = 0;
    await postForm(`${emu.url}/oauth2/token`, form as Record<string, string>, { authorization: basic(seed.m2m.id, seed.m2m.secret) });
    expect(ops()).toEqual([op]);
    expect(seen[0]!.service).toBe('AWSCognitoIdentityProviderService');
    expect(seen[0]!.userPoolId).toBe(seed.poolId);
    expect(JSON.stringify(seen[0]!.body)).not.toContain(seed.m2m.secret);
  });

  it('charges authorize, revoke and userInfo', async () => {
    seen.length = 0;
    await getManual(`${emu.url}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: seed.web.id, redirect_uri: CALLBACK })}`);
    await postForm(`${emu.url}/oauth2/revoke`, { token: 'x' }, { authorization: basic(seed.web.id, seed.web.secret) });
    await fetch(`${emu.url}/oauth2/userInfo`, { headers: { authorization: 'Bearer x' } });
    expect(ops()).toEqual(['OAuth2Authorize', 'OAuth2Revoke', 'OAuth2UserInfo']);
  });

  it('answers a throttled token request with HTTP 429 too_many_requests (assumption)', async () => {
    throttle.add('OAuth2Token.client_credentials');
    try {
      const res = await postForm(`${emu.url}/oauth2/token`, { grant_type: 'client_credentials' }, { authorization: basic(seed.m2m.id, seed.m2m.secret) });
      expect(res.status).toBe(429);
      expect(res.body).toEqual({ error: 'too_many_requests', error_description: 'Rate exceeded' });
      expect(res.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException:');
    } finally {
      throttle.clear();
    }
  });
});
