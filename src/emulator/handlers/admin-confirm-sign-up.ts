import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requireUser } from './common.js';
import { confirmUser } from './confirm-user.js';
import type { CognitoHandler } from './handler.js';

/** AdminConfirmSignUp: UNCONFIRMED → CONFIRMED without a code (attributes stay unverified). */
export const adminConfirmSignUp: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId, Username: F.username, ClientMetadata: F.map });
  const pool = requirePool(ctx, req.body.UserPoolId as string);
  await confirmUser(ctx, pool, requireUser(pool, req.body.Username as string), 'AdminConfirmSignUp');
  return {};
};
