import { err } from '../errors.js';
import type { PoolState } from '../store/pool-state.js';

/** Cognito's standard user attributes. */
export const STANDARD_ATTRIBUTES = new Set([
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale', 'middle_name',
  'name', 'nickname', 'phone_number', 'phone_number_verified', 'picture', 'preferred_username', 'profile',
  'updated_at', 'website', 'zoneinfo', 'sub',
]);

const EMAIL_RE = /^[^\s@]+@[^\s@]+$/;
const PHONE_RE = /^\+[0-9]{4,15}$/;

/**
 * Parses an `AttributeType` list (`[{Name, Value}]`) into a map, checking names against the pool's schema and the
 * formats of email and phone_number. `sub` is never writable.
 */
export function parseAttributes(pool: PoolState, list: unknown, member = 'userAttributes'): Record<string, string> {
  const out: Record<string, string> = {};
  if (list === undefined || list === null) return out;
  if (!Array.isArray(list)) throw err.serialization(`Expected list for ${member}`);
  for (const item of list) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw err.serialization(`Expected structure in ${member}`);
    }
    const { Name, Value } = item as Record<string, unknown>;
    if (typeof Name !== 'string' || (Value !== undefined && Value !== null && typeof Value !== 'string')) {
      throw err.serialization(`Invalid AttributeType in ${member}`);
    }
    checkAttributeName(pool, Name);
    const value = typeof Value === 'string' ? Value : '';
    if (Name === 'email' && value !== '' && !EMAIL_RE.test(value)) throw err.invalidParameter('Invalid email address format.');
    if (Name === 'phone_number' && value !== '' && !PHONE_RE.test(value)) throw err.invalidParameter('Invalid phone number format.');
    out[Name] = value;
  }
  return out;
}

/** Throws when a name is neither a standard attribute nor one of the pool's custom attributes. */
export function checkAttributeName(pool: PoolState, name: string): void {
  if (name === 'sub') throw err.invalidParameter('Attributes did not conform to the schema: sub: Attribute cannot be written');
  if (STANDARD_ATTRIBUTES.has(name)) return;
  if (name.startsWith('custom:') && pool.config.customAttributes.includes(name.slice(7))) return;
  throw err.invalidParameter(`Attributes did not conform to the schema: Type for attribute {${name}} could not be determined`);
}

/** Applies attribute changes to a user record's map (empty value deletes), keeping insertion order. */
export function mergeAttributes(target: Record<string, string>, changes: Record<string, string>): void {
  for (const [k, v] of Object.entries(changes)) {
    if (v === '') delete target[k];
    else target[k] = v;
  }
}
