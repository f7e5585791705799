import { randomUUID } from 'node:crypto';
import type { OperationHandler } from '../layer.js';
import { generateRs256Key } from '../federation/rs256-jwt.js';
import { identityAdminHandlers } from './identity-admin-handlers.js';
import type { IdentityPoolDeps, UserPoolTokenVerifier } from './identity-pool-deps.js';
import { IDENTITY_SERVICE } from './identity-pool-quotas.js';
import { IdentityPoolStore } from './identity-pool-store.js';
import { identityHandlers } from './identity-handlers.js';
import { poolManagementHandlers } from './pool-management-handlers.js';

/** Every identity-pool operation the emulator serves. */
export const IDENTITY_POOL_OPERATIONS: readonly string[] = [
  'CreateIdentityPool', 'DescribeIdentityPool', 'UpdateIdentityPool', 'ListIdentityPools', 'DeleteIdentityPool',
  'SetIdentityPoolRoles', 'GetIdentityPoolRoles', 'GetId', 'GetOpenIdToken', 'GetCredentialsForIdentity',
  'GetOpenIdTokenForDeveloperIdentity', 'ListIdentities', 'DescribeIdentity', 'DeleteIdentities',
];

/**
 * Every identity-pool operation the emulator serves, keyed `AWSCognitoIdentityService.<Operation>` — the shape of
 * the emulator app's `extraHandlers` option.
 */
export function identityPoolExtraHandlers(deps: IdentityPoolDeps): Record<string, OperationHandler> {
  const all = { ...poolManagementHandlers(deps), ...identityHandlers(deps), ...identityAdminHandlers(deps) };
  return Object.fromEntries(Object.entries(all).map(([op, h]) => [`${IDENTITY_SERVICE}.${op}`, h]));
}

/**
 * Default dependencies: a fresh store, a new OpenID signing key (generated synchronously, ~50 ms), Math.random and
 * crypto.randomUUID. Pass `verifyUserPoolToken` from the emulator's token module.
 */
export function defaultIdentityPoolDeps(region: string, verifyUserPoolToken: UserPoolTokenVerifier, overrides: Partial<IdentityPoolDeps> = {}): IdentityPoolDeps {
  return {
    store: new IdentityPoolStore(),
    region,
    verifyUserPoolToken,
    openIdKey: generateRs256Key('cogcap-identity-1'),
    rng: Math.random,
    uuid: randomUUID,
    ...overrides,
  };
}
