import type { LoadFlowContext } from './flow-context.js';
import { callOp, withSecretHash, type JourneyState } from './journey-state.js';
import { currentUser } from './sign-in-steps.js';

/** Parameters of `signUp`. */
export interface SignUpParams {
  /** Extra user attributes (the user's e-mail is always sent when it has one). */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** Step `signUp`: SignUp of a fresh identity (journalled before use by the population). */
export async function signUp(ctx: LoadFlowContext, st: JourneyState, params: SignUpParams = {}): Promise<boolean> {
  const user = await ctx.population.fresh();
  st.user = user;
  const attributes = { ...(user.email ? { email: user.email } : {}), ...(params.attributes ?? {}) };
  const r = await callOp(ctx, st, 'SignUp', {
    ClientId: ctx.target.clientId,
    Username: user.username,
    Password: user.password,
    UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    ...withSecretHash(ctx, user.username, 'SecretHash'),
  });
  return r.outcome === 'ok';
}

/** The emulator's latest code of `kind` for the user, or undefined when it has none (the step then fails). */
async function codeFor(ctx: LoadFlowContext, username: string, kind: 'signup' | 'forgot'): Promise<string | undefined> {
  try {
    return await ctx.emulator!.getCode(ctx.target.userPoolId, username, kind);
  } catch {
    return undefined;
  }
}

/**
 * Step `confirmSignUp`: ConfirmSignUp with the code the emulator issued. Against AWS (no way to read the e-mail)
 * it sends AdminConfirmSignUp instead, which is charged to the same UserCreation category.
 */
export async function confirmSignUp(ctx: LoadFlowContext, st: JourneyState): Promise<boolean> {
  const user = st.user;
  if (!user) return false;
  if (!ctx.emulator) {
    const r = await callOp(ctx, st, 'AdminConfirmSignUp', { UserPoolId: ctx.target.userPoolId, Username: user.username });
    return r.outcome === 'ok';
  }
  const code = await codeFor(ctx, user.username, 'signup');
  if (code === undefined) return false;
  const r = await callOp(ctx, st, 'ConfirmSignUp', {
    ClientId: ctx.target.clientId,
    Username: user.username,
    ConfirmationCode: code,
    ...withSecretHash(ctx, user.username, 'SecretHash'),
  });
  return r.outcome === 'ok';
}

/** Step `forgotPassword`: ForgotPassword for the journey's user (a seeded user when none). */
export async function forgotPassword(ctx: LoadFlowContext, st: JourneyState): Promise<boolean> {
  const user = currentUser(ctx, st);
  const r = await callOp(ctx, st, 'ForgotPassword', {
    ClientId: ctx.target.clientId,
    Username: user.username,
    ...withSecretHash(ctx, user.username, 'SecretHash'),
  });
  return r.outcome === 'ok';
}

/**
 * Step `confirmForgotPassword`: ConfirmForgotPassword with the emulator's code, setting the user's own password
 * again so the population stays usable. Needs an emulator target (the code is e-mailed by AWS): fails otherwise.
 */
export async function confirmForgotPassword(ctx: LoadFlowContext, st: JourneyState): Promise<boolean> {
  const user = st.user;
  if (!user || !ctx.emulator) return false;
  const code = await codeFor(ctx, user.username, 'forgot');
  if (code === undefined) return false;
  const r = await callOp(ctx, st, 'ConfirmForgotPassword', {
    ClientId: ctx.target.clientId,
    Username: user.username,
    ConfirmationCode: code,
    Password: user.password,
    ...withSecretHash(ctx, user.username, 'SecretHash'),
  });
  return r.outcome === 'ok';
}

/** Step `adminGetUser`: AdminGetUser of the journey's user (a seeded user when none). */
export async function adminGetUser(ctx: LoadFlowContext, st: JourneyState): Promise<boolean> {
  const user = currentUser(ctx, st);
  const r = await callOp(ctx, st, 'AdminGetUser', { UserPoolId: ctx.target.userPoolId, Username: user.username });
  return r.outcome === 'ok';
}

/** Parameters of `listUsers`. */
export interface ListUsersParams {
  /** Filter expression; `{username}` is replaced by the journey's user (default `username = "{username}"`). */
  readonly filter?: string;
  /** Page size 1-60 (default 10). */
  readonly limit?: number;
}

/** Step `listUsers`: ListUsers with a Filter (one page). */
export async function listUsers(ctx: LoadFlowContext, st: JourneyState, params: ListUsersParams = {}): Promise<boolean> {
  const user = currentUser(ctx, st);
  const filter = (params.filter ?? 'username = "{username}"').replaceAll('{username}', user.username);
  const r = await callOp(ctx, st, 'ListUsers', { UserPoolId: ctx.target.userPoolId, Filter: filter, Limit: params.limit ?? 10 });
  return r.outcome === 'ok';
}
