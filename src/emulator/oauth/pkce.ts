import { createHash, timingSafeEqual } from 'node:crypto';

/** PKCE methods Cognito accepts (`S256`; `plain` is accepted by RFC 7636, kept for completeness). */
export type PkceMethod = 'S256' | 'plain';

/** `code_challenge` for a verifier: base64url(SHA-256(verifier)) for S256, the verifier itself for plain. */
export function pkceChallenge(verifier: string, method: PkceMethod = 'S256'): string {
  return method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
}

/** True when `verifier` (43-128 characters of `[A-Za-z0-9-._~]`) matches the stored challenge. */
export function pkceMatches(verifier: string, challenge: string, method: PkceMethod): boolean {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
  const a = Buffer.from(pkceChallenge(verifier, method));
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}
