import { timingSafeEqual } from 'node:crypto';
import { CognitoServiceError } from '../../cognito/service-error.js';
import { sessionOfRefreshToken } from '../auth/refresh-sign-in.js';
import { err } from '../errors.js';
import { decodeJwt } from '../tokens/jwt.js';
import { F, validateInput } from '../validation/validate-input.js';
import { requireClient } from './common.js';
import type { CognitoHandler } from './handler.js';

/**
 * RevokeToken (refresh token): revokes it and every access/ID token issued from it (same origin_jti). An access or
 * ID token → UnsupportedTokenTypeException; a token of another client → NotAuthorizedException; an unknown or
 * already revoked refresh token succeeds (idempotent). Clients with EnableTokenRevocation false refuse.
 */
export const revokeToken: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, { Token: { ...F.token, min: 1 }, ClientId: F.clientId, ClientSecret: { type: 'string', min: 1, max: 64 } });
  const { client } = requireClient(ctx, b.ClientId as string);
  if (client.clientSecret) {
    const given = Buffer.from(typeof b.ClientSecret === 'string' ? b.ClientSecret : '');
    const want = Buffer.from(client.clientSecret);
    if (given.length !== want.length || !timingSafeEqual(given, want)) {
      throw err.notAuthorized(`Unable to verify secret hash for client ${client.clientId}`);
    }
  }
  if (!client.enableTokenRevocation) {
    throw new CognitoServiceError('UnsupportedOperationException', 'Token revocation is not enabled for this app client');
  }
  const token = b.Token as string;
  if (decodeJwt(token)) throw new CognitoServiceError('UnsupportedTokenTypeException', 'Unsupported token type');
  const session = sessionOfRefreshToken(ctx, token);
  if (!session) return {};
  if (session.clientId !== client.clientId) throw err.notAuthorized('Invalid Refresh Token');
  ctx.store.revokeSession(session.originJti);
  return {};
};
