import { timingSafeEqual } from 'node:crypto';
import { refreshSignIn } from '../auth/refresh-sign-in.js';
import { err } from '../errors.js';
import { F, validateInput } from '../validation/validate-input.js';
import { requireClient } from './common.js';
import type { CognitoHandler } from './handler.js';

/**
 * GetTokensFromRefreshToken: new access and ID tokens; with the client's refresh-token rotation a new refresh token
 * too (the old one stays valid for RetryGracePeriodSeconds). A client with a secret must send ClientSecret.
 */
export const getTokensFromRefreshToken: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, {
    RefreshToken: { ...F.token, min: 1, max: 131072 },
    ClientId: F.clientId,
    ClientSecret: { type: 'string', min: 1, max: 64 },
    DeviceKey: { type: 'string' },
    ClientMetadata: F.map,
  });
  const { client, pool } = requireClient(ctx, b.ClientId as string);
  if (client.clientSecret) {
    const given = Buffer.from(typeof b.ClientSecret === 'string' ? b.ClientSecret : '');
    const want = Buffer.from(client.clientSecret);
    if (given.length !== want.length || !timingSafeEqual(given, want)) {
      throw err.notAuthorized(`Client ${client.clientId} is configured with secret but ClientSecret was not received or is wrong`);
    }
  }
  return { AuthenticationResult: await refreshSignIn(ctx, pool, client, b.RefreshToken as string, 'GetTokensFromRefreshToken') };
};
