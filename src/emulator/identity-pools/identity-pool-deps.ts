import type { Rs256Key } from '../federation/rs256-jwt.js';
import type { IdentityPoolStore } from './identity-pool-store.js';

/**
 * Verifies an ID token issued by the emulator's user pool `userPoolId` (signature with the pool's keys, expiry);
 * resolves to its claims, or undefined when it is not valid. Supplied by the emulator app (H2's token module).
 */
export type UserPoolTokenVerifier = (userPoolId: string, token: string, nowMs: number) => Promise<Record<string, unknown> | undefined>;

/** What the identity-pool handlers need from the rest of the emulator. */
export interface IdentityPoolDeps {
  readonly store: IdentityPoolStore;
  /** Region of the emulated account, e.g. `us-east-1` (prefix of pool and identity ids). */
  readonly region: string;
  /** Account id used in ARNs, default `000000000000`. */
  readonly accountId?: string;
  readonly verifyUserPoolToken: UserPoolTokenVerifier;
  /** Key that signs the `cognito-identity.amazonaws.com` OpenID tokens. */
  readonly openIdKey: Rs256Key;
  /** Random source in [0, 1) for fake credentials. */
  readonly rng: () => number;
  /** Random UUID source (v4 format). */
  readonly uuid: () => string;
}

/** Issuer of the OpenID tokens that GetOpenIdToken returns (and the login key that presents them back). */
export const COGNITO_IDENTITY_ISSUER = 'cognito-identity.amazonaws.com';
