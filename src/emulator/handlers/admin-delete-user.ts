import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requireUser } from './common.js';
import type { CognitoHandler } from './handler.js';

/** AdminDeleteUser: removes the user, its index entries and every session (its tokens stop working). */
export const adminDeleteUser: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId, Username: F.username });
  const pool = requirePool(ctx, req.body.UserPoolId as string);
  ctx.store.deleteUser(pool, requireUser(pool, req.body.Username as string));
  return {};
};
