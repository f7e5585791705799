import { createHash, timingSafeEqual } from 'node:crypto';
import { poolNameOf, SRP_G, SRP_N } from '../../cognito/srp.js';
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
 * `xHex` is the 64-digit SHA-256 output (leading zeros kept); as an integer it is the x of srp.md.
 */
export function newCredential(random: RandomBytes, userPoolId: string, username: string, password: string): PasswordCredential {
  const salt = random(16);
  return { saltHex: salt.toString('hex'), xHex: xDigest(salt, userPoolId, username, password).toString('hex') };
}

/** True when `password` matches the stored credential (constant-time comparison). */
export function passwordMatches(cred: PasswordCredential, userPoolId: string, username: string, password: string): boolean {
  const a = xDigest(Buffer.from(cred.saltHex, 'hex'), userPoolId, username, password);
  const b = Buffer.from(cred.xHex.padStart(64, '0'), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The SRP verifier g^x mod N (hex), computed once per credential and cached on it. */
export function verifierOf(cred: PasswordCredential): string {
  if (!cred.verifierHex) cred.verifierHex = modPowNative(SRP_G, BigInt(`0x${cred.xHex}`), SRP_N).toString(16);
  return cred.verifierHex;
}

/** PAD of srp.md on bytes: the integer's minimal big-endian bytes, with a 00 byte in front when the top bit is set. */
export function padBytes(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const minimal = bytes.subarray(i);
  return minimal[0]! >= 0x80 ? Buffer.concat([Buffer.from([0]), minimal]) : minimal;
}

/** x as 32 bytes: SHA-256(PAD(salt) || SHA-256(utf8(poolName + username + ":" + password))). */
export function xDigest(salt: Buffer, userPoolId: string, username: string, password: string): Buffer {
  const inner = createHash('sha256').update(`${poolNameOf(userPoolId)}${username}:${password}`, 'utf8').digest();
  return createHash('sha256').update(padBytes(salt)).update(inner).digest();
}
