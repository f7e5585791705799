import { timingSafeEqual } from 'node:crypto';
import { computeX, poolNameOf, SRP_G, SRP_N } from '../../cognito/srp.js';
import { modPowNative } from '../../cognito/mod-pow.js';
import type { RandomBytes } from '../store/ids.js';
import type { PasswordCredential } from '../store/types.js';

/**
 * Password storage. We keep the SRP private value x = SHA-256(PAD(salt) || SHA-256(poolName | username | ":" |
 * password)) with a random 16-byte salt, never the password. Why x and not only the verifier v = g^x mod N:
 * - creating a user must be cheap (100,000 users seeded in well under 30 s): x costs two SHA-256s (~3 µs), v one
 *   3072-bit modexp (~1 ms); so v is derived from x lazily, on the user's first SRP sign-in, and cached;
 * - password sign-in (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH) recomputes x from the offered password and
 *   compares in constant time: no modexp on the hot path.
 * x is a salted hash (not plaintext), though, like any SRP x, it is password-equivalent for an SRP client: fine for
 * a test emulator, and snapshots are written with mode 0600.
 */
export function newCredential(random: RandomBytes, userPoolId: string, username: string, password: string): PasswordCredential {
  const saltHex = random(16).toString('hex');
  return { saltHex, xHex: xHex(saltHex, userPoolId, username, password) };
}

/** True when `password` matches the stored credential (constant-time comparison). */
export function passwordMatches(cred: PasswordCredential, userPoolId: string, username: string, password: string): boolean {
  const a = Buffer.from(evenHex(xHex(cred.saltHex, userPoolId, username, password)), 'hex');
  const b = Buffer.from(evenHex(cred.xHex), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The SRP verifier g^x mod N (hex), computed once per credential and cached on it. */
export function verifierOf(cred: PasswordCredential): string {
  if (!cred.verifierHex) cred.verifierHex = modPowNative(SRP_G, BigInt(`0x${cred.xHex}`), SRP_N).toString(16);
  return cred.verifierHex;
}

function xHex(saltHex: string, userPoolId: string, username: string, password: string): string {
  return computeX(saltHex, poolNameOf(userPoolId), username, password).toString(16);
}

function evenHex(h: string): string {
  return h.length % 2 === 0 ? h : `0${h}`;
}
