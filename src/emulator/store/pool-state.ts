import { OrderedUserList } from './ordered-user-list.js';
import type { GroupRecord, PoolConfig, UserRecord } from './types.js';

/** Attributes that can act as sign-in aliases. */
export const ALIAS_ATTRIBUTES = ['email', 'phone_number', 'preferred_username'] as const;

/**
 * One user pool's data with its indexes: internal username, sign-in alias (email, phone, preferred_username), sub,
 * and creation order. Every lookup is O(1); ListUsers pages by cursor over the creation order.
 */
export class PoolState {
  readonly users = new Map<string, UserRecord>();
  readonly aliases = new Map<string, UserRecord>();
  readonly subs = new Map<string, UserRecord>();
  readonly order = new OrderedUserList();
  readonly groups = new Map<string, GroupRecord>();
  nextSeq = 1;

  constructor(public config: PoolConfig) {}

  /** Normalises a username or alias value for lookup (lower-cased unless the pool is case sensitive). */
  key(value: string): string {
    return this.config.caseSensitive ? value : value.toLowerCase();
  }

  /** The user with this internal username, or undefined. */
  byUsername(username: string): UserRecord | undefined {
    return this.users.get(this.key(username));
  }

  /** Finds a user by what they typed: internal username, or an alias/username attribute value. */
  bySignInName(name: string): UserRecord | undefined {
    const direct = this.users.get(this.key(name));
    if (direct) return direct;
    for (const attr of ALIAS_ATTRIBUTES) {
      const u = this.aliases.get(this.aliasKey(attr, name));
      if (u) return u;
    }
    return undefined;
  }

  /** Looks up the owner of an alias value. */
  byAlias(attr: string, value: string): UserRecord | undefined {
    return this.aliases.get(this.aliasKey(attr, value));
  }

  /** Adds a new user and indexes it. */
  add(user: UserRecord): void {
    this.users.set(this.key(user.username), user);
    this.subs.set(user.sub, user);
    this.order.push(user);
    this.indexAliases(user);
  }

  /** Removes a user and all its index entries. */
  remove(user: UserRecord): void {
    this.unindexAliases(user);
    this.users.delete(this.key(user.username));
    this.subs.delete(user.sub);
    this.order.remove(user);
  }

  /** Attributes a user can sign in with, given the pool's configuration and the user's verification state. */
  aliasValues(user: UserRecord): [string, string][] {
    const out: [string, string][] = [];
    for (const attr of ALIAS_ATTRIBUTES) {
      const v = user.attributes[attr];
      if (v === undefined) continue;
      if (this.config.usernameAttributes.includes(attr)) out.push([attr, v]);
      else if (this.config.aliasAttributes.includes(attr)) {
        if (attr === 'preferred_username' || user.attributes[`${attr}_verified`] === 'true') out.push([attr, v]);
      }
    }
    return out;
  }

  /** Index entries of a user's aliases; call before changing attributes, then {@link indexAliases} after. */
  unindexAliases(user: UserRecord): void {
    for (const [attr, v] of this.aliasValues(user)) {
      const k = this.aliasKey(attr, v);
      if (this.aliases.get(k) === user) this.aliases.delete(k);
    }
  }

  indexAliases(user: UserRecord): void {
    for (const [attr, v] of this.aliasValues(user)) this.aliases.set(this.aliasKey(attr, v), user);
  }

  private aliasKey(attr: string, value: string): string {
    return `${attr}\u0000${attr === 'preferred_username' ? this.key(value) : value.toLowerCase()}`;
  }
}
