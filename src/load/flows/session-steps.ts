import type { CallResult } from '../flow.js';
import { MemorySessionPool } from '../session-pool.js';
import type { LoadFlowContext } from './flow-context.js';
import { adoptTokens, authResultOf, callOp, dropSession, withSecretHash, type JourneyState } from './journey-state.js';
import { ensureSession, passwordSignIn } from './sign-in-steps.js';

/** A session the service rejected (revoked, signed out elsewhere) is forgotten, as an app drops bad tokens. */
function dropIfRejected(ctx: LoadFlowContext, st: JourneyState, r: CallResult): boolean {
  if (r.outcome === 'client_error' && r.errorType === 'NotAuthorizedException') dropSession(ctx, st);
  return r.outcome === 'ok';
}

/**
 * The session a refresh step renews: the journey's own, else one whose access token has expired (apps refresh
 * then), else a live one, else a password sign-in first.
 */
async function sessionToRefresh(ctx: LoadFlowContext, st: JourneyState): Promise<boolean> {
  if (st.session && !st.sessionDropped) return true;
  if (ctx.sessions instanceof MemorySessionPool) {
    const expired = ctx.sessions.takeExpired(ctx.rng);
    if (expired) {
      st.session = expired;
      st.sessionTaken = true;
      st.sessionDropped = false;
      st.user = expired.user;
      return true;
    }
  }
  const live = ctx.sessions.take(ctx.nowUs(), ctx.rng, 0);
  if (live) {
    st.session = live;
    st.sessionTaken = true;
    st.sessionDropped = false;
    st.user = live.user;
    return true;
  }
  return passwordSignIn(ctx, st);
}

/** Step `refresh`: InitiateAuth REFRESH_TOKEN_AUTH (SECRET_HASH over the username when the client has a secret). */
export async function refresh(ctx: LoadFlowContext, st: JourneyState): Promise<boolean> {
  if (!(await sessionToRefresh(ctx, st))) return false;
  const s = st.session!;
  const r = await callOp(ctx, st, 'InitiateAuth', {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    ClientId: ctx.target.clientId,
    AuthParameters: { REFRESH_TOKEN: s.refreshToken, ...withSecretHash(ctx, s.user.username, 'SECRET_HASH') },
  });
  if (!dropIfRejected(ctx, st, r)) return false;
  const auth = authResultOf(r.output);
  if (!auth) return false;
  adoptTokens(ctx, st, s.user, auth);
  return true;
}

/** Step `getTokensFromRefreshToken`: GetTokensFromRefreshToken (ClientSecret in the body when the client has one). */
export async function getTokensFromRefreshToken(ctx: LoadFlowContext, st: JourneyState): Promise<boolean> {
  if (!(await sessionToRefresh(ctx, st))) return false;
  const s = st.session!;
  const r = await callOp(ctx, st, 'GetTokensFromRefreshToken', {
    RefreshToken: s.refreshToken,
    ClientId: ctx.target.clientId,
    ...(ctx.target.clientSecret ? { ClientSecret: ctx.target.clientSecret } : {}),
  });
  if (!dropIfRejected(ctx, st, r)) return false;
  const auth = authResultOf(r.output);
  if (!auth) return false;
  adoptTokens(ctx, st, s.user, auth);
  return true;
}

/** Step `getUser`: GetUser with a live access token. */
export async function getUser(ctx: LoadFlowContext, st: JourneyState): Promise<boolean> {
  if (!(await ensureSession(ctx, st))) return false;
  const r = await callOp(ctx, st, 'GetUser', { AccessToken: st.session!.accessToken });
  return dropIfRejected(ctx, st, r);
}

/** Parameters of `updateAttributes`. */
export interface UpdateAttributesParams {
  /** Attributes to set (default `{ given_name: <random> }`). Changing `email` starts a verification. */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** Step `updateAttributes`: UpdateUserAttributes with a live access token. */
export async function updateAttributes(ctx: LoadFlowContext, st: JourneyState, params: UpdateAttributesParams = {}): Promise<boolean> {
  if (!(await ensureSession(ctx, st))) return false;
  const attributes = params.attributes ?? { given_name: `Load${Math.floor(ctx.rng() * 1e6)}` };
  const r = await callOp(ctx, st, 'UpdateUserAttributes', {
    AccessToken: st.session!.accessToken,
    UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
  });
  return dropIfRejected(ctx, st, r);
}

/** Step `globalSignOut`: GlobalSignOut; the session is forgotten (its refresh token no longer works). */
export async function globalSignOut(ctx: LoadFlowContext, st: JourneyState): Promise<boolean> {
  if (!(await ensureSession(ctx, st))) return false;
  const r = await callOp(ctx, st, 'GlobalSignOut', { AccessToken: st.session!.accessToken });
  if (r.outcome === 'ok') {
    dropSession(ctx, st);
    // GlobalSignOut revokes every token of the user: forget the user's other cached sessions too.
    if (ctx.sessions instanceof MemorySessionPool) ctx.sessions.removeUser(st.session!.user.username);
  }
  return dropIfRejected(ctx, st, r);
}

/** Step `revokeToken`: RevokeToken of the refresh token (ClientSecret when the client has one); session forgotten. */
export async function revokeToken(ctx: LoadFlowContext, st: JourneyState): Promise<boolean> {
  if (!(await ensureSession(ctx, st))) return false;
  const r = await callOp(ctx, st, 'RevokeToken', {
    Token: st.session!.refreshToken,
    ClientId: ctx.target.clientId,
    ...(ctx.target.clientSecret ? { ClientSecret: ctx.target.clientSecret } : {}),
  });
  if (r.outcome === 'ok') dropSession(ctx, st);
  return dropIfRejected(ctx, st, r);
}
