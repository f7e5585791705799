import { randomBytes } from 'node:crypto';
import { KeyRing, type KeyFactory } from '../tokens/key-ring.js';
import { PoolState } from './pool-state.js';
import { TtlMap } from './ttl-map.js';
import type { AuthSession, ClientConfig, UserRecord } from './types.js';

/** Pending USER_SRP_AUTH state between InitiateAuth and RespondToAuthChallenge, keyed by SECRET_BLOCK. */
export interface SrpPending {
  userPoolId: string;
  clientId: string;
  /** Internal username (USER_ID_FOR_SRP); for a simulated challenge, the derived fake id. */
  userId: string;
  AHex: string;
  bHex: string;
  BHex: string;
  /** True for the simulated challenge of an unknown user (PreventUserExistenceErrors ENABLED). */
  simulated: boolean;
}

/** A challenge Session (NEW_PASSWORD_REQUIRED) between calls. */
export interface ChallengeSession {
  userPoolId: string;
  clientId: string;
  username: string;
  challengeName: string;
}

/** Most refresh-token families kept per user; the oldest is revoked beyond it (bounds memory under load). */
export const MAX_SESSIONS_PER_USER = 100;
/** Most live sign-in sessions in the whole emulator (~0.5 KB each); the oldest is revoked beyond it. */
export const MAX_SESSIONS = 1_000_000;
/** SRP challenges and challenge sessions live 3 minutes, as Cognito's sessions. */
export const CHALLENGE_TTL_MS = 3 * 60_000;

/**
 * All emulator state: pools (with their users), app clients, signing keys, sign-in sessions and pending challenges.
 * Every lookup is by key (pool id, client id, username, alias, sub, refresh token, origin jti, secret block).
 */
export class EmulatorStore {
  readonly pools = new Map<string, PoolState>();
  readonly clients = new Map<string, ClientConfig>();
  readonly keys: KeyRing;
  /** Sign-in sessions by origin_jti. */
  readonly sessions = new Map<string, AuthSession>();
  readonly refreshTokens = new Map<string, AuthSession>();
  /** Rotated-out refresh tokens still accepted during their client's grace period: token → [originJti, untilMs]. */
  readonly retiredRefreshTokens = new TtlMap<string, { originJti: string; untilMs: number }>(60_000);
  /** `<poolId>/<username>` → origin jtis, oldest first. */
  readonly userSessions = new Map<string, Set<string>>();
  readonly srp = new TtlMap<string, SrpPending>(CHALLENGE_TTL_MS);
  readonly challengeSessions = new TtlMap<string, ChallengeSession>(CHALLENGE_TTL_MS);

  /**
   * Secret from which simulated SRP challenges (unknown users, PreventUserExistenceErrors ENABLED) derive their
   * stable salt and user id; saved in snapshots.
   */
  simulationKey: Buffer;

  /** @param options.keyFactory makes each pool's signing keys (default: fresh RSA-2048 pairs). */
  constructor(options: { simulationKey?: Buffer; keyFactory?: KeyFactory } = {}) {
    this.simulationKey = options.simulationKey ?? randomBytes(32);
    this.keys = new KeyRing(options.keyFactory);
  }

  /** Key used by per-user structures and `OperationRequest.userKey`. */
  static userKey(userPoolId: string, username: string): string {
    return `${userPoolId}/${username}`;
  }

  /** Registers a sign-in session; evicts the user's oldest beyond {@link MAX_SESSIONS_PER_USER}. */
  addSession(s: AuthSession): void {
    this.sessions.set(s.originJti, s);
    this.refreshTokens.set(s.refreshToken, s);
    const k = EmulatorStore.userKey(s.userPoolId, s.username);
    let set = this.userSessions.get(k);
    if (!set) this.userSessions.set(k, (set = new Set()));
    set.add(s.originJti);
    if (set.size > MAX_SESSIONS_PER_USER) this.revokeSession(set.values().next().value as string);
    if (this.sessions.size > MAX_SESSIONS) this.revokeSession(this.sessions.keys().next().value as string);
  }

  /** Revokes one session: its refresh token and every access/ID token carrying its origin_jti. */
  revokeSession(originJti: string): void {
    const s = this.sessions.get(originJti);
    if (!s) return;
    this.sessions.delete(originJti);
    this.refreshTokens.delete(s.refreshToken);
    this.userSessions.get(EmulatorStore.userKey(s.userPoolId, s.username))?.delete(originJti);
  }

  /** Revokes every session of a user (GlobalSignOut, AdminUserGlobalSignOut, deletion, password reset). */
  revokeUserSessions(userPoolId: string, username: string): void {
    const k = EmulatorStore.userKey(userPoolId, username);
    const set = this.userSessions.get(k);
    if (!set) return;
    for (const jti of [...set]) this.revokeSession(jti);
    this.userSessions.delete(k);
  }

  /** Removes a user and its sessions. */
  deleteUser(pool: PoolState, user: UserRecord): void {
    this.revokeUserSessions(pool.config.id, user.username);
    pool.remove(user);
  }

  /** Removes a pool, its clients, users' sessions and keys. */
  deletePool(userPoolId: string): void {
    const pool = this.pools.get(userPoolId);
    if (!pool) return;
    for (const s of [...this.sessions.values()]) if (s.userPoolId === userPoolId) this.revokeSession(s.originJti);
    for (const [id, c] of this.clients) if (c.userPoolId === userPoolId) this.clients.delete(id);
    this.keys.delete(userPoolId);
    this.pools.delete(userPoolId);
  }
}
