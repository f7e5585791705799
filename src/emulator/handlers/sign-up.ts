import { codeDeliveryDetails, issueCode, SIGN_UP_CODE_TTL_MS } from '../auth/codes.js';
import { checkPasswordPolicy } from '../auth/password-policy.js';
import { runTrigger } from '../context.js';
import { err } from '../errors.js';
import { F, validateInput } from '../validation/validate-input.js';
import { parseAttributes } from './attributes.js';
import { checkSecretHash, requireClient } from './common.js';
import { verificationAttribute } from './confirm-user.js';
import type { CognitoHandler } from './handler.js';
import { createUser } from './user-factory.js';

/**
 * SignUp: secret hash, admin-only pools refuse, password policy, attributes, PreSignUp trigger, then an UNCONFIRMED
 * user with a sign-up code (obtainable at `GET /_cogcap/codes`).
 */
export const signUp: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, {
    ClientId: F.clientId,
    SecretHash: F.secretHash,
    Username: F.username,
    Password: F.password,
    UserAttributes: F.attributes,
    ValidationData: F.attributes,
    ClientMetadata: F.map,
    AnalyticsMetadata: { type: 'structure' },
    UserContextData: { type: 'structure' },
  });
  const { client, pool } = requireClient(ctx, b.ClientId as string);
  checkSecretHash(client, b.Username as string, b.SecretHash);
  if (pool.config.allowAdminCreateUserOnly) throw err.notAuthorized('SignUp is not permitted for this user pool');
  const attributes = parseAttributes(pool, b.UserAttributes);
  checkPasswordPolicy(pool.config.passwordPolicy, b.Password as string);
  await runTrigger(ctx, pool, 'PreSignUp', 'SignUp');
  const user = createUser(ctx, pool, {
    typedUsername: b.Username as string,
    password: b.Password as string,
    attributes,
    status: 'UNCONFIRMED',
    existsMessage: 'User already exists',
  });
  user.codes.signUp = issueCode(ctx, SIGN_UP_CODE_TTL_MS);
  const out: Record<string, unknown> = { UserConfirmed: false, UserSub: user.sub };
  const attr = verificationAttribute(pool, user);
  if (attr) {
    await runTrigger(ctx, pool, 'CustomMessage', 'SignUp');
    out.CodeDeliveryDetails = codeDeliveryDetails({ [attr]: user.attributes[attr]! });
  }
  return out;
};
