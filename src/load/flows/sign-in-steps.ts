import { formatSrpTimestamp, poolNameOf } from '../../cognito/srp.js';
import type { CallResult, TestUser } from '../flow.js';
import { IN_THREAD_SRP } from '../srp-engine.js';
import type { LoadFlowContext } from './flow-context.js';
import { adoptTokens, authResultOf, callOp, withSecretHash, type JourneyState } from './journey-state.js';

/** A session handed to a later step must stay valid at least this long (apps refresh before expiry): 30 s. */
export const SESSION_MIN_VALID_US = 30_000_000;

/** The journey's user, or a seeded user picked at random (then kept for the rest of the journey). */
export function currentUser(ctx: LoadFlowContext, st: JourneyState): TestUser {
  st.user ??= ctx.population.pick(ctx.rng);
  return st.user;
}

/**
 * Finishes a sign-in from an InitiateAuth / PASSWORD_VERIFIER answer: answers NEW_PASSWORD_REQUIRED with the
 * user's password (charged to UserAccountRecovery, as Cognito does), then stores the tokens. Other challenges
 * (MFA, custom) are not answered: the step fails.
 */
async function completeSignIn(ctx: LoadFlowContext, st: JourneyState, user: TestUser, first: CallResult): Promise<boolean> {
  let answer = first;
  if (answer.outcome !== 'ok') return false;
  if (answer.output?.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
    const params = (answer.output.ChallengeParameters ?? {}) as Record<string, string>;
    const userId = params.USER_ID_FOR_SRP ?? user.username;
    answer = await callOp(
      ctx,
      st,
      'RespondToAuthChallenge',
      {
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        ClientId: ctx.target.clientId,
        Session: answer.output.Session,
        ChallengeResponses: { USERNAME: userId, NEW_PASSWORD: user.password, ...withSecretHash(ctx, userId, 'SECRET_HASH') },
      },
      'UserAccountRecovery',
    );
    if (answer.outcome !== 'ok') return false;
    st.tempPassword = undefined;
  }
  const auth = authResultOf(answer.output);
  if (!auth) return false;
  adoptTokens(ctx, st, user, auth);
  st.sessionTaken = false;
  return true;
}

/** Step `passwordSignIn`: InitiateAuth USER_PASSWORD_AUTH (+ NEW_PASSWORD_REQUIRED answer when challenged). */
export async function passwordSignIn(ctx: LoadFlowContext, st: JourneyState): Promise<boolean> {
  const user = currentUser(ctx, st);
  const r = await callOp(ctx, st, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: ctx.target.clientId,
    AuthParameters: {
      USERNAME: user.username,
      PASSWORD: st.tempPassword ?? user.password,
      ...withSecretHash(ctx, user.username, 'SECRET_HASH'),
    },
  });
  return completeSignIn(ctx, st, user, r);
}

/**
 * Step `srpSignIn`: InitiateAuth USER_SRP_AUTH then RespondToAuthChallenge PASSWORD_VERIFIER, SRP maths through
 * `ctx.srp` (worker threads when configured) or in-thread. SECRET_HASH of step 2 is over USER_ID_FOR_SRP.
 */
