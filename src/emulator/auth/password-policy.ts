import { err } from '../errors.js';
import type { PasswordPolicy } from '../store/types.js';

/** Cognito's default password policy (CreateUserPool without `Policies`). */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

/** Symbols Cognito accepts as "special characters" (the set its docs list, plus space). */
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- '.split(''));

/**
 * Throws InvalidPasswordException with Cognito's wording when `password` breaks the policy; the first failing rule
 * is reported, in Cognito's order: length, lowercase, uppercase, numeric, symbol.
 */
export function checkPasswordPolicy(policy: PasswordPolicy, password: string): void {
  const prefix = 'Password did not conform with policy: ';
  if ([...password].length < policy.MinimumLength) throw err.invalidPassword(`${prefix}Password not long enough`);
  if (policy.RequireLowercase && !/[a-z]/.test(password)) {
    throw err.invalidPassword(`${prefix}Password must have lowercase characters`);
  }
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) {
    throw err.invalidPassword(`${prefix}Password must have uppercase characters`);
  }
  if (policy.RequireNumbers && !/[0-9]/.test(password)) {
    throw err.invalidPassword(`${prefix}Password must have numeric characters`);
  }
  if (policy.RequireSymbols && ![...password].some((c) => SYMBOLS.has(c))) {
    throw err.invalidPassword(`${prefix}Password must have symbol characters`);
  }
}
