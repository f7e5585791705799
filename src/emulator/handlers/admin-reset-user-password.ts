import { issueCode, RESET_CODE_TTL_MS } from '../auth/codes.js';
import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requireUser } from './common.js';
import type { CognitoHandler } from './handler.js';

/** AdminResetUserPassword: RESET_REQUIRED, sessions revoked, a reset code issued for ConfirmForgotPassword. */
export const adminResetUserPassword: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId, Username: F.username, ClientMetadata: F.map });
  const pool = requirePool(ctx, req.body.UserPoolId as string);
  const user = requireUser(pool, req.body.Username as string);
  if (user.status !== 'UNCONFIRMED') user.status = 'RESET_REQUIRED';
  user.codes.forgotPassword = issueCode(ctx, RESET_CODE_TTL_MS);
  ctx.store.revokeUserSessions(pool.config.id, user.username);
  user.modifiedAtMs = ctx.now();
  return {};
};
