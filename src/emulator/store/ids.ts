/**
 * Identifier shapes that look like Cognito's own: pool ids `us-east-1_Ab12Cd34E`, 26-character client ids,
 * 51-character client secrets, UUID subs. Randomness is injected (`RandomBytes`).
 */

/** Returns `n` random bytes. */
export type RandomBytes = (n: number) => Buffer;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function pick(random: RandomBytes, alphabet: string, length: number): string {
  const bytes = random(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

/** A user pool id: `<region>_<9 alphanumerics>`. */
export function newUserPoolId(region: string, random: RandomBytes): string {
  return `${region}_${pick(random, ALNUM, 9)}`;
}

/** An app client id: 26 lower-case alphanumerics. */
export function newClientId(random: RandomBytes): string {
  return pick(random, LOWER_ALNUM, 26);
}

/** An app client secret: 51 lower-case alphanumerics. */
export function newClientSecret(random: RandomBytes): string {
  return pick(random, LOWER_ALNUM, 51);
}

/** A random (version 4) UUID built from injected randomness. */
export function newUuid(random: RandomBytes): string {
  const b = random(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A numeric confirmation code of `digits` digits (default 6). */
export function newNumericCode(random: RandomBytes, digits = 6): string {
  return pick(random, '0123456789', digits);
}

/** An opaque URL-safe token of `bytes` random bytes. */
export function newOpaqueToken(random: RandomBytes, bytes = 32): string {
  return random(bytes).toString('base64url');
}
