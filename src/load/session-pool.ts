import type { Session, SessionPool } from './flow.js';

/** Options of {@link MemorySessionPool}. */
export interface SessionPoolOptions {
  /**
   * Most live sessions kept (default 10,000): beyond it, `add` replaces an older session (round robin), so memory
   * stays flat in long sign-in-heavy runs. The same bound applies to the expired list.
   */
  readonly maxSessions?: number;
  /** Random probes per `take` before giving up (default 8). */
  readonly maxProbes?: number;
}

/**
 * An unordered bag of sessions with O(1) swap-remove. Each session sits at one index; `indexOf` maps it back.
 */
class Bag {
  readonly items: Session[] = [];
  private readonly indexOf = new Map<Session, number>();
  private nextReplace = 0;
  constructor(private readonly max: number) {}
  get size(): number {
    return this.items.length;
  }
  has(s: Session): boolean {
    return this.indexOf.has(s);
  }
  /** Adds `s`; when full, replaces an older session and returns it. */
  add(s: Session): Session | undefined {
    if (this.indexOf.has(s)) return undefined;
    if (this.items.length < this.max) {
      this.indexOf.set(s, this.items.length);
      this.items.push(s);
      return undefined;
    }
    const i = this.nextReplace;
    this.nextReplace = (this.nextReplace + 1) % this.max;
    const evicted = this.items[i]!;
    this.indexOf.delete(evicted);
    this.items[i] = s;
    this.indexOf.set(s, i);
    return evicted;
  }
  removeAt(i: number): Session {
    const s = this.items[i]!;
    const last = this.items.pop()!;
    this.indexOf.delete(s);
    if (i < this.items.length) {
      this.items[i] = last;
      this.indexOf.set(last, i);
    }
    if (this.nextReplace >= this.items.length) this.nextReplace = 0;
    return s;
  }
  remove(s: Session): boolean {
    const i = this.indexOf.get(s);
    if (i === undefined) return false;
    this.removeAt(i);
    return true;
  }
}

/**
 * In-memory {@link SessionPool}: O(1) add, take, put and remove, expiry aware. A session is *taken* (borrowed
 * exclusively) and *put* back by the flow that used it, as one app instance owns its token cache.
 * Sessions whose access token has expired are moved to an expired list on sight; a refresh flow takes them with
 * {@link MemorySessionPool.takeExpired}, as apps refresh an expired access token with the refresh token.
 */
export class MemorySessionPool implements SessionPool {
  private readonly live: Bag;
  private readonly expired: Bag;
  private readonly maxProbes: number;
  /** Held sessions by username (for {@link MemorySessionPool.removeUser}). */
  private readonly byUser = new Map<string, Set<Session>>();

  constructor(options: SessionPoolOptions = {}) {
    const max = Math.max(1, options.maxSessions ?? 10_000);
    this.live = new Bag(max);
    this.expired = new Bag(max);
    this.maxProbes = options.maxProbes ?? 8;
  }

  add(session: Session): void {
    const evicted = this.live.add(session);
    if (evicted) this.unindex(evicted);
    this.index(session);
  }

  private index(session: Session): void {
    const name = session.user.username;
    let set = this.byUser.get(name);
    if (!set) this.byUser.set(name, (set = new Set()));
    set.add(session);
  }

  private unindex(session: Session): void {
    const set = this.byUser.get(session.user.username);
    if (!set) return;
    set.delete(session);
    if (set.size === 0) this.byUser.delete(session.user.username);
  }

  /**
   * A random live session whose access token stays valid for at least `minValidUs` (default 0) after `nowUs`,
   * removed from the pool until `put`; undefined when none was found within a few random probes.
   */
  take(nowUs: number, rng: () => number, minValidUs = 0): Session | undefined {
    for (let probe = 0; probe < this.maxProbes && this.live.size > 0; probe += 1) {
      const i = Math.min(this.live.size - 1, Math.floor(rng() * this.live.size));
      const s = this.live.items[i]!;
      if (s.expiresAtUs <= nowUs) {
        const evicted = this.expired.add(this.live.removeAt(i));
        if (evicted) this.unindex(evicted);
        continue;
      }
      if (s.expiresAtUs - nowUs >= minValidUs) {
        this.unindex(s);
        return this.live.removeAt(i);
      }
    }
    return undefined;
  }

  /** A random session whose access token has expired (its refresh token may still work), or undefined. */
  takeExpired(rng: () => number): Session | undefined {
    if (this.expired.size === 0) return undefined;
    const s = this.expired.removeAt(Math.min(this.expired.size - 1, Math.floor(rng() * this.expired.size)));
    this.unindex(s);
    return s;
  }

  put(session: Session): void {
    this.add(session);
  }

  remove(session: Session): void {
    if (!this.live.remove(session)) this.expired.remove(session);
    this.unindex(session);
  }

  /**
   * Forgets every held session of `username` (after GlobalSignOut, which revokes all of the user's tokens), so that
   * other flows do not pick sessions the service has already invalidated. O(sessions of that user).
   */
  removeUser(username: string): void {
    const set = this.byUser.get(username);
    if (!set) return;
    for (const s of [...set]) this.remove(s);
  }

  /** Sessions held (live and expired, not counting those currently taken). */
  get size(): number {
    return this.live.size + this.expired.size;
  }

  /** Sessions whose expiry has been noticed (held for refresh flows). */
  get expiredSize(): number {
    return this.expired.size;
  }
}

/** A new empty session pool (see {@link MemorySessionPool}). */
export function createSessionPool(options: SessionPoolOptions = {}): MemorySessionPool {
  return new MemorySessionPool(options);
}
