/**
 * Failed sign-in lockout contract (implemented in src/emulator/quota or similar; optional). The emulator calls it on
 * the password and SRP sign-in paths, just before checking the password or proof:
 * `check` throws CognitoServiceError (NotAuthorizedException "Password attempts exceeded") while the user is locked;
 * `recordFailure` after a wrong password or proof; `recordSuccess` after a right one.
 */
export interface LockoutTracker {
  check(userKey: string, nowMs: number): void;
  recordFailure(userKey: string, nowMs: number): void;
  recordSuccess(userKey: string): void;
}
