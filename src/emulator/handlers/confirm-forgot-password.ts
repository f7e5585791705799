import { checkCode } from '../auth/codes.js';
import { newCredential } from '../auth/password-credential.js';
import { checkPasswordPolicy } from '../auth/password-policy.js';
import { runTrigger } from '../context.js';
import { err } from '../errors.js';
import { F, validateInput } from '../validation/validate-input.js';
import { publicUserTarget } from './common.js';
import type { CognitoHandler } from './handler.js';

/**
 * ConfirmForgotPassword: secret hash, user, code (ExpiredCodeException / CodeMismatchException), password policy;
 * then the new password is set, the user CONFIRMED and the code consumed.
 */
export const confirmForgotPassword: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, {
    ClientId: F.clientId,
    SecretHash: F.secretHash,
    Username: F.username,
    ConfirmationCode: F.code,
    Password: F.password,
    ClientMetadata: F.map,
    AnalyticsMetadata: { type: 'structure' },
    UserContextData: { type: 'structure' },
  });
  const { client, pool, user } = publicUserTarget(ctx, b);
  if (!user) throw client.preventUserExistenceErrors === 'ENABLED' ? err.codeMismatch() : err.userNotFound();
  checkCode(ctx, user.codes.forgotPassword, b.ConfirmationCode as string);
  checkPasswordPolicy(pool.config.passwordPolicy, b.Password as string);
  user.credential = newCredential(ctx.random, pool.config.id, user.username, b.Password as string);
  if (user.status !== 'UNCONFIRMED') user.status = 'CONFIRMED';
  user.tempPasswordExpiresAtMs = null;
  delete user.codes.forgotPassword;
  user.modifiedAtMs = ctx.now();
  await runTrigger(ctx, pool, 'PostConfirmation', 'ConfirmForgotPassword');
  return {};
};