export async function srpSignIn(ctx: LoadFlowContext, st: JourneyState): Promise<boolean> {
  const user = currentUser(ctx, st);
  let engine = ctx.srp ?? IN_THREAD_SRP;
  let started: { aHex: string; AHex: string };
  try {
    started = await engine.start();
  } catch {
    engine = IN_THREAD_SRP; // a worker died: carry on in-thread rather than fail the user journey
    started = await engine.start();
  }
  const { aHex, AHex } = started;
  const init = await callOp(ctx, st, 'InitiateAuth', {
    AuthFlow: 'USER_SRP_AUTH',
    ClientId: ctx.target.clientId,
    AuthParameters: { USERNAME: user.username, SRP_A: AHex, ...withSecretHash(ctx, user.username, 'SECRET_HASH') },
  });
  if (init.outcome !== 'ok' || init.output?.ChallengeName !== 'PASSWORD_VERIFIER') return false;
  const p = (init.output.ChallengeParameters ?? {}) as Record<string, string>;
  const userId = p.USER_ID_FOR_SRP ?? user.username;
  const timestamp = formatSrpTimestamp(new Date(ctx.wallClockMs?.() ?? Date.now()));
  let signature: string;
  try {
    signature = await engine.signature({
      poolName: poolNameOf(ctx.target.userPoolId),
      userId,
      password: st.tempPassword ?? user.password,
      saltHex: p.SALT ?? '',
      BHex: p.SRP_B ?? '',
      aHex,
      AHex,
      secretBlockB64: p.SECRET_BLOCK ?? '',
      timestamp,
    });
  } catch {
    return false; // a degenerate B or u from the server: the client aborts, as real clients do
  }
  const answer = await callOp(ctx, st, 'RespondToAuthChallenge', {
    ChallengeName: 'PASSWORD_VERIFIER',
    ClientId: ctx.target.clientId,
    ...(init.output.Session ? { Session: init.output.Session } : {}),
    ChallengeResponses: {
      USERNAME: userId,
      PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK,
      TIMESTAMP: timestamp,
      PASSWORD_CLAIM_SIGNATURE: signature,
      ...withSecretHash(ctx, userId, 'SECRET_HASH'),
    },
  });
  return completeSignIn(ctx, st, user, answer);
}

/**
 * Step `adminCreateUser`: a fresh (journalled) user created by an administrator with a temporary password and no
 * message (MessageAction SUPPRESS): the next sign-in meets NEW_PASSWORD_REQUIRED. Charged to UserCreation.
 */
export async function adminCreateUser(ctx: LoadFlowContext, st: JourneyState): Promise<boolean> {
  const user = await ctx.population.fresh();
  const temp = temporaryPasswordFor(user.password, ctx.rng);
  const r = await callOp(ctx, st, 'AdminCreateUser', {
    UserPoolId: ctx.target.userPoolId,
    Username: user.username,
    TemporaryPassword: temp,
    MessageAction: 'SUPPRESS',
    UserAttributes: user.email
      ? [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
        ]
      : [],
  });
  if (r.outcome !== 'ok') return false;
  st.user = user;
  st.tempPassword = temp;
  return true;
}

/**
 * A temporary password that meets the same policy as the user's own (seeded passwords are generated for the pool's
 * policy): the user's password rotated by a random offset (same length and character classes, a different string).
 */
export function temporaryPasswordFor(password: string, rng: () => number): string {
  if (password.length < 2) return `${password}Tmp-1a`;
  const k = 1 + Math.floor(rng() * (password.length - 1));
  const rotated = password.slice(k) + password.slice(0, k);
  return rotated !== password ? rotated : [...password].reverse().join('') + (password === [...password].reverse().join('') ? 'Aa1!' : '');
}

/**
 * Makes sure the journey holds a session valid for at least {@link SESSION_MIN_VALID_US}: its own, else a live one
 * from the pool, else a password sign-in first (as an app with no cached tokens does).
 */
export async function ensureSession(ctx: LoadFlowContext, st: JourneyState): Promise<boolean> {
  const now = ctx.nowUs();
  if (st.session && !st.sessionDropped && st.session.expiresAtUs - now >= SESSION_MIN_VALID_US) return true;
  if (st.session && !st.sessionDropped && st.sessionTaken) ctx.sessions.put(st.session);
  st.session = undefined;
  const taken = ctx.sessions.take(now, ctx.rng, SESSION_MIN_VALID_US);
  if (taken) {
    st.session = taken;
    st.sessionTaken = true;
    st.sessionDropped = false;
    st.user = taken.user;
    return true;
  }
  return passwordSignIn(ctx, st);
}
