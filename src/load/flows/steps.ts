import { z } from 'zod';
import type { QuotaCategory } from '../../cognito/categories.js';
import { adminGetUser, confirmForgotPassword, confirmSignUp, forgotPassword, listUsers, signUp } from './account-steps.js';
import type { LoadFlowContext } from './flow-context.js';
import { think, type JourneyState } from './journey-state.js';
import {
  getTokensFromRefreshToken,
  getUser,
  globalSignOut,
  refresh,
  revokeToken,
  updateAttributes,
} from './session-steps.js';
import { adminCreateUser, passwordSignIn, srpSignIn } from './sign-in-steps.js';

/** One step of the vocabulary users compose flows from in scenario files. */
export interface StepDefinition {
  readonly name: string;
  readonly describe: string;
  /** Quota categories the step charges (session steps may also sign in first: UserAuthentication). */
  readonly categories: readonly QuotaCategory[];
  /**
   * Operations the step may send (including a sign-in first and the NEW_PASSWORD_REQUIRED answer), e.g. to check
   * that a driver can send them all (the raw driver sends only unsigned operations).
   */
  readonly operations: readonly string[];
  /** Schema of the step's own parameters (strict: unknown keys are errors). */
  readonly params: z.ZodType<Record<string, unknown>>;
  readonly run: (ctx: LoadFlowContext, st: JourneyState, params: Record<string, unknown>) => Promise<boolean>;
}

const none = z.strictObject({});
const attributes = z.record(z.string(), z.string()).meta({ description: 'Attribute name → value.' });
const thinkParams = z
  .strictObject({
    ms: z.number().min(0).optional().meta({ description: 'Fixed pause, ms.' }),
    minMs: z.number().min(0).optional().meta({ description: 'Uniform random pause: lower bound, ms.' }),
    maxMs: z.number().min(0).optional().meta({ description: 'Uniform random pause: upper bound, ms.' }),
  })
  .superRefine((p, ctx) => {
    const range = p.minMs !== undefined || p.maxMs !== undefined;
    if (p.ms !== undefined && range) ctx.addIssue({ code: 'custom', message: 'expected either ms, or minMs and maxMs, not both' });
    else if (range && (p.minMs === undefined || p.maxMs === undefined || p.minMs > p.maxMs)) {
      ctx.addIssue({ code: 'custom', message: 'expected both minMs and maxMs, with minMs <= maxMs' });
    }
  });

const SIGN_IN_OPS = ['InitiateAuth', 'RespondToAuthChallenge'];

/** Operations each step may send (session steps may sign in first). */
const STEP_OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  passwordSignIn: SIGN_IN_OPS,
  srpSignIn: SIGN_IN_OPS,
  adminCreateUser: ['AdminCreateUser'],
  refresh: SIGN_IN_OPS,
  getTokensFromRefreshToken: ['GetTokensFromRefreshToken', ...SIGN_IN_OPS],
  getUser: ['GetUser', ...SIGN_IN_OPS],
  updateAttributes: ['UpdateUserAttributes', ...SIGN_IN_OPS],
  signUp: ['SignUp'],
  confirmSignUp: ['ConfirmSignUp', 'AdminConfirmSignUp'],
  forgotPassword: ['ForgotPassword'],
  confirmForgotPassword: ['ConfirmForgotPassword'],
  globalSignOut: ['GlobalSignOut', ...SIGN_IN_OPS],
  revokeToken: ['RevokeToken', ...SIGN_IN_OPS],
  adminGetUser: ['AdminGetUser'],
  listUsers: ['ListUsers'],
  think: [],
};

const step = (
  name: string,
  describe: string,
  categories: readonly QuotaCategory[],
  params: z.ZodType<Record<string, unknown>>,
  run: StepDefinition['run'],
): StepDefinition => ({ name, describe, categories, operations: STEP_OPERATIONS[name] ?? [], params, run });

