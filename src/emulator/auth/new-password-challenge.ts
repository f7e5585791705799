import { runTrigger, type EmulatorContext } from '../context.js';
import { err } from '../errors.js';
import { checkSecretHash } from '../handlers/common.js';
import { checkAttributeName, mergeAttributes } from '../handlers/attributes.js';
import type { PoolState } from '../store/pool-state.js';
import type { ClientConfig } from '../store/types.js';
import { issueTokens } from '../tokens/issue-tokens.js';
import { requiredAttributes } from './challenge-session.js';
import { newCredential } from './password-credential.js';
import { checkPasswordPolicy } from './password-policy.js';

/**
 * NEW_PASSWORD_REQUIRED answer: Session (3 minutes, same client), SECRET_HASH, NEW_PASSWORD against the policy,
 * `userAttributes.<name>` responses (required ones must be present), then the user is CONFIRMED and gets tokens.
 */
export async function answerNewPassword(
  ctx: EmulatorContext,
  pool: PoolState,
  client: ClientConfig,
  session: string | undefined,
  responses: Record<string, string>,
  operation: string,
): Promise<Record<string, unknown>> {
  const cs = session ? ctx.store.challengeSessions.get(session, ctx.now()) : undefined;
  if (!cs || cs.challengeName !== 'NEW_PASSWORD_REQUIRED' || cs.clientId !== client.clientId || cs.userPoolId !== pool.config.id) {
    throw err.invalidSession();
  }
  const username = responses.USERNAME;
  if (!username) throw err.invalidParameter('Missing required parameter USERNAME');
  checkSecretHash(client, username, responses.SECRET_HASH);
  const newPassword = responses.NEW_PASSWORD;
  if (newPassword === undefined) throw err.invalidParameter('Missing required parameter NEW_PASSWORD');
  const user = pool.byUsername(cs.username);
  if (!user) throw err.userNotFound();
  if (pool.bySignInName(username) !== user) throw err.invalidSession();
  const changes: Record<string, string> = {};
  for (const [k, v] of Object.entries(responses)) {
    if (!k.startsWith('userAttributes.')) continue;
    const name = k.slice('userAttributes.'.length);
    checkAttributeName(pool, name);
    changes[name] = v;
  }
  const missing = requiredAttributes(pool).filter((a) => user.attributes[a] === undefined && changes[a] === undefined);
  if (missing.length > 0) {
    throw err.invalidParameter(`Invalid attributes given, ${missing.join(', ')} is missing`);
  }
  checkPasswordPolicy(pool.config.passwordPolicy, newPassword);
  ctx.store.challengeSessions.delete(session!);
  pool.unindexAliases(user);
  mergeAttributes(user.attributes, changes);
  pool.indexAliases(user);
  user.credential = newCredential(ctx.random, pool.config.id, user.username, newPassword);
  user.status = 'CONFIRMED';
  user.tempPasswordExpiresAtMs = null;
  user.modifiedAtMs = ctx.now();
  await runTrigger(ctx, pool, 'PostAuthentication', operation);
  return { AuthenticationResult: await issueTokens(ctx, pool, client, user, operation), ChallengeParameters: {} };
}
