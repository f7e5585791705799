import { authenticateAccessToken } from '../tokens/authenticate-access-token.js';
import { F, validateInput } from '../validation/validate-input.js';
import type { CognitoHandler } from './handler.js';

/** GlobalSignOut (access token): revokes every refresh token of the user and the tokens issued from them. */
export const globalSignOut: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { AccessToken: F.token });
  const { pool, user } = authenticateAccessToken(ctx, req.body.AccessToken as string);
  ctx.store.revokeUserSessions(pool.config.id, user.username);
  return {};
};
