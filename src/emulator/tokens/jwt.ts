import { sign, verify } from 'node:crypto';
import type { SigningKey } from './signing-key.js';

/** Signs a JWT (RS256) with a precomputed header: one JSON.stringify, one RSA signature. */
export function signJwt(key: SigningKey, payload: Record<string, unknown>): string {
  const input = `${key.headerB64}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
}

/** A JWT split into parts, payload decoded; no signature check. Undefined when malformed. */
export interface DecodedJwt {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

/** Decodes a compact JWS without verifying it. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const a = token.indexOf('.');
  const b = token.indexOf('.', a + 1);
  if (a <= 0 || b <= a + 1 || token.indexOf('.', b + 1) !== -1) return undefined;
  try {
    const header = JSON.parse(Buffer.from(token.slice(0, a), 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(token.slice(a + 1, b), 'base64url').toString('utf8')) as unknown;
    if (!isObject(header) || !isObject(payload)) return undefined;
    return { header, payload, signingInput: token.slice(0, b), signature: Buffer.from(token.slice(b + 1), 'base64url') };
  } catch {
    return undefined;
  }
}

/** Checks an RS256 signature. */
export function verifyJwtSignature(jwt: DecodedJwt, key: SigningKey): boolean {
  if (jwt.header.alg !== 'RS256' || jwt.header.kid !== key.kid) return false;
  return verify('sha256', Buffer.from(jwt.signingInput), key.publicKey, jwt.signature);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
