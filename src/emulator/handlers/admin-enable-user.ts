import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requireUser } from './common.js';
import type { CognitoHandler } from './handler.js';

/** AdminEnableUser. */
export const adminEnableUser: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId, Username: F.username });
  const user = requireUser(requirePool(ctx, req.body.UserPoolId as string), req.body.Username as string);
  user.enabled = true;
  user.modifiedAtMs = ctx.now();
  return {};
};
