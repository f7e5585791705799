import { EmulatorStore } from './store/emulator-store.js';
import { decodeJwt } from './tokens/jwt.js';

/** The pool and user a call acts on, as far as the body tells (see `OperationRequest`). */
export interface ResolvedTarget {
  userPoolId: string | null;
  userKey: string | null;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function field(obj: unknown, name: string): string | undefined {
  return typeof obj === 'object' && obj !== null ? str((obj as Record<string, unknown>)[name]) : undefined;
}

/**
 * Resolves `userPoolId` and `userKey` from UserPoolId, ClientId, Username / AuthParameters.USERNAME /
 * ChallengeResponses.USERNAME (aliases resolved to the internal username), an access token, a refresh token or a
 * challenge Session. Only key lookups; unknown pools and users give null.
 */
export function resolveTarget(store: EmulatorStore, body: Record<string, unknown>, nowMs: number): ResolvedTarget {
  let poolId = str(body.UserPoolId);
  let username: string | undefined;
  const clientId = str(body.ClientId);
  if (!poolId && clientId) poolId = store.clients.get(clientId)?.userPoolId;
  const accessToken = str(body.AccessToken);
  if (accessToken) {
    const payload = decodeJwt(accessToken)?.payload;
    const iss = payload?.iss;
    if (typeof iss === 'string') poolId ??= iss.slice(iss.lastIndexOf('/') + 1);
    if (typeof payload?.username === 'string') username = payload.username;
  }
  const refresh = str(body.RefreshToken) ?? str(body.Token) ?? field(body.AuthParameters, 'REFRESH_TOKEN');
  if (refresh) {
    const s = store.refreshTokens.get(refresh);
    if (s) {
      poolId ??= s.userPoolId;
      username ??= s.username;
    }
  }
  const session = str(body.Session);
  if (session) {
    const cs = store.challengeSessions.get(session, nowMs);
    if (cs) {
      poolId ??= cs.userPoolId;
      username ??= cs.username;
    }
  }
  const pool = poolId ? store.pools.get(poolId) : undefined;
  if (!pool) return { userPoolId: null, userKey: null };
  if (!username) {
    const name = str(body.Username) ?? field(body.AuthParameters, 'USERNAME') ?? field(body.ChallengeResponses, 'USERNAME');
    if (name) username = pool.bySignInName(name)?.username;
  }
  return { userPoolId: pool.config.id, userKey: username ? EmulatorStore.userKey(pool.config.id, username) : null };
}
