import { authenticateAccessToken } from '../tokens/authenticate-access-token.js';
import { F, validateInput } from '../validation/validate-input.js';
import type { CognitoHandler } from './handler.js';

/** DeleteUser (access token): the user deletes itself. */
export const deleteUser: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { AccessToken: F.token });
  const { pool, user } = authenticateAccessToken(ctx, req.body.AccessToken as string);
  ctx.store.deleteUser(pool, user);
  return {};
};
