import type { EmulatorStore } from '../store/emulator-store.js';
import { decodeJwt, verifyJwtSignature } from './jwt.js';

/**
 * Verifies an access or ID token of pool `userPoolId`: RS256 signature with the pool's key for its `token_use`,
 * issuer, expiry (against `nowMs`) and that its sign-in session was not revoked. Resolves to the claims, or
 * undefined when any check fails.
 */
export async function verifyUserPoolToken(store: EmulatorStore, userPoolId: string, token: string, nowMs: number): Promise<Record<string, unknown> | undefined> {
  const jwt = decodeJwt(token);
  if (!jwt || !store.pools.has(userPoolId)) return undefined;
  const keys = await store.keys.get(userPoolId);
  const key = jwt.payload.token_use === 'id' ? keys.id : jwt.payload.token_use === 'access' ? keys.access : undefined;
  if (!key || !verifyJwtSignature(jwt, key)) return undefined;
  const iss = jwt.payload.iss;
  if (typeof iss !== 'string' || !iss.endsWith(`/${userPoolId}`)) return undefined;
  if (typeof jwt.payload.exp !== 'number' || jwt.payload.exp * 1000 <= nowMs) return undefined;
  if (!store.sessions.has(String(jwt.payload.origin_jti))) return undefined;
  return jwt.payload;
}
