import { runTrigger, type EmulatorContext } from '../context.js';
import { err } from '../errors.js';
import type { PoolState } from '../store/pool-state.js';
import type { UserRecord } from '../store/types.js';

/**
 * UNCONFIRMED → CONFIRMED (ConfirmSignUp, AdminConfirmSignUp). With `verifiedBy` (the attribute the code was sent
 * to) that attribute becomes verified, which may make it a sign-in alias. Runs the PostConfirmation trigger.
 */
export async function confirmUser(ctx: EmulatorContext, pool: PoolState, user: UserRecord, operation: string, verifiedBy?: string): Promise<void> {
  if (user.status !== 'UNCONFIRMED') {
    throw err.notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  }
  pool.unindexAliases(user);
  user.status = 'CONFIRMED';
  if (verifiedBy && user.attributes[verifiedBy] !== undefined) user.attributes[`${verifiedBy}_verified`] = 'true';
  pool.indexAliases(user);
  delete user.codes.signUp;
  user.modifiedAtMs = ctx.now();
  await runTrigger(ctx, pool, 'PostConfirmation', operation);
}

/** The attribute Cognito sends sign-up codes to: the first auto-verified attribute the user has. */
export function verificationAttribute(pool: PoolState, user: UserRecord): string | undefined {
  return pool.config.autoVerifiedAttributes.find((a) => user.attributes[a] !== undefined);
}
