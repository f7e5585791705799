import type { QuotaCategory } from '../../cognito/categories.js';
import { operationInfo } from '../../cognito/operations.js';
import { HOURLY_LIMIT_GROUP } from './quota-profile.js';

/**
 * A separate allowance some calls draw on first, spilling over into their category beyond it (reference section 1
 * and 7): challenge responses (3x UserAuthentication) and authorization-code redemptions at the token endpoint
 * (1x UserAuthentication).
 */
export type Allowance = 'challenge' | 'authorizationCode';

/**
 * How one call is charged (reference section 1, special rules). Pure: derived from the operation and its body only,
 * so the usage-metrics layer and the quota layer agree.
 */
export interface Charge {
  /** Category the call counts in (AWS/Usage `Resource`) and whose account-wide budget it draws on. */
  readonly category: QuotaCategory;
  /**
   * The separate allowance the call draws on first: (Admin)RespondToAuthChallenge other than NEW_PASSWORD_REQUIRED
   * answers → `challenge`; authorization-code redemptions → `authorizationCode`; otherwise null.
   */
  readonly allowance: Allowance | null;
  /** Per-user per-second limit the call counts toward. */
  readonly perUser: 'read' | 'write' | null;
  /** True when the category also has a per-pool per-operation limit (the four pool/client resource categories). */
  readonly perPoolOperation: boolean;
  /** Key of the per-user hourly limit the call counts toward (operation name, or the shared group's), else null. */
  readonly hourlyKey: string | null;
}

const PER_POOL_CATEGORIES = new Set<QuotaCategory>(['UserPoolResourceRead', 'UserPoolResourceUpdate', 'UserPoolClientRead', 'UserPoolClientUpdate']);
const HOURLY_OPERATIONS = new Set(['ForgotPassword', 'ConfirmForgotPassword', 'ResendConfirmationCode', 'ConfirmSignUp', 'ChangePassword', 'GetUserAttributeVerificationCode', 'VerifyUserAttribute']);

/**
 * Pseudo-operations under which the OAuth 2.0 / managed-login endpoints run through the pipeline
 * (src/emulator/oauth/oauth-operations.ts), with their category (reference section 7). The catalogue in src/cognito
 * covers API operations only; endpoints whose accounting AWS does not document stay Uncategorized.
 */
const OAUTH_CHARGES: Readonly<Record<string, { category: QuotaCategory; allowance?: Allowance }>> = {
  'OAuth2Token.client_credentials': { category: 'ClientAuthentication' },
  'OAuth2Token.refresh_token': { category: 'UserAuthentication' },
  'OAuth2Token.authorization_code': { category: 'UserAuthentication', allowance: 'authorizationCode' },
  OAuth2Login: { category: 'UserAuthentication' },
  OAuth2IdpResponse: { category: 'UserFederation' },
  OAuth2Revoke: { category: 'UserToken' },
};

/** The charge of `operation` with request body `body`. */
export function chargeOf(operation: string, body: Readonly<Record<string, unknown>>): Charge {
  const oauth = OAUTH_CHARGES[operation];
  if (oauth) return { category: oauth.category, allowance: oauth.allowance ?? null, perUser: null, perPoolOperation: false, hourlyKey: null };
  const info = operationInfo(operation);
  const newPassword = info.challengeResponse && body.ChallengeName === 'NEW_PASSWORD_REQUIRED';
  const category: QuotaCategory = newPassword ? 'UserAccountRecovery' : info.category;
  return {
    category,
    allowance: info.challengeResponse && !newPassword ? 'challenge' : null,
    perUser: info.perUserRead ? 'read' : info.perUserWrite ? 'write' : null,
    perPoolOperation: PER_POOL_CATEGORIES.has(category),
    hourlyKey: HOURLY_OPERATIONS.has(operation) ? (HOURLY_LIMIT_GROUP[operation] ?? operation) : null,
  };
}
