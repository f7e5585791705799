import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requireUser } from './common.js';
import type { CognitoHandler } from './handler.js';

/** AdminUserGlobalSignOut: revokes every refresh token of the user and the access/ID tokens issued from them. */
export const adminUserGlobalSignOut: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId, Username: F.username });
  const pool = requirePool(ctx, req.body.UserPoolId as string);
  const user = requireUser(pool, req.body.Username as string);
  ctx.store.revokeUserSessions(pool.config.id, user.username);
  return {};
};
