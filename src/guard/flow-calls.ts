import type { QuotaCategory } from '../cognito/categories.js';
import { categoryOf } from '../cognito/operations.js';
import type { RatesByCategory } from './preflight.js';

/**
 * Calls one arrival of a flow makes, per quota category: what dry runs and the preflight multiply arrival rates
 * by. Flow definitions only list the categories they touch (FlowDefinition.categories), not how many calls, so
 * this table names the operations of one arrival of each built-in flow and of each custom-flow step; categories
 * come from the catalogue. Keep it in step with src/load/flows (a flow missing here is reported as unknown).
 */

/** Operations of one arrival of each built-in flow, by flow name. */
export const FLOW_OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  signInPassword: ['InitiateAuth'],
  signInSrp: ['InitiateAuth', 'RespondToAuthChallenge'],
  adminSignIn: ['AdminInitiateAuth'],
  refreshTokens: ['InitiateAuth'],
  refresh: ['InitiateAuth'],
  getTokensFromRefreshToken: ['GetTokensFromRefreshToken'],
  getUser: ['GetUser'],
  updateAttributes: ['UpdateUserAttributes'],
  signOut: ['GlobalSignOut'],
  revokeToken: ['RevokeToken'],
  signUp: ['SignUp', 'ConfirmSignUp'],
  signUpAndSignIn: ['SignUp', 'ConfirmSignUp', 'InitiateAuth', 'RespondToAuthChallenge'],
  forgotPassword: ['ForgotPassword', 'ConfirmForgotPassword'],
  adminGetUser: ['AdminGetUser'],
  listUsers: ['ListUsers'],
  signInAndProfile: ['InitiateAuth', 'RespondToAuthChallenge', 'GetUser'],
};

/** Operations of each step of a custom flow, by step name. */
export const STEP_OPERATIONS: Readonly<Record<string, readonly string[]>> = { ...FLOW_OPERATIONS };

/** Counts calls per category of a list of operations. */
export function callsByCategoryOf(operations: readonly string[]): RatesByCategory {
  const out: Partial<Record<QuotaCategory, number>> = {};
  for (const op of operations) {
    const c = categoryOf(op);
    out[c] = (out[c] ?? 0) + 1;
  }
  return out;
}

/** A flow of the mix as the dry run needs it. */
export interface FlowCallsInput {
  readonly name: string;
  /** Built-in flow name; undefined for custom flows. */
  readonly builtin?: string;
  /** Custom-flow steps: `step` name and its parameters (`operation` for a raw `call` step). */
  readonly steps?: readonly { readonly step: string; readonly params?: Readonly<Record<string, unknown>> }[];
}

/**
 * Calls per category of one arrival of a flow, or undefined when the flow (or one of its steps) is not in the
 * tables. A custom step `call` with `params.operation` counts that operation.
 */
export function callsPerArrivalOf(
  flow: FlowCallsInput,
  flowOperations: Readonly<Record<string, readonly string[]>> = FLOW_OPERATIONS,
  stepOperations: Readonly<Record<string, readonly string[]>> = STEP_OPERATIONS,
): RatesByCategory | undefined {
  if (flow.steps && flow.steps.length > 0) {
    const ops: string[] = [];
    for (const s of flow.steps) {
      const op = s.params?.['operation'];
      if (typeof op === 'string') ops.push(op);
      else if (stepOperations[s.step]) ops.push(...stepOperations[s.step]!);
      else return undefined;
    }
    return callsByCategoryOf(ops);
  }
  const known = flowOperations[flow.builtin ?? flow.name];
  return known ? callsByCategoryOf(known) : undefined;
}
