import { F, validateInput } from '../validation/validate-input.js';
import { parseAttributes } from './attributes.js';
import { requirePool, requireUser } from './common.js';
import type { CognitoHandler } from './handler.js';
import { updateUserAttributes } from './update-attributes.js';

/** AdminUpdateUserAttributes (may set `email_verified` / `phone_number_verified` directly). */
export const adminUpdateUserAttributes: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId, Username: F.username, UserAttributes: { ...F.attributes, required: true }, ClientMetadata: F.map });
  const pool = requirePool(ctx, req.body.UserPoolId as string);
  const user = requireUser(pool, req.body.Username as string);
  updateUserAttributes(ctx, pool, user, parseAttributes(pool, req.body.UserAttributes), false);
  return {};
};
