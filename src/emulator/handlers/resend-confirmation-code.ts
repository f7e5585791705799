import { codeDeliveryDetails, issueCode, SIGN_UP_CODE_TTL_MS } from '../auth/codes.js';
import { runTrigger } from '../context.js';
import { err } from '../errors.js';
import { F, validateInput } from '../validation/validate-input.js';
import { publicUserTarget, unknownUserCodeDelivery } from './common.js';
import { verificationAttribute } from './confirm-user.js';
import type { CognitoHandler } from './handler.js';

/** ResendConfirmationCode: a new sign-up code for an UNCONFIRMED user (the previous one stops working). */
export const resendConfirmationCode: CognitoHandler = async (ctx, req) => {
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
  if (user.status !== 'UNCONFIRMED') throw err.invalidParameter('User is already confirmed.');
  user.codes.signUp = issueCode(ctx, SIGN_UP_CODE_TTL_MS);
  await runTrigger(ctx, pool, 'CustomMessage', 'ResendConfirmationCode');
  const attr = verificationAttribute(pool, user) ?? (user.attributes.email ? 'email' : 'phone_number');
  return { CodeDeliveryDetails: codeDeliveryDetails(user.attributes[attr] ? { [attr]: user.attributes[attr]! } : {}) };
};
