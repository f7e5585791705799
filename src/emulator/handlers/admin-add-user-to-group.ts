import { err } from '../errors.js';
import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requireUser } from './common.js';
import type { CognitoHandler } from './handler.js';

/** AdminAddUserToGroup: later tokens carry `cognito:groups`. */
export const adminAddUserToGroup: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId, Username: F.username, GroupName: F.groupName });
  const pool = requirePool(ctx, req.body.UserPoolId as string);
  const user = requireUser(pool, req.body.Username as string);
  const name = req.body.GroupName as string;
  if (!pool.groups.has(name)) throw err.groupNotFound();
  if (!user.groups.includes(name)) user.groups.push(name);
  return {};
};
