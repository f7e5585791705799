import { checkPasswordPolicy } from '../auth/password-policy.js';
import { runTrigger } from '../context.js';
import { F, validateInput } from '../validation/validate-input.js';
import { parseAttributes } from './attributes.js';
import { requirePool, requireUser, userType } from './common.js';
import type { CognitoHandler } from './handler.js';
import { createUser, generateTemporaryPassword } from './user-factory.js';

/**
 * AdminCreateUser: the user starts in FORCE_CHANGE_PASSWORD with a temporary password (given or generated) valid for
 * the policy's TemporaryPasswordValidityDays. MessageAction SUPPRESS sends nothing; RESEND re-sends to an existing user.
 */
export const adminCreateUser: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, {
    UserPoolId: F.userPoolId,
    Username: F.username,
    UserAttributes: F.attributes,
    ValidationData: F.attributes,
    TemporaryPassword: { ...F.password, required: false },
    ForceAliasCreation: { type: 'boolean' },
    MessageAction: { type: 'string', enum: ['RESEND', 'SUPPRESS'] },
    DesiredDeliveryMediums: { type: 'list', items: 'string' },
    ClientMetadata: F.map,
  });
  const pool = requirePool(ctx, b.UserPoolId as string);
  if (b.MessageAction === 'RESEND') return { User: userType(requireUser(pool, b.Username as string)) };
  const attributes = parseAttributes(pool, b.UserAttributes);
  const policy = pool.config.passwordPolicy;
  const temp = b.TemporaryPassword as string | undefined;
  if (temp !== undefined) checkPasswordPolicy(policy, temp);
  await runTrigger(ctx, pool, 'PreSignUp', 'AdminCreateUser');
  const user = createUser(ctx, pool, {
    typedUsername: b.Username as string,
    password: temp ?? generateTemporaryPassword(ctx, policy.MinimumLength),
    attributes,
    status: 'FORCE_CHANGE_PASSWORD',
    tempPasswordExpiresAtMs: ctx.now() + policy.TemporaryPasswordValidityDays * 86_400_000,
    existsMessage: 'User account already exists',
  });
  if (b.MessageAction !== 'SUPPRESS') await runTrigger(ctx, pool, 'CustomMessage', 'AdminCreateUser');
  return { User: userType(user) };
};
