import type { QuotaCategory } from '../../cognito/categories.js';
import { operationInfo } from '../../cognito/operations.js';
import { HOURLY_LIMIT_GROUP } from './quota-profile.js';

/**
 * How one call is charged (reference section 1, special rules). Pure: derived from the operation and its body only,
 * so the usage-metrics layer and the quota layer agree.
 */
export interface Charge {
  /** Category the call counts in (AWS/Usage `Resource`) and whose account-wide budget it draws on. */
  readonly category: QuotaCategory;
  /**
   * True for (Admin)RespondToAuthChallenge other than NEW_PASSWORD_REQUIRED answers: draws first on the separate
   * challenge-response budget (multiplier x UserAuthentication), spilling over into UserAuthentication beyond it.
   */
  readonly challengeResponse: boolean;
  /** Per-user per-second limit the call counts toward. */
  readonly perUser: 'read' | 'write' | null;
  /** True when the category also has a per-pool per-operation limit (the four pool/client resource categories). */
  readonly perPoolOperation: boolean;
  /** Key of the per-user hourly limit the call counts toward (operation name, or the shared group's), else null. */
  readonly hourlyKey: string | null;
}

const PER_POOL_CATEGORIES = new Set<QuotaCategory>(['UserPoolResourceRead', 'UserPoolResourceUpdate', 'UserPoolClientRead', 'UserPoolClientUpdate']);
const HOURLY_OPERATIONS = new Set(['ForgotPassword', 'ConfirmForgotPassword', 'ResendConfirmationCode', 'ConfirmSignUp', 'ChangePassword', 'GetUserAttributeVerificationCode', 'VerifyUserAttribute']);

/** The charge of `operation` with request body `body`. */
export function chargeOf(operation: string, body: Readonly<Record<string, unknown>>): Charge {
  const info = operationInfo(operation);
  const newPassword = info.challengeResponse && body.ChallengeName === 'NEW_PASSWORD_REQUIRED';
  const category: QuotaCategory = newPassword ? 'UserAccountRecovery' : info.category;
  return {
    category,
    challengeResponse: info.challengeResponse && !newPassword,
    perUser: info.perUserRead ? 'read' : info.perUserWrite ? 'write' : null,
    perPoolOperation: PER_POOL_CATEGORIES.has(category),
    hourlyKey: HOURLY_OPERATIONS.has(operation) ? (HOURLY_LIMIT_GROUP[operation] ?? operation) : null,
  };
}
