import { err } from '../errors.js';
import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requireUser } from './common.js';
import type { CognitoHandler } from './handler.js';

/** AdminRemoveUserFromGroup. */
export const adminRemoveUserFromGroup: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId, Username: F.username, GroupName: F.groupName });
  const pool = requirePool(ctx, req.body.UserPoolId as string);
  const user = requireUser(pool, req.body.Username as string);
  if (!pool.groups.has(req.body.GroupName as string)) throw err.groupNotFound();
  user.groups = user.groups.filter((g) => g !== req.body.GroupName);
  return {};
};
