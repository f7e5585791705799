import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryOf } from '../../../../src/cognito/operations.js';
import { createLimits } from '../../../../src/emulator/limits.js';
import { AWS_DEFAULT_QUOTAS } from '../../../../src/emulator/quota/quota-profile.js';
import { basic, postForm, seedOAuthPool, startExtendedEmulator, type ExtendedEmulator } from './extension-harness.js';

/**
 * The OAuth endpoints against the real quota layer. Runs once the quota catalogue maps the OAuth pseudo-operations
 * (src/cognito/operations.ts: `OAuth2Token.client_credentials` → ClientAuthentication, ...); skipped before.
 */
const catalogued = categoryOf('OAuth2Token.client_credentials') === 'ClientAuthentication';

let emu: ExtendedEmulator;
let seed: Awaited<ReturnType<typeof seedOAuthPool>>;

beforeAll(async () => {
  if (!catalogued) return;
  const limits = createLimits({
    quotas: { ...AWS_DEFAULT_QUOTAS, ratePerSec: { ...AWS_DEFAULT_QUOTAS.ratePerSec, ClientAuthentication: 3 } },
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
});
