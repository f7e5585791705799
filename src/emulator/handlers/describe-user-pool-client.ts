import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requirePoolClient } from './common.js';
import type { CognitoHandler } from './handler.js';
import { clientDescription } from './shapes.js';

/** DescribeUserPoolClient. */
export const describeUserPoolClient: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId, ClientId: F.clientId });
  const pool = requirePool(ctx, req.body.UserPoolId as string);
  return { UserPoolClient: clientDescription(requirePoolClient(ctx, pool, req.body.ClientId as string)) };
};
