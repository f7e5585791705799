import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requireUser } from './common.js';
import { groupType } from './create-group.js';
import type { CognitoHandler } from './handler.js';

/** AdminListGroupsForUser (one page: users belong to few groups). */
export const adminListGroupsForUser: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId, Username: F.username, Limit: { type: 'integer' }, NextToken: { type: 'string' } });
  const pool = requirePool(ctx, req.body.UserPoolId as string);
  const user = requireUser(pool, req.body.Username as string);
  const groups = user.groups.map((g) => pool.groups.get(g)).filter((g) => g !== undefined);
  return { Groups: groups.map((g) => groupType(pool.config.id, g)) };
};
