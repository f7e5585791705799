import { F, validateInput } from '../validation/validate-input.js';
import { requirePool } from './common.js';
import type { CognitoHandler } from './handler.js';
import { poolDescription } from './shapes.js';

/** DescribeUserPool. */
export const describeUserPool: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId });
  return { UserPool: poolDescription(ctx, requirePool(ctx, req.body.UserPoolId as string)) };
};
