import { createHash, createPrivateKey, createPublicKey, generateKeyPair, type JsonWebKey, type KeyObject } from 'node:crypto';

/** One RS256 signing key with everything the hot path needs precomputed. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** Public JWK as published in jwks.json (`kid`, `alg`, `use`, `kty`, `n`, `e`). */
  readonly publicJwk: Readonly<Record<string, string>>;
  /** base64url of the JWT header `{"kid":...,"alg":"RS256"}`. */
  readonly headerB64: string;
}

/** A pool's two keys: Cognito signs access and ID tokens with different keys (different `kid`). */
export interface PoolSigningKeys {
  readonly access: SigningKey;
  readonly id: SigningKey;
}

/** Builds a {@link SigningKey} from a private key. */
export function signingKeyFromPrivate(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const kid = createHash('sha256').update(der).digest('base64');
  const jwk = publicKey.export({ format: 'jwk' }) as JsonWebKey;
  const publicJwk = { alg: 'RS256', e: String(jwk.e), kid, kty: 'RSA', n: String(jwk.n), use: 'sig' };
  const headerB64 = Buffer.from(JSON.stringify({ kid, alg: 'RS256' })).toString('base64url');
  return { kid, privateKey, publicKey, publicJwk, headerB64 };
}

/** Generates an RSA-2048 key off the event loop (libuv thread pool). */
export function generateSigningKey(): Promise<SigningKey> {
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: 2048 }, (err, _pub, priv) => {
      if (err) reject(err);
      else resolve(signingKeyFromPrivate(priv));
    });
  });
}

/** Private JWK for snapshots. */
export function exportSigningKey(key: SigningKey): JsonWebKey {
  return key.privateKey.export({ format: 'jwk' }) as JsonWebKey;
}

/** Inverse of {@link exportSigningKey}. */
export function importSigningKey(jwk: JsonWebKey): SigningKey {
  return signingKeyFromPrivate(createPrivateKey({ key: jwk, format: 'jwk' }));
}
