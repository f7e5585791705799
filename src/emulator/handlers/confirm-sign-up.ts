import { checkCode } from '../auth/codes.js';
import { err } from '../errors.js';
import { F, validateInput } from '../validation/validate-input.js';
import { publicUserTarget } from './common.js';
import { confirmUser, verificationAttribute } from './confirm-user.js';
import type { CognitoHandler } from './handler.js';

/**
 * ConfirmSignUp: secret hash, user (unknown → UserNotFoundException, or CodeMismatchException with
 * PreventUserExistenceErrors ENABLED), already confirmed → NotAuthorizedException, code (ExpiredCodeException /
 * CodeMismatchException), then CONFIRMED with the code's attribute verified.
 */
export const confirmSignUp: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, {
    ClientId: F.clientId,
    SecretHash: F.secretHash,
    Username: F.username,
    ConfirmationCode: F.code,
    ForceAliasCreation: { type: 'boolean' },
    ClientMetadata: F.map,
    AnalyticsMetadata: { type: 'structure' },
    UserContextData: { type: 'structure' },
  });
  const { client, pool, user } = publicUserTarget(ctx, b);
  if (!user) throw client.preventUserExistenceErrors === 'ENABLED' ? err.codeMismatch() : err.userNotFound();
  if (user.status !== 'UNCONFIRMED') throw err.notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  checkCode(ctx, user.codes.signUp, b.ConfirmationCode as string);
  await confirmUser(ctx, pool, user, 'ConfirmSignUp', verificationAttribute(pool, user));
  return {};
};
