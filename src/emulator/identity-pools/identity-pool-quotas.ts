/**
 * Identity-pool wire constants for the emulator. The per-operation quota table itself is the planner's
 * (`IDENTITY_OPERATION_QUOTAS` in src/planner/identity-pool-quotas.ts, reference section 8): one table for the
 * emulator's buckets and the planner's demand.
 */
export { IDENTITY_OPERATION_QUOTAS as IDENTITY_POOL_QUOTAS, type IdentityOperationQuota as IdentityPoolQuota } from '../../planner/identity-pool-quotas.js';

/** JSON 1.1 target prefix of identity pools. */
export const IDENTITY_SERVICE = 'AWSCognitoIdentityService';
