import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { modPowNative } from './mod-pow.js';
import { CognitoServiceError } from './service-error.js';

/**
 * Cognito USER_SRP_AUTH maths for both sides (client proof and emulator verification).
 * Source: ../shared/reference/srp.md (read from amazon-cognito-identity-js 6.3.21 `AuthenticationHelper.js`).
 * Every modular exponentiation goes through OpenSSL ({@link modPowNative}); BigInt only adds and multiplies.
 * Hex strings produced here are lowercase and unpadded unless named PAD.
 */

/** The 3072-bit MODP prime of RFC 3526 group 15 (RFC 5054 appendix A). */
export const SRP_N: bigint = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);

/** The group generator g. */
export const SRP_G = 2n;

/** Bits of the random ephemeral exponents a and b drawn by default (short exponents: fine for a test tool). */
export const SRP_EPHEMERAL_BITS = 256;

const HEX = /^[0-9a-fA-F]+$/;
const INFO = Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]);
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * PAD(x): minimal big-endian hex of |x|, a leading `0` when the length is odd, a leading `00` when the first digit
 * is 8-f (Java `BigInteger.toByteArray` style). Negative values get the two's-complement encoding the library uses
 * (never needed by the protocol). Lowercase.
 */
export function padHex(value: bigint): string {
  const negative = value < 0n;
  let hex = (negative ? -value : value).toString(16);
  if (hex.length % 2 !== 0) hex = `0${hex}`;
  if (/^[89a-f]/.test(hex)) hex = `00${hex}`;
  if (!negative) return hex;
  const bits = BigInt(hex.length * 4);
  const twos = (1n << bits) - (-value);
  return twos.toString(16).padStart(hex.length, '0');
}

/** SHA-256 of the bytes of the concatenated hex parts; 64 lowercase hex digits. */
export function hashHex(...hexParts: string[]): string {
  return createHash('sha256').update(Buffer.from(hexParts.join(''), 'hex')).digest('hex');
}

function sha256Utf8Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Parses a hex string of any length (leading zeros allowed) to an integer; throws on anything else. */
export function parseHex(hex: string, what: string): bigint {
  if (typeof hex !== 'string' || !HEX.test(hex)) throw new Error(`${what} is not a hexadecimal string`);
  return BigInt(`0x${hex}`);
}

/** k = H(PAD(N) || PAD(g)). */
export const SRP_K: bigint = BigInt(`0x${hashHex(padHex(SRP_N), padHex(SRP_G))}`);

/** The pool name used in SRP: the part of the pool id after the first underscore (`us-east-1_AbC123` → `AbC123`). */
export function poolNameOf(userPoolId: string): string {
  const i = userPoolId.indexOf('_');
  return i < 0 ? userPoolId : userPoolId.slice(i + 1);
}

/** x = H(PAD(salt) || H(utf8(poolName + userId + ":" + password))); `userId` is USER_ID_FOR_SRP. */
export function computeX(saltHex: string, poolName: string, userId: string, password: string): bigint {
  const salt = parseHex(saltHex, 'SALT');
  return BigInt(`0x${hashHex(padHex(salt), sha256Utf8Hex(`${poolName}${userId}:${password}`))}`);
}

/** The verifier v = g^x mod N stored at registration, as unpadded lowercase hex. */
export function computeVerifierHex(saltHex: string, poolName: string, userId: string, password: string): string {
  return modPowNative(SRP_G, computeX(saltHex, poolName, userId, password), SRP_N).toString(16);
}

function randomExponent(): bigint {
  // A zero exponent is astronomically unlikely; force the top bit so the exponent has its full length.
  const bytes = randomBytes(SRP_EPHEMERAL_BITS / 8);
  bytes[0] = (bytes[0] ?? 0) | 0x80;
  return BigInt(`0x${bytes.toString('hex')}`);
}

/** u = H(PAD(A) || PAD(B)). */
export function computeU(A: bigint, B: bigint): bigint {
  return BigInt(`0x${hashHex(padHex(A), padHex(B))}`);
}

/** The password authentication key: HKDF-SHA256(ikm = PAD(S), salt = PAD(u), info = "Caldera Derived Key"), first 16 bytes. */
export function derivePasswordKey(S: bigint, u: bigint): Buffer {
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
  return createHmac('sha256', prk).update(INFO).digest().subarray(0, 16);
}

function claimSignature(key: Buffer, poolName: string, userId: string, secretBlockB64: string, timestamp: string): Buffer {
  return createHmac('sha256', key)
    .update(Buffer.from(poolName, 'utf8'))
    .update(Buffer.from(userId, 'utf8'))
    .update(Buffer.from(secretBlockB64, 'base64'))
    .update(Buffer.from(timestamp, 'utf8'))
    .digest();
}

