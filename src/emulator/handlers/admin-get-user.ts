import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requireUser, userType } from './common.js';
import type { CognitoHandler } from './handler.js';

/** AdminGetUser (by username or alias). */
export const adminGetUser: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId, Username: F.username });
  const user = requireUser(requirePool(ctx, req.body.UserPoolId as string), req.body.Username as string);
  const { Attributes, ...rest } = userType(user);
  return { ...rest, UserAttributes: Attributes, UserMFASettingList: [] };
};
