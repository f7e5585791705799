import type { QuotaCategory } from '../../cognito/categories.js';
import type { FlowDefinition } from '../flow.js';
import { buildCustomFlow, type ComposedFlowDefinition, type StepSpec } from './build-custom-flow.js';

/** Adds categories a flow charges beyond its steps' own (e.g. the NEW_PASSWORD_REQUIRED answer). */
const charging = (def: ComposedFlowDefinition, extra: readonly QuotaCategory[]): ComposedFlowDefinition => ({
  ...def,
  categories: [...new Set([...def.categories, ...extra])],
});

const s = (step: string, thinkTimeMs = 0, params?: Record<string, unknown>): StepSpec => ({
  step,
  thinkTimeMs,
  ...(params ? { params } : {}),
});

/** Think time of a user reading a code from an e-mail before typing it, ms. */
export const CODE_ENTRY_THINK_MS = 1_000;

/**
 * The built-in user journeys (names are what scenarios put in `flow:`). Session flows (refresh, profile, attribute
 * update, sign-out) reuse live sessions from the pool and sign in first when none is live.
 */
export const BUILT_IN_FLOWS: readonly FlowDefinition[] = [
  buildCustomFlow('password-sign-in', [s('passwordSignIn')], 'Password sign-in (USER_PASSWORD_AUTH); caches the session'),
  buildCustomFlow('srp-sign-in', [s('srpSignIn')], 'SRP sign-in (USER_SRP_AUTH + PASSWORD_VERIFIER); caches the session'),
  charging(
    buildCustomFlow(
      'first-sign-in',
      [s('adminCreateUser'), s('passwordSignIn', CODE_ENTRY_THINK_MS)],
      'Admin-invited user: AdminCreateUser, then sign-in answering NEW_PASSWORD_REQUIRED (charged to UserAccountRecovery)',
    ),
    ['UserAccountRecovery'],
  ),
  buildCustomFlow('token-refresh', [s('refresh')], 'Token refresh (InitiateAuth REFRESH_TOKEN_AUTH) of a cached session'),
  buildCustomFlow('token-refresh-get-tokens', [s('getTokensFromRefreshToken')], 'Token refresh with GetTokensFromRefreshToken'),
  buildCustomFlow('profile-read', [s('getUser')], 'Profile read (GetUser) with a cached session'),
  buildCustomFlow('attribute-update', [s('updateAttributes')], 'Attribute update (UpdateUserAttributes) with a cached session'),
  buildCustomFlow('sign-up', [s('signUp'), s('confirmSignUp', CODE_ENTRY_THINK_MS)], 'Sign-up and confirmation of a fresh user'),
  buildCustomFlow(
    'forgot-password',
    [s('forgotPassword'), s('confirmForgotPassword', CODE_ENTRY_THINK_MS)],
    'Forgot password and confirmation with the code (emulator targets)',
  ),
  buildCustomFlow('sign-out', [s('globalSignOut')], 'Sign-out (GlobalSignOut) of a cached session'),
  buildCustomFlow('sign-out-revoke', [s('revokeToken')], 'Sign-out by revoking the refresh token (RevokeToken)'),
  buildCustomFlow('admin-get-user', [s('adminGetUser')], 'Admin look-up (AdminGetUser)'),
  buildCustomFlow('list-users', [s('listUsers')], 'Admin search (ListUsers with a Filter)'),
  buildCustomFlow(
    'app-session',
    [s('srpSignIn'), s('getUser', 500), s('updateAttributes', 1_000), s('refresh', 1_000), s('globalSignOut', 500)],
    'A whole app session: SRP sign-in, profile read, attribute update, refresh, sign-out',
  ),
];
