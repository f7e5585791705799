import { issueCode, RESET_CODE_TTL_MS, codeDeliveryDetails } from '../auth/codes.js';
import type { EmulatorContext } from '../context.js';
import { err } from '../errors.js';
import type { PoolState } from '../store/pool-state.js';
import type { UserRecord } from '../store/types.js';
import { mergeAttributes } from './attributes.js';

/**
 * Applies attribute changes with alias bookkeeping. A changed email or phone number becomes unverified unless the
 * change sets `<attr>_verified` itself; with `sendCodes` (self-service UpdateUserAttributes) a verification code is
 * issued for each such attribute the pool auto-verifies, and their delivery details returned.
 */
export function updateUserAttributes(
  ctx: EmulatorContext,
  pool: PoolState,
  user: UserRecord,
  changes: Record<string, string>,
  sendCodes: boolean,
): Record<string, string>[] {
  for (const attr of ['email', 'phone_number']) {
    const v = changes[attr];
    if (v === undefined || v === '') continue;
    const owner = pool.byAlias(attr, v);
    if (owner && owner !== user && (pool.config.usernameAttributes.includes(attr) || pool.config.aliasAttributes.includes(attr))) {
      throw err.aliasExists();
    }
  }
  const deliveries: Record<string, string>[] = [];
  pool.unindexAliases(user);
  const before = { ...user.attributes };
  mergeAttributes(user.attributes, changes);
  for (const attr of ['email', 'phone_number']) {
    const changed = changes[attr] !== undefined && changes[attr] !== before[attr];
    if (!changed || changes[`${attr}_verified`] !== undefined) continue;
    if (user.attributes[attr] === undefined) delete user.attributes[`${attr}_verified`];
    else user.attributes[`${attr}_verified`] = 'false';
    if (sendCodes && user.attributes[attr] !== undefined && pool.config.autoVerifiedAttributes.includes(attr)) {
      user.codes.attributes = { ...user.codes.attributes, [attr]: issueCode(ctx, RESET_CODE_TTL_MS) };
      const d = codeDeliveryDetails({ [attr]: user.attributes[attr]! });
      deliveries.push(d);
    }
  }
  pool.indexAliases(user);
  user.modifiedAtMs = ctx.now();
  return deliveries;
}
