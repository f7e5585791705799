import { runTrigger, type EmulatorContext } from '../context.js';
import { err } from '../errors.js';
import { EmulatorStore } from '../store/emulator-store.js';
import type { PoolState } from '../store/pool-state.js';
import type { ClientConfig, UserRecord } from '../store/types.js';
import { issueTokens } from '../tokens/issue-tokens.js';
import { newPasswordRequired } from './challenge-session.js';
import { passwordMatches } from './password-credential.js';

/** The user named at sign-in, or the existence error the client's PreventUserExistenceErrors setting calls for. */
export async function signInUser(ctx: EmulatorContext, pool: PoolState, client: ClientConfig, typed: string, operation: string): Promise<UserRecord> {
  const user = pool.bySignInName(typed);
  if (user?.credential) return user;
  await runTrigger(ctx, pool, 'UserMigration', operation);
  throw client.preventUserExistenceErrors === 'ENABLED' ? err.incorrectCredentials() : err.userNotFound();
}

/** Disabled and unconfirmed checks, in Cognito's order (both before the password). */
export function checkUsable(user: UserRecord): void {
  if (!user.enabled) throw err.userDisabled();
  if (user.status === 'UNCONFIRMED') throw err.userNotConfirmed();
}

/** Runs `proofOk` between the lockout check and the lockout bookkeeping; wrong → "Incorrect username or password.". */
export function checkProof(ctx: EmulatorContext, pool: PoolState, user: UserRecord, proofOk: () => boolean): void {
  const key = EmulatorStore.userKey(pool.config.id, user.username);
  ctx.lockout?.check(key, ctx.now());
  if (!proofOk()) {
    ctx.lockout?.recordFailure(key, ctx.now());
    throw err.incorrectCredentials();
  }
  ctx.lockout?.recordSuccess(key);
}

/**
 * After a correct password or SRP proof: reset-required, FORCE_CHANGE_PASSWORD (NEW_PASSWORD_REQUIRED challenge),
 * post-authentication trigger, tokens. Returns the InitiateAuth/RespondToAuthChallenge response body.
 */
export async function completeSignIn(ctx: EmulatorContext, pool: PoolState, client: ClientConfig, user: UserRecord, operation: string): Promise<Record<string, unknown>> {
  if (user.status === 'RESET_REQUIRED') throw err.passwordResetRequired();
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    if (user.tempPasswordExpiresAtMs !== null && user.tempPasswordExpiresAtMs <= ctx.now()) {
      throw err.notAuthorized('Temporary password has expired and must be reset by an administrator.');
    }
    return newPasswordRequired(ctx, pool, client, user);
  }
  await runTrigger(ctx, pool, 'PostAuthentication', operation);
  return { AuthenticationResult: await issueTokens(ctx, pool, client, user, operation), ChallengeParameters: {} };
}

/**
 * USER_PASSWORD_AUTH / ADMIN_USER_PASSWORD_AUTH after the secret hash: user lookup, disabled, unconfirmed,
 * pre-authentication trigger, lockout, password (two SHA-256s), then {@link completeSignIn}.
 */
export async function passwordSignIn(
  ctx: EmulatorContext,
  pool: PoolState,
  client: ClientConfig,
  typed: string,
  password: string,
  operation: string,
): Promise<Record<string, unknown>> {
  const user = await signInUser(ctx, pool, client, typed, operation);
  checkUsable(user);
  await runTrigger(ctx, pool, 'PreAuthentication', operation);
  checkProof(ctx, pool, user, () => passwordMatches(user.credential!, pool.config.id, user.username, password));
  return completeSignIn(ctx, pool, client, user, operation);
}
