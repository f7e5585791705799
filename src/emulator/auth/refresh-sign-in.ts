import type { EmulatorContext } from '../context.js';
import { err } from '../errors.js';
import type { PoolState } from '../store/pool-state.js';
import type { AuthSession, ClientConfig, UserRecord } from '../store/types.js';
import { issueTokens, type AuthenticationResult } from '../tokens/issue-tokens.js';

/** The live session of a refresh token (or of a rotated-out one still in its grace period), or undefined. */
export function sessionOfRefreshToken(ctx: EmulatorContext, token: string): AuthSession | undefined {
  const s = ctx.store.refreshTokens.get(token);
  if (s) return s;
  const retired = ctx.store.retiredRefreshTokens.get(token, ctx.now());
  if (retired && retired.untilMs > ctx.now()) return ctx.store.sessions.get(retired.originJti);
  return undefined;
}

/**
 * REFRESH_TOKEN_AUTH / GetTokensFromRefreshToken: the token must belong to this client and not be revoked or
 * expired, and its user must exist and be enabled. New access and ID tokens keep the session's origin_jti; the
 * refresh token rotates only when the client enables rotation.
 */
export async function refreshSignIn(
  ctx: EmulatorContext,
  pool: PoolState,
  client: ClientConfig,
  token: string,
  operation: string,
  checkSecret?: (user: UserRecord) => void,
): Promise<AuthenticationResult> {
  const session = sessionOfRefreshToken(ctx, token);
  if (!session || session.clientId !== client.clientId || session.userPoolId !== pool.config.id) {
    throw err.invalidRefreshToken();
  }
  if (session.refreshExpiresAtMs <= ctx.now()) throw err.refreshTokenExpired();
  const user = pool.byUsername(session.username);
  if (!user) throw err.userNotFound();
  checkSecret?.(user);
  if (!user.enabled) throw err.userDisabled();
  return issueTokens(ctx, pool, client, user, operation, session);
}
