import { checkProof } from '../auth/password-sign-in.js';
import { newCredential, passwordMatches } from '../auth/password-credential.js';
import { checkPasswordPolicy } from '../auth/password-policy.js';
import { err } from '../errors.js';
import { authenticateAccessToken } from '../tokens/authenticate-access-token.js';
import { F, validateInput } from '../validation/validate-input.js';
import type { CognitoHandler } from './handler.js';

/** ChangePassword (access token): previous password (NotAuthorizedException when wrong), then the policy. */
export const changePassword: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, { PreviousPassword: { ...F.password, required: false }, ProposedPassword: F.password, AccessToken: F.token });
  const { pool, user } = authenticateAccessToken(ctx, b.AccessToken as string);
  if (!user.enabled) throw err.userDisabled();
  const previous = (b.PreviousPassword as string | undefined) ?? '';
  checkProof(ctx, pool, user, () => !!user.credential && passwordMatches(user.credential, pool.config.id, user.username, previous));
  checkPasswordPolicy(pool.config.passwordPolicy, b.ProposedPassword as string);
  user.credential = newCredential(ctx.random, pool.config.id, user.username, b.ProposedPassword as string);
  user.modifiedAtMs = ctx.now();
  return {};
};