/**
 * Server step 2: parses SRP_A (any length), rejects A mod N == 0 with InvalidParameterException, picks b
 * (random 256-bit unless `bHex` is given) and computes B = (k*v + g^b) mod N.
 * @returns b and B as unpadded lowercase hex (B is SRP_B; keep b, e.g. sealed in SECRET_BLOCK).
 */
export function serverStart(verifierHex: string, srpAHex: string, bHex?: string): { bHex: string; BHex: string } {
  let A: bigint;
  try {
    A = parseHex(srpAHex, 'SRP_A');
  } catch {
    throw new CognitoServiceError('InvalidParameterException', 'SRP_A is not a valid hexadecimal value.');
  }
  if (A % SRP_N === 0n) throw new CognitoServiceError('InvalidParameterException', 'SRP_A mod N cannot be 0.');
  const v = parseHex(verifierHex, 'verifier');
  const b = bHex === undefined ? randomExponent() : parseHex(bHex, 'b');
  const B = (SRP_K * v + modPowNative(SRP_G, b, SRP_N)) % SRP_N;
  return { bHex: b.toString(16), BHex: B.toString(16) };
}

/** Inputs of {@link serverVerify}; all hex strings as produced or received, `timestamp` exactly as received. */
export interface ServerVerifyParams {
  poolName: string;
  userId: string;
  verifierHex: string;
  AHex: string;
  bHex: string;
  BHex: string;
  secretBlockB64: string;
  timestamp: string;
  signatureB64: string;
}

/**
 * Server step 4: u = H(PAD(A)||PAD(B)), S = (A * v^u)^b mod N, Key = HKDF(S, u), then the HMAC over the exact
 * TIMESTAMP received, compared in constant time with PASSWORD_CLAIM_SIGNATURE. False on any mismatch or malformed input.
 */
export function serverVerify(p: ServerVerifyParams): boolean {
  let A: bigint, B: bigint, b: bigint, v: bigint;
  try {
    A = parseHex(p.AHex, 'SRP_A');
    B = parseHex(p.BHex, 'SRP_B');
    b = parseHex(p.bHex, 'b');
    v = parseHex(p.verifierHex, 'verifier');
  } catch {
    return false;
  }
  if (A % SRP_N === 0n) return false;
  const u = computeU(A, B);
  if (u === 0n) return false;
  const S = modPowNative((A * modPowNative(v, u, SRP_N)) % SRP_N, b, SRP_N);
  const expected = claimSignature(derivePasswordKey(S, u), p.poolName, p.userId, p.secretBlockB64, p.timestamp);
  const given = Buffer.from(typeof p.signatureB64 === 'string' ? p.signatureB64 : '', 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Client step 1: a (random 256-bit unless `aHex` is given) and A = g^a mod N (SRP_A), unpadded lowercase hex. */
export function clientStart(aHex?: string): { aHex: string; AHex: string } {
  const a = aHex === undefined ? randomExponent() : parseHex(aHex, 'a');
  const A = modPowNative(SRP_G, a, SRP_N);
  if (A === 0n) throw new Error('SRP: A mod N cannot be 0');
  return { aHex: a.toString(16), AHex: A.toString(16) };
}

/** Inputs of {@link clientSignature}: `userId` is USER_ID_FOR_SRP, `saltHex`/`BHex`/`secretBlockB64` as received. */
export interface ClientSignatureParams {
  poolName: string;
  userId: string;
  password: string;
  saltHex: string;
  BHex: string;
  aHex: string;
  AHex: string;
  secretBlockB64: string;
  timestamp: string;
}

/**
 * Client step 3: PASSWORD_CLAIM_SIGNATURE (base64). Rejects B mod N == 0 and u == 0 (throws Error).
 * S = (B - k*g^x)^(a + u*x) mod N with the base reduced into [0, N) first.
 */
export function clientSignature(p: ClientSignatureParams): string {
  const B = parseHex(p.BHex, 'SRP_B');
  if (B % SRP_N === 0n) throw new Error('SRP: B mod N cannot be 0');
  const A = parseHex(p.AHex, 'SRP_A');
  const a = parseHex(p.aHex, 'a');
  const u = computeU(A, B);
  if (u === 0n) throw new Error('SRP: u cannot be 0');
  const x = computeX(p.saltHex, p.poolName, p.userId, p.password);
  const gx = modPowNative(SRP_G, x, SRP_N);
  let base = (B - SRP_K * gx) % SRP_N;
  if (base < 0n) base += SRP_N;
  const S = modPowNative(base, a + u * x, SRP_N);
  return claimSignature(derivePasswordKey(S, u), p.poolName, p.userId, p.secretBlockB64, p.timestamp).toString('base64');
}

/**
 * TIMESTAMP as Cognito expects it: `ddd MMM D HH:mm:ss UTC YYYY` in UTC, English names, day of month not
 * zero-padded, time zero-padded (e.g. `Tue Mar 4 09:05:07 UTC 2025`).
 */
export function formatSrpTimestamp(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`
  );
}
