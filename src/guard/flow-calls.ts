import type { QuotaCategory } from '../cognito/categories.js';
import { operationInfo } from '../cognito/operations.js';
import type { RatesByCategory } from './preflight.js';

/**
 * Calls one arrival of a flow makes, per quota category: what dry runs and the preflight multiply arrival rates
 * by. Flow and step definitions (src/load/flows) list the categories they touch, not how many calls, so this
 * table names the operations of each step of the step vocabulary and the steps of each built-in flow; categories
 * come from the catalogue. Keep it in step with src/load/flows/steps.ts and built-in-flows.ts: a flow or step
 * missing here is reported as unknown (and refused by the preflight), never silently counted as free.
 * Session steps sign in first when no live session is cached; that extra sign-in is not counted here.
 * Challenge responses (RespondToAuthChallenge, AdminRespondToAuthChallenge) are counted apart: they draw on their
 * own allowance of 3× the UserAuthentication quota and only their excess spills into UserAuthentication.
 */

/** One call: an operation, charged to its catalogue category unless `category` says otherwise. */
export type PlannedCall = string | { readonly operation: string; readonly category: QuotaCategory };

/** Calls of each step of the vocabulary (src/load/flows/steps.ts), by step name. */
export const STEP_CALLS: Readonly<Record<string, readonly PlannedCall[]>> = {
  passwordSignIn: ['InitiateAuth'],
  srpSignIn: ['InitiateAuth', 'RespondToAuthChallenge'],
  adminCreateUser: ['AdminCreateUser'],
  refresh: ['InitiateAuth'],
  getTokensFromRefreshToken: ['GetTokensFromRefreshToken'],
  getUser: ['GetUser'],
  updateAttributes: ['UpdateUserAttributes'],
  signUp: ['SignUp'],
  // ConfirmSignUp on the emulator, AdminConfirmSignUp against AWS: both UserCreation.
  confirmSignUp: ['ConfirmSignUp'],
  forgotPassword: ['ForgotPassword'],
  confirmForgotPassword: ['ConfirmForgotPassword'],
  globalSignOut: ['GlobalSignOut'],
  revokeToken: ['RevokeToken'],
  adminGetUser: ['AdminGetUser'],
  listUsers: ['ListUsers'],
  think: [],
};

/** Steps of each built-in flow (src/load/flows/built-in-flows.ts), by flow name. */
export const BUILT_IN_FLOW_CALLS: Readonly<Record<string, readonly PlannedCall[]>> = {
  'password-sign-in': STEP_CALLS.passwordSignIn!,
  'srp-sign-in': STEP_CALLS.srpSignIn!,
  // The first sign-in answers NEW_PASSWORD_REQUIRED: that challenge response is charged to UserAccountRecovery.
  'first-sign-in': ['AdminCreateUser', 'InitiateAuth', { operation: 'RespondToAuthChallenge', category: 'UserAccountRecovery' }],
  'token-refresh': STEP_CALLS.refresh!,
  'token-refresh-get-tokens': STEP_CALLS.getTokensFromRefreshToken!,
  'profile-read': STEP_CALLS.getUser!,
  'attribute-update': STEP_CALLS.updateAttributes!,
  'sign-up': [...STEP_CALLS.signUp!, ...STEP_CALLS.confirmSignUp!],
  'forgot-password': [...STEP_CALLS.forgotPassword!, ...STEP_CALLS.confirmForgotPassword!],
  'sign-out': STEP_CALLS.globalSignOut!,
  'sign-out-revoke': STEP_CALLS.revokeToken!,
  'admin-get-user': STEP_CALLS.adminGetUser!,
  'list-users': STEP_CALLS.listUsers!,
  'app-session': ['InitiateAuth', 'RespondToAuthChallenge', 'GetUser', 'UpdateUserAttributes', 'InitiateAuth', 'GlobalSignOut'],
};

/** Calls of one arrival: charged directly to categories, and challenge responses (their own allowance). */
export interface CallsPerArrival {
  readonly byCategory: RatesByCategory;
  /** Challenge responses charged to the challenge allowance (not to a category directly). */
  readonly challengeResponses: number;
}

interface MutableCalls {
  byCategory: Partial<Record<QuotaCategory, number>>;
  challengeResponses: number;
}

/** Counts calls (`times` each) per category, challenge responses apart; an explicit category overrides. */
export function countCalls(calls: readonly PlannedCall[], times = 1, into: MutableCalls = { byCategory: {}, challengeResponses: 0 }): CallsPerArrival {
  for (const call of calls) {
    if (typeof call === 'string' && operationInfo(call).challengeResponse) {
      into.challengeResponses += times;
      continue;
    }
    const c = typeof call === 'string' ? operationInfo(call).category : call.category;
    into.byCategory[c] = (into.byCategory[c] ?? 0) + times;
  }
  return into;
}

/** A flow of the mix as the dry run needs it (a subset of the normalised scenario's FlowMixEntry). */
export interface FlowCallsInput {
  readonly name: string;
  /** Built-in flow name (`flow:`); undefined for custom flows. */
  readonly builtin?: string;
  /** Custom-flow steps: step name and parameters (`repeat` multiplies the step's calls). */
  readonly steps?: readonly { readonly step: string; readonly params?: Readonly<Record<string, unknown>> }[];
}

/**
 * Calls of one arrival of a flow, or undefined when the flow (or one of its steps) is not in the tables. Custom
 * flows sum their steps' calls (times `params.repeat`, default 1); built-in flows use {@link BUILT_IN_FLOW_CALLS}
 * under `builtin` (or `name`).
 */
export function callsPerArrivalOf(
  flow: FlowCallsInput,
  builtInFlowCalls: Readonly<Record<string, readonly PlannedCall[]>> = BUILT_IN_FLOW_CALLS,
  stepCalls: Readonly<Record<string, readonly PlannedCall[]>> = STEP_CALLS,
): CallsPerArrival | undefined {
  if (flow.steps && flow.steps.length > 0) {
    const out: MutableCalls = { byCategory: {}, challengeResponses: 0 };
    for (const s of flow.steps) {
      const calls = stepCalls[s.step];
      if (!calls) return undefined;
      const repeat = s.params?.['repeat'];
      countCalls(calls, typeof repeat === 'number' && repeat >= 1 ? repeat : 1, out);
    }
    return out;
  }
  const known = builtInFlowCalls[flow.builtin ?? flow.name];
  return known ? countCalls(known) : undefined;
}
