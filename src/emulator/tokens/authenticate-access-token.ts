import type { EmulatorContext } from '../context.js';
import { err } from '../errors.js';
import type { PoolState } from '../store/pool-state.js';
import type { AuthSession, UserRecord } from '../store/types.js';
import { decodeJwt, verifyJwtSignature } from './jwt.js';

/** An access token that passed every check, with what it refers to. */
export interface AuthenticatedToken {
  readonly pool: PoolState;
  readonly user: UserRecord;
  readonly session: AuthSession;
  readonly claims: Record<string, unknown>;
}

/** Pool id named by a token's `iss` claim (no verification), or undefined. */
export function poolIdOfToken(token: string): string | undefined {
  const jwt = decodeJwt(token);
  const iss = jwt?.payload.iss;
  if (typeof iss !== 'string') return undefined;
  return iss.slice(iss.lastIndexOf('/') + 1);
}

/**
 * Checks an access token as Cognito does for GetUser, ChangePassword, GlobalSignOut, ...: signature with the pool's
 * access key, `token_use`, expiry, then that its sign-in session (origin_jti) was not revoked and its user exists.
 * Errors: NotAuthorizedException "Invalid Access Token" / "Access Token has expired" / "Access Token has been
 * revoked"; UserNotFoundException when the user is gone.
 */
export function authenticateAccessToken(ctx: EmulatorContext, token: string): AuthenticatedToken {
  const jwt = decodeJwt(token);
  if (!jwt) throw err.invalidAccessToken();
  const iss = jwt.payload.iss;
  if (typeof iss !== 'string') throw err.invalidAccessToken();
  const pool = ctx.store.pools.get(iss.slice(iss.lastIndexOf('/') + 1));
  const keys = pool ? ctx.store.keys.peek(pool.config.id) : undefined;
  if (!pool || !keys || !verifyJwtSignature(jwt, keys.access) || jwt.payload.token_use !== 'access') {
    throw err.invalidAccessToken();
  }
  const exp = jwt.payload.exp;
  if (typeof exp !== 'number' || exp * 1000 <= ctx.now()) throw err.accessTokenExpired();
  const session = ctx.store.sessions.get(String(jwt.payload.origin_jti));
  if (!session) throw err.accessTokenRevoked();
  const user = pool.byUsername(String(jwt.payload.username));
  if (!user) throw err.userNotFound();
  return { pool, user, session, claims: jwt.payload };
}
