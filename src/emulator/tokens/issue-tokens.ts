import { issuerOf, runTrigger, type EmulatorContext } from '../context.js';
import { newOpaqueToken, newUuid } from '../store/ids.js';
import type { PoolState } from '../store/pool-state.js';
import type { AuthSession, ClientConfig, UserRecord } from '../store/types.js';
import { signJwt } from './jwt.js';

/** `AuthenticationResult` as Cognito returns it. */
export interface AuthenticationResult {
  AccessToken: string;
  ExpiresIn: number;
  IdToken: string;
  RefreshToken?: string;
  TokenType: 'Bearer';
}

const REFRESH_HEADER = Buffer.from(JSON.stringify({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' })).toString('base64url');

/**
 * An opaque refresh token shaped like Cognito's (a five-part JWE-like string of random bytes), ~240 characters:
 * shorter than Cognito's (~1,800) to keep memory small when load tests create millions of sessions.
 */
export function newRefreshToken(ctx: EmulatorContext): string {
  return `${REFRESH_HEADER}.${newOpaqueToken(ctx.random, 32)}.${newOpaqueToken(ctx.random, 12)}.${newOpaqueToken(ctx.random, 64)}.${newOpaqueToken(ctx.random, 16)}`;
}

const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

/**
 * Issues access and ID tokens (two RS256 signatures) for a sign-in or a refresh.
 * - Sign-in (`refreshOf` absent): a new session (origin_jti, refresh token) is stored and the refresh token returned.
 * - Refresh (`refreshOf` given): the session's origin_jti and auth_time are kept; with rotation enabled a new refresh
 *   token replaces the old one, which stays valid for the client's grace period.
 * Claims: reference section 5.
 */
export async function issueTokens(
  ctx: EmulatorContext,
  pool: PoolState,
  client: ClientConfig,
  user: UserRecord,
  operation: string,
  refreshOf?: AuthSession,
): Promise<AuthenticationResult> {
  await runTrigger(ctx, pool, 'PreTokenGeneration', operation);
  const keys = await ctx.store.keys.get(pool.config.id);
  const nowMs = ctx.now();
  const iat = Math.floor(nowMs / 1000);
  const iss = issuerOf(ctx, pool.config.id);
  let session: AuthSession;
  let refreshToken: string | undefined;
  if (refreshOf) {
    session = refreshOf;
    if (client.refreshTokenRotation.enabled) {
      const old = session.refreshToken;
      refreshToken = newRefreshToken(ctx);
      ctx.store.refreshTokens.delete(old);
      if (client.refreshTokenRotation.gracePeriodSec > 0) {
        ctx.store.retiredRefreshTokens.set(old, { originJti: session.originJti, untilMs: nowMs + client.refreshTokenRotation.gracePeriodSec * 1000 }, nowMs);
      }
      session.refreshToken = refreshToken;
      session.refreshExpiresAtMs = nowMs + client.refreshTokenValiditySec * 1000;
      ctx.store.refreshTokens.set(refreshToken, session);
    }
  } else {
    refreshToken = newRefreshToken(ctx);
    session = {
      originJti: newUuid(ctx.random),
      userPoolId: pool.config.id,
      username: user.username,
      clientId: client.clientId,
      refreshToken,
      refreshExpiresAtMs: nowMs + client.refreshTokenValiditySec * 1000,
      authTimeSec: iat,
    };
    ctx.store.addSession(session);
  }
  const eventId = newUuid(ctx.random);
  const groups = user.groups.length > 0 ? { 'cognito:groups': [...user.groups] } : {};
  const access: Record<string, unknown> = {
    sub: user.sub,
    ...groups,
    iss,
    client_id: client.clientId,
    origin_jti: session.originJti,
    event_id: eventId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: session.authTimeSec,
    exp: iat + client.accessTokenValiditySec,
    iat,
    jti: newUuid(ctx.random),
    username: user.username,
  };
  const id: Record<string, unknown> = { sub: user.sub, ...groups };
  const readable = client.readAttributes;
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === 'sub' || (readable && !readable.includes(name))) continue;
    id[name] = BOOLEAN_ATTRIBUTES.has(name) ? value === 'true' : value;
  }
  Object.assign(id, {
    iss,
    'cognito:username': user.username,
    origin_jti: session.originJti,
    aud: client.clientId,
    event_id: eventId,
    token_use: 'id',
    auth_time: session.authTimeSec,
    exp: iat + client.idTokenValiditySec,
    iat,
    jti: newUuid(ctx.random),
  });
  const result: AuthenticationResult = {
    AccessToken: signJwt(keys.access, access),
    ExpiresIn: client.accessTokenValiditySec,
    IdToken: signJwt(keys.id, id),
    TokenType: 'Bearer',
  };
  if (refreshToken) result.RefreshToken = refreshToken;
  return result;
}
