import { codeDeliveryDetails, issueCode, RESET_CODE_TTL_MS } from '../auth/codes.js';
import { runTrigger } from '../context.js';
import { err } from '../errors.js';
import { F, validateInput } from '../validation/validate-input.js';
import { publicUserTarget, unknownUserCodeDelivery } from './common.js';
import type { CognitoHandler } from './handler.js';

/**
 * ForgotPassword: secret hash, user (unknown → UserNotFoundException, or a plausible CodeDeliveryDetails with
 * PreventUserExistenceErrors ENABLED), disabled → NotAuthorizedException, no verified email or phone →
 * InvalidParameterException; otherwise a reset code (see `GET /_cogcap/codes`).
 */
export const forgotPassword: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, {
    ClientId: F.clientId,
    SecretHash: F.secretHash,
    Username: F.username,
    ClientMetadata: F.map,
    AnalyticsMetadata: { type: 'structure' },
    UserContextData: { type: 'structure' },
  });
  const { client, pool, user } = publicUserTarget(ctx, b);
  if (!user) return unknownUserCodeDelivery(client, b.Username as string);
  if (!user.enabled) throw err.userDisabled();
  const attr = ['email', 'phone_number'].find((a) => user.attributes[a] !== undefined && user.attributes[`${a}_verified`] === 'true');
  if (!attr) {
    throw err.invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  }
  user.codes.forgotPassword = issueCode(ctx, RESET_CODE_TTL_MS);
  await runTrigger(ctx, pool, 'CustomMessage', 'ForgotPassword');
  return { CodeDeliveryDetails: codeDeliveryDetails({ [attr]: user.attributes[attr]! }) };
};
