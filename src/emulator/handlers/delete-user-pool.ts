import { err } from '../errors.js';
import { F, validateInput } from '../validation/validate-input.js';
import { requirePool } from './common.js';
import type { CognitoHandler } from './handler.js';

/** DeleteUserPool (refused with InvalidParameterException while DeletionProtection is ACTIVE). */
export const deleteUserPool: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId });
  const pool = requirePool(ctx, req.body.UserPoolId as string);
  if (pool.config.deletionProtection === 'ACTIVE') {
    throw err.invalidParameter('The user pool cannot be deleted because deletion protection is activated.');
  }
  ctx.store.deletePool(pool.config.id);
  return {};
};
