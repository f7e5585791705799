import { OAuthError } from './oauth-error.js';
import { STANDARD_SCOPES } from './oauth-client-settings.js';
import type { ResourceServerStore } from './resource-server-store.js';

/** Splits a space-separated `scope` parameter (empty items dropped); undefined when absent or blank. */
export function parseScopeParam(scope: string | undefined): string[] | undefined {
  const items = scope?.split(/\s+/).filter((s) => s !== '') ?? [];
  return items.length === 0 ? undefined : [...new Set(items)];
}

/** True when a scope still exists: a standard scope or a scope of one of the pool's resource servers. */
export function scopeExists(servers: ResourceServerStore, userPoolId: string, scope: string): boolean {
  return STANDARD_SCOPES.includes(scope) || servers.hasCustomScope(userPoolId, scope);
}

/**
 * Scopes granted for a request: the requested ones when each is allowed for the client and exists, else
 * `invalid_scope`; when none are requested, every allowed scope that exists (`customOnly` keeps only resource-server
 * scopes, as `client_credentials` does). An empty result is `invalid_scope` too.
 */
export function grantScopes(
  requested: readonly string[] | undefined,
  allowed: readonly string[],
  exists: (scope: string) => boolean,
  customOnly: boolean,
): string[] {
  const usable = (s: string) => allowed.includes(s) && exists(s) && (!customOnly || !STANDARD_SCOPES.includes(s));
  if (requested) {
    const bad = requested.filter((s) => !usable(s));
    if (bad.length > 0) throw new OAuthError('invalid_scope', `Invalid scope requested: ${bad.join(' ')}`);
    return [...requested];
  }
  const all = allowed.filter(usable);
  if (all.length === 0) throw new OAuthError('invalid_scope', 'No scope is allowed for this client');
  return all;
}