/** The step vocabulary, by name. */
export const STEPS: ReadonlyMap<string, StepDefinition> = new Map(
  [
    step('passwordSignIn', 'InitiateAuth USER_PASSWORD_AUTH (answers NEW_PASSWORD_REQUIRED); adds a session', ['UserAuthentication'], none, (c, s) => passwordSignIn(c, s)),
    step('srpSignIn', 'InitiateAuth USER_SRP_AUTH + RespondToAuthChallenge PASSWORD_VERIFIER; adds a session', ['UserAuthentication'], none, (c, s) => srpSignIn(c, s)),
    step('adminCreateUser', 'AdminCreateUser of a fresh user with a temporary password (next sign-in: NEW_PASSWORD_REQUIRED)', ['UserCreation'], none, (c, s) => adminCreateUser(c, s)),
    step('refresh', 'InitiateAuth REFRESH_TOKEN_AUTH on a cached session', ['UserAuthentication'], none, (c, s) => refresh(c, s)),
    step('getTokensFromRefreshToken', 'GetTokensFromRefreshToken on a cached session', ['UserAuthentication'], none, (c, s) => getTokensFromRefreshToken(c, s)),
    step('getUser', 'GetUser with a live access token', ['UserRead'], none, (c, s) => getUser(c, s)),
    step('updateAttributes', 'UpdateUserAttributes with a live access token', ['UserUpdate'], z.strictObject({ attributes: attributes.optional() }), (c, s, p) => updateAttributes(c, s, p as { attributes?: Record<string, string> })),
    step('signUp', 'SignUp of a fresh identity', ['UserCreation'], z.strictObject({ attributes: attributes.optional() }), (c, s, p) => signUp(c, s, p as { attributes?: Record<string, string> })),
    step('confirmSignUp', 'ConfirmSignUp with the emulator-issued code (AdminConfirmSignUp against AWS)', ['UserCreation'], none, (c, s) => confirmSignUp(c, s)),
    step('forgotPassword', 'ForgotPassword', ['UserAccountRecovery'], none, (c, s) => forgotPassword(c, s)),
    step('confirmForgotPassword', 'ConfirmForgotPassword with the emulator-issued code (emulator targets only)', ['UserAccountRecovery'], none, (c, s) => confirmForgotPassword(c, s)),
    step('globalSignOut', 'GlobalSignOut; forgets the session', ['UserUpdate'], none, (c, s) => globalSignOut(c, s)),
    step('revokeToken', 'RevokeToken of the refresh token; forgets the session', ['UserToken'], none, (c, s) => revokeToken(c, s)),
    step('adminGetUser', 'AdminGetUser', ['UserRead'], none, (c, s) => adminGetUser(c, s)),
    step(
      'listUsers',
      'ListUsers with a Filter (one page)',
      ['UserList'],
      z.strictObject({
        filter: z.string().min(1).optional().meta({ description: 'Filter; {username} is replaced (default username = "{username}").' }),
        limit: z.number().int().min(1).max(60).optional(),
      }),
      (c, s, p) => listUsers(c, s, p as { filter?: string; limit?: number }),
    ),
    step('think', 'A pause (user think time): ms, or uniform between minMs and maxMs, or just the step thinkTime', [], thinkParams as z.ZodType<Record<string, unknown>>, async (c, s, p) => {
      const { ms, minMs = 0, maxMs = minMs } = p as { ms?: number; minMs?: number; maxMs?: number };
      await think(c, s, ms ?? minMs + c.rng() * (maxMs - minMs));
      return !c.signal.aborted;
    }),
  ].map((d) => [d.name, d] as const),
);

/** Step names, in vocabulary order. */
export const STEP_NAMES: readonly string[] = [...STEPS.keys()];

/** Parameters every step accepts besides its own. */
export const COMMON_STEP_PARAMS = ['repeat'] as const;

/**
 * Zod schema of one step as a code-level object: `{ step, thinkTimeMs?, repeat?, ...params }`, discriminated on
 * `step` with strict parameters (for the scenario schema and the TypeScript API).
 */
export const stepSchema = z.discriminatedUnion(
  'step',
  [...STEPS.values()].map((d) =>
    z
      .strictObject({
        step: z.literal(d.name),
        thinkTimeMs: z.number().min(0).optional().meta({ description: 'Pause before the step, ms.' }),
        repeat: z.number().int().min(1).max(1000).optional().meta({ description: 'Run the step this many times (default 1).' }),
        ...((d.params as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {}),
      })
      .meta({ description: d.describe }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

/**
 * Checks one step's name and parameters (`params` without `step` / `thinkTime`). Returns problems as
 * `{ path, message }` with paths relative to the step object (e.g. `limit`); empty when valid.
 */
export function checkStep(name: string, params: Readonly<Record<string, unknown>>): { path: string; message: string }[] {
  const def = STEPS.get(name);
  if (!def) return [{ path: 'step', message: `unknown step "${name}"; expected one of: ${STEP_NAMES.join(', ')}` }];
  const { repeat, ...own } = params;
  const problems: { path: string; message: string }[] = [];
  if (repeat !== undefined && !(Number.isInteger(repeat) && (repeat as number) >= 1 && (repeat as number) <= 1000)) {
    problems.push({ path: 'repeat', message: 'expected an integer from 1 to 1000' });
  }
  const parsed = def.params.safeParse(own);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown parameter(s) ${issue.keys.map((k) => `"${k}"`).join(', ')} for step ${name}`
          : issue.message;
      problems.push({ path, message });
    }
  }
  return problems;
}
