import { createPublicKey, createSign, createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * Minimal RS256 JSON Web Tokens for the emulator's own issuers (the built-in test OIDC identity provider and the
 * identity-pool OpenID token issuer) and for verifying tokens of an external identity provider against its JWKS.
 */

/** An RSA signing key with its key id and public JWK. */
export interface Rs256Key {
  readonly kid: string;
  readonly privateKey: KeyObject;
  /** Public JWK (`kty`, `n`, `e`, plus `kid`, `alg` RS256, `use` sig). */
  readonly jwk: Rs256PublicJwk;
}

/** A public RSA JWK as served in a JWKS document. */
export interface Rs256PublicJwk {
  readonly kty: 'RSA';
  readonly kid: string;
  readonly alg: 'RS256';
  readonly use: 'sig';
  readonly n: string;
  readonly e: string;
}

/** Generates a 2048-bit RSA key (tens of milliseconds: create keys once, at start-up). */
export function generateRs256Key(kid: string): Rs256Key {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const exported = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { kid, privateKey, jwk: { kty: 'RSA', kid, alg: 'RS256', use: 'sig', n: exported.n, e: exported.e } };
}

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/** Signs `payload` as a compact RS256 JWT with header `{alg: RS256, kid, typ: JWT}`. */
export function signRs256Jwt(key: Rs256Key, payload: Readonly<Record<string, unknown>>): string {
  const head = b64url(JSON.stringify({ kid: key.kid, alg: 'RS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(payload));
  const signer = createSign('RSA-SHA256');
  signer.update(`${head}.${body}`);
  return `${head}.${body}.${signer.sign(key.privateKey).toString('base64url')}`;
}

/** Header and payload of a compact JWT, without checking the signature; undefined when malformed. */
export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    if (!isObject(header) || !isObject(payload)) return undefined;
    return { header, payload };
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Why a token failed verification. */
export type JwtRejection = 'malformed' | 'unknown_key' | 'bad_signature' | 'expired';

/**
 * Verifies an RS256 JWT against a set of public JWKs and the clock (`nowMs`); returns the payload or the reason.
 * Only the signature and `exp` are checked here; issuer, audience and `token_use` are the caller's business.
 */
export function verifyRs256Jwt(
  token: string,
  jwks: readonly { kid?: string; kty: string; n?: string; e?: string }[],
  nowMs: number,
): { ok: true; payload: Record<string, unknown> } | { ok: false; reason: JwtRejection } {
  const decoded = decodeJwt(token);
  if (!decoded || decoded.header['alg'] !== 'RS256') return { ok: false, reason: 'malformed' };
  const jwk = jwks.find((k) => k.kid === decoded.header['kid']);
  if (!jwk) return { ok: false, reason: 'unknown_key' };
  const [head, body, sig] = token.split('.') as [string, string, string];
  let valid = false;
  try {
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${head}.${body}`);
    valid = verifier.verify(createPublicKey({ key: jwk as never, format: 'jwk' }), Buffer.from(sig, 'base64url'));
  } catch {
    return { ok: false, reason: 'bad_signature' };
  }
  if (!valid) return { ok: false, reason: 'bad_signature' };
  const exp = decoded.payload['exp'];
  if (typeof exp !== 'number' || exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, payload: decoded.payload };
}
