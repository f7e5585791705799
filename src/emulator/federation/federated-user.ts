import type { EmulatorContext } from '../context.js';
import { newUuid } from '../store/ids.js';
import type { PoolState } from '../store/pool-state.js';
import type { UserRecord, UserStatus } from '../store/types.js';
import type { IdentityProvider } from './identity-provider-store.js';

/** Status Cognito reports for users created by a federated sign-in. */
export const EXTERNAL_PROVIDER_STATUS = 'EXTERNAL_PROVIDER';

/** Username Cognito gives a federated user: `<ProviderName>_<IdP subject>`. */
export function federatedUsername(providerName: string, subject: string): string {
  return `${providerName}_${subject}`;
}

/** User-pool attributes from the IdP's claims through the provider's AttributeMapping (pool attribute → claim). */
export function mapAttributes(provider: IdentityProvider, claims: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [attr, claim] of Object.entries(provider.AttributeMapping)) {
    if (attr === 'username') continue;
    const v = claims[claim];
    if (typeof v === 'string') out[attr] = v;
    else if (typeof v === 'boolean' || typeof v === 'number') out[attr] = String(v);
  }
  return out;
}

/**
 * Creates the user of a first federated sign-in, or updates the mapped attributes of a returning one, as Cognito
 * does: username `<ProviderName>_<sub>`, a new Cognito `sub`, the `identities` attribute (a JSON list with userId,
 * providerName, providerType, issuer, primary, dateCreated), status EXTERNAL_PROVIDER, no password. A mapped alias
 * value (e.g. email) that another user already signs in with is left out, so the other user keeps it.
 */
export function findOrCreateFederatedUser(
  ctx: EmulatorContext,
  pool: PoolState,
  provider: IdentityProvider,
  subject: string,
  claims: Readonly<Record<string, unknown>>,
): { user: UserRecord; created: boolean } {
  const username = federatedUsername(provider.ProviderName, subject);
  const mapped = mapAttributes(provider, claims);
  const nowMs = ctx.now();
  const existing = pool.byUsername(username);
  if (existing) {
    pool.unindexAliases(existing);
    Object.assign(existing.attributes, withoutConflicts(pool, existing, mapped));
    existing.modifiedAtMs = nowMs;
    pool.indexAliases(existing);
    return { user: existing, created: false };
  }
  const sub = newUuid(ctx.random);
  const identities = JSON.stringify([
    { userId: subject, providerName: provider.ProviderName, providerType: provider.ProviderType, issuer: null, primary: 'true', dateCreated: String(nowMs) },
  ]);
  const user: UserRecord = {
    username,
    sub,
    attributes: { sub, identities },
    status: EXTERNAL_PROVIDER_STATUS as UserStatus,
    enabled: true,
    createdAtMs: nowMs,
    modifiedAtMs: nowMs,
    seq: pool.nextSeq++,
    credential: null,
    tempPasswordExpiresAtMs: null,
    groups: [],
    codes: {},
  };
  Object.assign(user.attributes, withoutConflicts(pool, user, mapped));
  pool.add(user);
  return { user, created: true };
}

function withoutConflicts(pool: PoolState, user: UserRecord, mapped: Record<string, string>): Record<string, string> {
  const probe: UserRecord = { ...user, attributes: { ...user.attributes, ...mapped } };
  const out = { ...mapped };
  for (const [attr, value] of pool.aliasValues(probe)) {
    const owner = pool.byAlias(attr, value);
    if (owner && owner !== user) delete out[attr];
  }
  return out;
}
