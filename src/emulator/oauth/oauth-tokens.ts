import { issuerOf, type EmulatorContext } from '../context.js';
import { err } from '../errors.js';
import { newUuid } from '../store/ids.js';
import type { PoolState } from '../store/pool-state.js';
import type { AuthSession, ClientConfig, UserRecord } from '../store/types.js';
import { issueTokens } from '../tokens/issue-tokens.js';
import { decodeJwt, signJwt } from '../tokens/jwt.js';
import type { OAuthState } from './oauth-state.js';

/** The token endpoint's success body. */
export interface OAuthTokenResponse {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** Default scope of API sign-ins; OAuth sign-ins carry the scopes granted at /oauth2/authorize instead. */
const API_SCOPE = 'aws.cognito.signin.user.admin';

/**
 * Issues user tokens for an OAuth grant (authorization code, or refresh when `refreshOf` is given) with the emulator's
 * token issuer, then adapts them to OAuth: the access token's `scope` becomes the granted scopes (plus `version: 2`),
 * the ID token gets `nonce` and a parsed `identities` claim, and is omitted without the `openid` scope (unless
 * `alwaysIdToken`: refresh of a session signed in through the API, whose scope is `aws.cognito.signin.user.admin`).
 * Re-signing costs one extra RSA signature per adapted token.
 */
export async function issueOAuthUserTokens(
  ctx: EmulatorContext,
  state: OAuthState,
  pool: PoolState,
  client: ClientConfig,
  user: UserRecord,
  operation: string,
  grant: { scopes: readonly string[]; nonce?: string; alwaysIdToken?: boolean },
  refreshOf?: AuthSession,
): Promise<OAuthTokenResponse> {
  const result = await issueTokens(ctx, pool, client, user, operation, refreshOf);
  const keys = await ctx.store.keys.get(pool.config.id);
  const scope = grant.scopes.join(' ');
  let accessToken = result.AccessToken;
  const access = decodeJwt(accessToken);
  if (access && scope !== API_SCOPE) {
    accessToken = signJwt(keys.access, { ...access.payload, scope, version: 2 });
  }
  if (access && grant.alwaysIdToken !== true) state.sessionScopes.set(String(access.payload['origin_jti']), grant.scopes, ctx.now());
  const out: OAuthTokenResponse = { access_token: accessToken, token_type: 'Bearer', expires_in: result.ExpiresIn };
  if (grant.scopes.includes('openid') || grant.alwaysIdToken === true) {
    const id = decodeJwt(result.IdToken);
    let idToken = result.IdToken;
    if (id && (grant.nonce !== undefined || typeof id.payload['identities'] === 'string')) {
      const payload = { ...id.payload };
      if (grant.nonce !== undefined) payload['nonce'] = grant.nonce;
      if (typeof payload['identities'] === 'string') {
        try {
          payload['identities'] = JSON.parse(payload['identities'] as string) as unknown;
        } catch {
          // keep the string
        }
      }
      idToken = signJwt(keys.id, payload);
    }
    out.id_token = idToken;
  }
  if (result.RefreshToken !== undefined) out.refresh_token = result.RefreshToken;
  return out;
}

/**
 * The access token of a `client_credentials` grant: no user, `sub` = client id, the granted custom scopes,
 * `token_use` access, `version` 2, lifetime the client's access-token validity.
 */
export async function issueClientCredentialsToken(
  ctx: EmulatorContext,
  pool: PoolState,
  client: ClientConfig,
  scopes: readonly string[],
): Promise<OAuthTokenResponse> {
  const keys = await ctx.store.keys.get(pool.config.id);
  const iat = Math.floor(ctx.now() / 1000);
  const token = signJwt(keys.access, {
    sub: client.clientId,
    token_use: 'access',
    scope: scopes.join(' '),
    auth_time: iat,
    iss: issuerOf(ctx, pool.config.id),
    exp: iat + client.accessTokenValiditySec,
    iat,
    version: 2,
    jti: newUuid(ctx.random),
    client_id: client.clientId,
  });
  return { access_token: token, token_type: 'Bearer', expires_in: client.accessTokenValiditySec };
}

/**
 * The live sign-in session of a refresh token presented by `client` (rotated-out tokens within their grace period
 * count), with its user; NotAuthorizedException otherwise.
 */
export function sessionOfRefreshToken(ctx: EmulatorContext, client: ClientConfig, token: string): { session: AuthSession; pool: PoolState; user: UserRecord } {
  const nowMs = ctx.now();
  let session = ctx.store.refreshTokens.get(token);
  if (!session) {
    const retired = ctx.store.retiredRefreshTokens.get(token, nowMs);
    if (retired && retired.untilMs > nowMs) session = ctx.store.sessions.get(retired.originJti);
  }
  if (!session || session.clientId !== client.clientId) throw err.invalidRefreshToken();
  if (session.refreshExpiresAtMs <= nowMs) throw err.refreshTokenExpired();
  const pool = ctx.store.pools.get(session.userPoolId);
  const user = pool?.byUsername(session.username);
  if (!pool || !user) throw err.invalidRefreshToken();
  if (!user.enabled) throw err.userDisabled();
  return { session, pool, user };
}
