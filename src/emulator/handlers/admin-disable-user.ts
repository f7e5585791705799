import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requireUser } from './common.js';
import type { CognitoHandler } from './handler.js';

/** AdminDisableUser: sign-in and refresh then fail with NotAuthorizedException "User is disabled.". */
export const adminDisableUser: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId, Username: F.username });
  const user = requireUser(requirePool(ctx, req.body.UserPoolId as string), req.body.Username as string);
  user.enabled = false;
  user.modifiedAtMs = ctx.now();
  return {};
};
