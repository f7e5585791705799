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

/**
 * Steps that need a session: with no live session cached (a cold start, or every session signed out) they sign in
 * first (passwordSignIn: one InitiateAuth). The plan counts that sign-in once per arrival, for the first such step
 * not preceded by a sign-in step in the flow: the worst case, which is what a quota preflight must assume.
 */
export const SESSION_STEPS: ReadonlySet<string> = new Set(['refresh', 'getTokensFromRefreshToken', 'getUser', 'updateAttributes', 'globalSignOut', 'revokeToken']);
/** Steps that sign in (after them, the flow holds a session). */
export const SIGN_IN_STEPS: ReadonlySet<string> = new Set(['passwordSignIn', 'srpSignIn', 'passwordSignInNewPassword']);

/** Steps of each built-in flow (src/load/flows/built-in-flows.ts), by flow name. */
export const BUILT_IN_FLOW_STEPS: Readonly<Record<string, readonly string[]>> = {
  'password-sign-in': ['passwordSignIn'],
  'srp-sign-in': ['srpSignIn'],
  'first-sign-in': ['adminCreateUser', 'passwordSignInNewPassword'],
  'token-refresh': ['refresh'],
  'token-refresh-get-tokens': ['getTokensFromRefreshToken'],
  'profile-read': ['getUser'],
  'attribute-update': ['updateAttributes'],
  'sign-up': ['signUp', 'confirmSignUp'],
  'forgot-password': ['forgotPassword', 'confirmForgotPassword'],
  'sign-out': ['globalSignOut'],
  'sign-out-revoke': ['revokeToken'],
  'admin-get-user': ['adminGetUser'],
  'list-users': ['listUsers'],
  'app-session': ['srpSignIn', 'getUser', 'updateAttributes', 'refresh', 'globalSignOut'],
  // OAuth, federation and identity-pool flows (src/load/flows/oauth-flow-setup.ts).
  'client-credentials': ['oauthClientCredentials'],
  'hosted-ui-sign-in': ['oauthHostedUiSignIn'],
  'federated-sign-in': ['oauthFederatedSignIn'],
  // Worst case: no live session cached, so a password sign-in first; GetId counted on every arrival (it is cached per user).
  'identity-pool-exchange': ['passwordSignIn', 'identityPoolExchange'],
};

/** Pseudo-steps of built-in flows that the vocabulary expresses with parameters or context. */
const PSEUDO_STEP_CALLS: Readonly<Record<string, readonly PlannedCall[]>> = {
  // The first sign-in of an invited user answers NEW_PASSWORD_REQUIRED: that response is charged to UserAccountRecovery.
  passwordSignInNewPassword: ['InitiateAuth', { operation: 'RespondToAuthChallenge', category: 'UserAccountRecovery' }],
  // OAuth pseudo-operations, charged as the quota module charges them (src/emulator/quota/charge.ts); a code
  // redemption draws on its own allowance equal to UserAuthentication, counted as UserAuthentication (worst case).
  oauthClientCredentials: [{ operation: 'OAuth2Token.client_credentials', category: 'ClientAuthentication' }],
  oauthHostedUiSignIn: [
    { operation: 'OAuth2Authorize', category: 'Uncategorized' },
    { operation: 'OAuth2Login', category: 'UserAuthentication' },
    { operation: 'OAuth2Token.authorization_code', category: 'UserAuthentication' },
  ],
  oauthFederatedSignIn: [
    { operation: 'OAuth2Authorize', category: 'Uncategorized' },
    { operation: 'OAuth2IdpResponse', category: 'UserFederation' },
    { operation: 'OAuth2Token.authorization_code', category: 'UserAuthentication' },
  ],
  // Identity-pool operations have per-operation quotas (IDENTITY_OPERATION_QUOTAS); here they count in their group.
  identityPoolExchange: [
    { operation: 'GetId', category: 'IdentityPool' },
    { operation: 'GetCredentialsForIdentity', category: 'IdentityPool' },
  ],
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
 * flows use their steps (times `params.repeat`, default 1); built-in flows the steps of {@link BUILT_IN_FLOW_STEPS}
 * under `builtin` (or `name`). A session step not preceded by a sign-in adds the sign-in it may need (worst case).
 */
export function callsPerArrivalOf(
  flow: FlowCallsInput,
  builtInFlowSteps: Readonly<Record<string, readonly string[]>> = BUILT_IN_FLOW_STEPS,
  stepCalls: Readonly<Record<string, readonly PlannedCall[]>> = STEP_CALLS,
): CallsPerArrival | undefined {
  const steps =
    flow.steps && flow.steps.length > 0
      ? flow.steps
      : builtInFlowSteps[flow.builtin ?? flow.name]?.map((step) => ({ step }) as { step: string; params?: Readonly<Record<string, unknown>> });
  if (!steps) return undefined;
  const out: MutableCalls = { byCategory: {}, challengeResponses: 0 };
  let hasSession = false;
  for (const s of steps) {
    const calls = stepCalls[s.step] ?? PSEUDO_STEP_CALLS[s.step];
    if (!calls) return undefined;
    if (SESSION_STEPS.has(s.step) && !hasSession) countCalls(STEP_CALLS.passwordSignIn!, 1, out);
    if (SESSION_STEPS.has(s.step) || SIGN_IN_STEPS.has(s.step)) hasSession = true;
    if (s.step === 'globalSignOut' || s.step === 'revokeToken') hasSession = false;
    const repeat = s.params?.['repeat'];
    countCalls(calls, typeof repeat === 'number' && repeat >= 1 ? repeat : 1, out);
  }
  return out;
}
