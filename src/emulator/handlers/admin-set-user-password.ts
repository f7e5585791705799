import { newCredential } from '../auth/password-credential.js';
import { checkPasswordPolicy } from '../auth/password-policy.js';
import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requireUser } from './common.js';
import type { CognitoHandler } from './handler.js';

/** AdminSetUserPassword: `Permanent: true` → CONFIRMED; otherwise a new temporary password (FORCE_CHANGE_PASSWORD). */
export const adminSetUserPassword: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, { UserPoolId: F.userPoolId, Username: F.username, Password: F.password, Permanent: { type: 'boolean' } });
  const pool = requirePool(ctx, b.UserPoolId as string);
  const user = requireUser(pool, b.Username as string);
  checkPasswordPolicy(pool.config.passwordPolicy, b.Password as string);
  user.credential = newCredential(ctx.random, pool.config.id, user.username, b.Password as string);
  const nowMs = ctx.now();
  if (b.Permanent === true) {
    user.status = 'CONFIRMED';
    user.tempPasswordExpiresAtMs = null;
  } else {
    user.status = 'FORCE_CHANGE_PASSWORD';
    user.tempPasswordExpiresAtMs = nowMs + pool.config.passwordPolicy.TemporaryPasswordValidityDays * 86_400_000;
  }
  user.modifiedAtMs = nowMs;
  return {};
};
