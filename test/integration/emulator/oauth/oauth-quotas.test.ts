import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLimits } from '../../../../src/emulator/limits.js';
import { chargeOf } from '../../../../src/emulator/quota/charge.js';
import { AWS_DEFAULT_QUOTAS } from '../../../../src/emulator/quota/quota-profile.js';
import { basic, postForm, seedOAuthPool, startExtendedEmulator, type ExtendedEmulator } from './extension-harness.js';

/** The OAuth endpoints against the real quota layer (the quota module charges the OAuth pseudo-operations). */
const catalogued = chargeOf('OAuth2Token.client_credentials', {}).category === 'ClientAuthentication';

let emu: ExtendedEmulator;
let seed: Awaited<ReturnType<typeof seedOAuthPool>>;

beforeAll(async () => {
  if (!catalogued) return;
  const limits = createLimits({
    quotas: { ...AWS_DEFAULT_QUOTAS, ratePerSec: { ...AWS_DEFAULT_QUOTAS.ratePerSec, ClientAuthentication: 3, UserFederation: 1 } },
    now: Date.now,
    random: Math.random,
  });
  emu = await startExtendedEmulator({ layers: limits.layers });
  seed = await seedOAuthPool(emu.app);
});
afterAll(async () => emu?.close());

describe.skipIf(!catalogued)('OAuth quotas with the quota layer', () => {
  it('throttles client_credentials grants at the ClientAuthentication rate with HTTP 429 too_many_requests', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        postForm(`${emu.url}/oauth2/token`, { grant_type: 'client_credentials' }, { authorization: basic(seed.m2m.id, seed.m2m.secret) }),
      ),
    );
    const ok = answers.filter((a) => a.status === 200).length;
    const throttled = answers.filter((a) => a.status === 429 && a.body.error === 'too_many_requests').length;
    expect(ok + throttled).toBe(10);
    expect(ok).toBeGreaterThanOrEqual(3);
    expect(throttled).toBeGreaterThanOrEqual(3);
  });

  it('throttles IdP responses at the UserFederation rate', async () => {
    const { must, CALLBACK, getManual } = await import('./extension-harness.js');
    await must(emu.app, 'CreateIdentityProvider', {
      UserPoolId: seed.poolId,
      ProviderName: 'TestIdP',
      ProviderType: 'OIDC',
      ProviderDetails: { client_id: 'c', authorize_scopes: 'openid', oidc_issuer: `${emu.url}/_cogcap/test-idp`, attributes_request_method: 'GET' },
    });
    const c = await must(emu.app, 'CreateUserPoolClient', {
      UserPoolId: seed.poolId,
      ClientName: 'fed',
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: [CALLBACK],
      SupportedIdentityProviders: ['TestIdP'],
    });
    // Take each sign-in up to the IdP's redirect back, then deliver the four IdP responses together.
    const callbacks: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const q = new URLSearchParams({ response_type: 'code', client_id: c['UserPoolClient'].ClientId, redirect_uri: CALLBACK, identity_provider: 'TestIdP' });
      const toIdp = await getManual(`${emu.url}/oauth2/authorize?${q}`);
      const back = await getManual(toIdp.headers.get('location')!);
      callbacks.push(back.headers.get('location')!);
    }
    const answers = await Promise.all(callbacks.map((u) => getManual(u)));
    const throttled = answers.filter((a) => a.status === 429).length;
    expect(answers.filter((a) => a.status === 302).length).toBeGreaterThanOrEqual(1);
    expect(throttled).toBeGreaterThanOrEqual(1);
  });
});
