import { err } from '../errors.js';
import type { PoolState } from '../store/pool-state.js';
import type { UserRecord } from '../store/types.js';

/** A parsed ListUsers filter: `attribute = "value"` (exact) or `attribute ^= "value"` (prefix). */
export interface UserFilter {
  readonly attribute: string;
  readonly prefix: boolean;
  readonly value: string;
}

const SEARCHABLE = new Set([
  'username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username',
  'cognito:user_status', 'status', 'sub',
]);

/** Parses Cognito's filter syntax; empty → undefined (all users). */
export function parseUserFilter(text: string | undefined): UserFilter | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const m = /^\s*"?([\w:]+)"?\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(text);
  if (!m) throw err.invalidParameter('Error while parsing filter.');
  const attribute = m[1]!;
  if (!SEARCHABLE.has(attribute)) throw err.invalidParameter(`Invalid search attribute: ${attribute}`);
  return { attribute, prefix: m[2] === '^=', value: m[3]!.replace(/\\(.)/g, '$1') };
}

function valueOf(user: UserRecord, attribute: string): string | undefined {
  switch (attribute) {
    case 'username':
      return user.username;
    case 'cognito:user_status':
      return user.status;
    case 'status':
      return user.enabled ? 'Enabled' : 'Disabled';
    default:
      return user.attributes[attribute];
  }
}

/** True when a user matches (username comparisons follow the pool's case sensitivity). */
export function matchesFilter(pool: PoolState, user: UserRecord, f: UserFilter): boolean {
  const v = valueOf(user, f.attribute);
  if (v === undefined) return false;
  const norm = f.attribute === 'username' ? (s: string) => pool.key(s) : (s: string) => s;
  return f.prefix ? norm(v).startsWith(norm(f.value)) : norm(v) === norm(f.value);
}

/**
 * Users an exact filter can find through an index without scanning (username, sub, indexed email/phone), or
 * undefined when the filter needs a scan.
 */
export function indexedLookup(pool: PoolState, f: UserFilter): UserRecord[] | undefined {
  if (f.prefix) return undefined;
  if (f.attribute === 'username') return asList(pool.byUsername(f.value));
  if (f.attribute === 'sub') return asList(pool.subs.get(f.value));
  if (f.attribute === 'email' || f.attribute === 'phone_number') {
    if (pool.config.usernameAttributes.includes(f.attribute)) {
      const u = pool.byAlias(f.attribute, f.value);
      return asList(u && matchesFilter(pool, u, f) ? u : undefined);
    }
  }
  return undefined;
}

function asList(u: UserRecord | undefined): UserRecord[] {
  return u ? [u] : [];
}
