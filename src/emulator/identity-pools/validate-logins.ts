import { createHash } from 'node:crypto';
import { decodeJwt, verifyRs256Jwt } from '../federation/rs256-jwt.js';
import { COGNITO_IDENTITY_ISSUER, type IdentityPoolDeps } from './identity-pool-deps.js';
import { identityErrors } from './identity-pool-errors.js';
import type { IdentityPool } from './identity-pool-store.js';

/** A validated login: provider name and the user's identifier at that provider. */
export interface ValidatedLogin {
  readonly provider: string;
  readonly subject: string;
}

const USER_POOL_PROVIDER = /^cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([\w-]+_[0-9A-Za-z]+)$/;

/**
 * Validates a `Logins` map against the identity pool's configuration, as GetId, GetOpenIdToken and
 * GetCredentialsForIdentity do:
 * - `cognito-idp.<region>.amazonaws.com/<userPoolId>`: the provider must be one of the pool's
 *   `CognitoIdentityProviders`; the token must be a valid, unexpired ID token of that user pool (signature checked
 *   with the emulator's pool keys), `token_use` `id`, issuer ending in `/<userPoolId>`, and `aud` equal to the
 *   configured `ClientId` when there is one. Subject: `sub`.
 * - `cognito-identity.amazonaws.com`: an OpenID token this emulator issued (developer-authenticated flow).
 * - a key of `SupportedLoginProviders` or an issuer named by `OpenIdConnectProviderARNs`: accepted without signature
 *   checks (the emulator cannot verify third-party tokens); subject is the JWT `sub`, or a hash of an opaque token.
 * Anything else: NotAuthorizedException.
 */
export async function validateLogins(
  deps: IdentityPoolDeps,
  pool: IdentityPool,
  logins: Readonly<Record<string, string>>,
  nowMs: number,
): Promise<ValidatedLogin[]> {
  const out: ValidatedLogin[] = [];
  for (const [provider, token] of Object.entries(logins)) {
    out.push({ provider, subject: await validateOne(deps, pool, provider, token, nowMs) });
  }
  return out;
}

async function validateOne(deps: IdentityPoolDeps, pool: IdentityPool, provider: string, token: string, nowMs: number): Promise<string> {
  const userPool = USER_POOL_PROVIDER.exec(provider);
  if (userPool) {
    // Several app clients of one user pool may be listed (one entry each): the token may match any of them.
    const entries = pool.CognitoIdentityProviders?.filter((p) => p.ProviderName === provider) ?? [];
    if (entries.length === 0) throw identityErrors.notAuthorized('Token is not from a supported provider of this identity pool.');
    const userPoolId = userPool[2]!;
    const claims = await deps.verifyUserPoolToken(userPoolId, token, nowMs);
    if (!claims) throw identityErrors.notAuthorized('Invalid login token. Token signature invalid or token expired.');
    if (typeof claims['iss'] !== 'string' || !claims['iss'].endsWith(`/${userPoolId}`)) {
      throw identityErrors.notAuthorized("Invalid login token. Issuer doesn't match providerName");
    }
    if (claims['token_use'] !== 'id') throw identityErrors.notAuthorized('Invalid login token. Not a valid OpenId Connect identity token.');
    if (!entries.some((entry) => entry.ClientId === undefined || claims['aud'] === entry.ClientId)) {
      throw identityErrors.notAuthorized('Invalid login token. Incorrect token audience.');
    }
    return subjectOf(claims);
  }
  if (provider === COGNITO_IDENTITY_ISSUER) {
    const verified = verifyRs256Jwt(token, [deps.openIdKey.jwk], nowMs);
    if (!verified.ok) throw identityErrors.notAuthorized(`Invalid login token. ${verified.reason === 'expired' ? 'Token expired.' : 'Token signature invalid.'}`);
    if (verified.payload['aud'] !== pool.IdentityPoolId) throw identityErrors.notAuthorized('Invalid login token. Incorrect token audience.');
    return subjectOf(verified.payload);
  }
  const supported = pool.SupportedLoginProviders !== undefined && provider in pool.SupportedLoginProviders && provider !== pool.DeveloperProviderName;
  const oidc = pool.OpenIdConnectProviderARNs?.some((arn) => arn.endsWith(`:oidc-provider/${provider}`)) ?? false;
  if (!supported && !oidc) throw identityErrors.notAuthorized('Token is not from a supported provider of this identity pool.');
  if (token === '') throw identityErrors.notAuthorized('Invalid login token.');
  const decoded = decodeJwt(token);
  if (decoded && typeof decoded.payload['sub'] === 'string') return decoded.payload['sub'];
  return createHash('sha256').update(token).digest('hex').slice(0, 32);
}

function subjectOf(claims: Record<string, unknown>): string {
  const sub = claims['sub'];
  if (typeof sub !== 'string' || sub === '') throw identityErrors.notAuthorized('Invalid login token. Missing sub.');
  return sub;
}
