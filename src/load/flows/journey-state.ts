import type { QuotaCategory } from '../../cognito/categories.js';
import { secretHash } from '../../cognito/secret-hash.js';
import type { CallResult, Session, TestUser } from '../flow.js';
import type { LoadFlowContext } from './flow-context.js';

/**
 * The state one flow execution carries from step to step: the user it acts as, the session it holds, and the
 * intended start of its next call (µs since run start).
 */
export interface JourneyState {
  /** Intended start of the next call: the arrival time, then the previous call's end plus think time. */
  nextIntendedUs: number;
  user?: TestUser;
  /** Temporary password of a user created by `adminCreateUser` (answered with NEW_PASSWORD_REQUIRED). */
  tempPassword?: string;
  session?: Session;
  /** True when `session` was taken from the pool (put back at the end), false when created by this flow. */
  sessionTaken?: boolean;
  /** True once the session is signed out, revoked or rejected (not returned to the pool). */
  sessionDropped?: boolean;
}

/** A new journey state for an arrival. */
export function startJourney(ctx: LoadFlowContext): JourneyState {
  return { nextIntendedUs: ctx.intendedStartUs };
}

/**
 * Sends one call through the context's driver with the journey's intended start, then moves the intended start of
 * the next call to this call's end.
 */
export async function callOp(
  ctx: LoadFlowContext,
  st: JourneyState,
  operation: string,
  input: Record<string, unknown>,
  category?: QuotaCategory,
): Promise<CallResult> {
  const result = await ctx.driver.call(operation, input, {
    flow: ctx.flow,
    intendedStartUs: st.nextIntendedUs,
    ...(category ? { category } : {}),
  });
  st.nextIntendedUs = Math.max(st.nextIntendedUs, ctx.nowUs());
  return result;
}

/** Think time: sleeps `ms` and moves the next intended start by the same amount (not by the actual sleep). */
export async function think(ctx: LoadFlowContext, st: JourneyState, ms: number): Promise<void> {
  if (ms <= 0) return;
  await ctx.sleep(ms);
  st.nextIntendedUs += Math.round(ms * 1000);
}

/** SECRET_HASH for `username` when the target's client has a secret, else undefined. */
export function secretHashFor(ctx: LoadFlowContext, username: string): string | undefined {
  const { clientId, clientSecret } = ctx.target;
  return clientSecret ? secretHash(username, clientId, clientSecret) : undefined;
}

/** `{ key: SECRET_HASH }` when the client has a secret, else `{}` (spread into inputs). */
export function withSecretHash(ctx: LoadFlowContext, username: string, key: string): Record<string, string> {
  const h = secretHashFor(ctx, username);
  return h ? { [key]: h } : {};
}

/** The `AuthenticationResult` of a successful answer, when it has an access token. */
export function authResultOf(output: Record<string, unknown> | undefined):
  | { AccessToken: string; IdToken?: string; RefreshToken?: string; ExpiresIn?: number }
  | undefined {
  const r = output?.AuthenticationResult as Record<string, unknown> | undefined;
  return r && typeof r.AccessToken === 'string' ? (r as { AccessToken: string }) : undefined;
}

/**
 * Stores fresh tokens in the journey: a new session (or the refreshed one). The refresh token is kept when the
 * answer has none (REFRESH_TOKEN_AUTH without rotation). Expiry = now + ExpiresIn (default 3,600 s).
 */
export function adoptTokens(
  ctx: LoadFlowContext,
  st: JourneyState,
  user: TestUser,
  auth: { AccessToken: string; IdToken?: string; RefreshToken?: string; ExpiresIn?: number },
): Session {
  const session: Session = {
    user,
    accessToken: auth.AccessToken,
    idToken: auth.IdToken ?? st.session?.idToken ?? '',
    refreshToken: auth.RefreshToken ?? st.session?.refreshToken ?? '',
    expiresAtUs: ctx.nowUs() + (auth.ExpiresIn ?? 3600) * 1_000_000,
  };
  st.session = session;
  st.sessionDropped = false;
  return session;
}

/** Ends a journey: returns a kept session to the pool (taken ones with `put`, new ones with `add`). */
export function finishJourney(ctx: LoadFlowContext, st: JourneyState): void {
  if (!st.session || st.sessionDropped) return;
  if (st.sessionTaken) ctx.sessions.put(st.session);
  else ctx.sessions.add(st.session);
  st.session = undefined;
}

/** Forgets the journey's session (signed out, revoked, or rejected by the service). */
export function dropSession(ctx: LoadFlowContext, st: JourneyState): void {
  if (st.session) ctx.sessions.remove(st.session);
  st.sessionDropped = true;
}
