import type { IdentityProvider } from './identity-provider-store.js';
import type { IdpHttp } from './idp-http.js';

/** The endpoints of an OIDC identity provider. */
export interface OidcEndpoints {
  readonly issuer: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly jwksUri: string;
}

/**
 * The provider's endpoints: `authorize_url`, `token_url`, `jwks_uri` from its ProviderDetails, the missing ones
 * discovered from `<oidc_issuer>/.well-known/openid-configuration` (cached per issuer by `cache`).
 */
export async function oidcEndpoints(provider: IdentityProvider, http: IdpHttp, cache: Map<string, Record<string, unknown>>): Promise<OidcEndpoints> {
  const d = provider.ProviderDetails;
  const issuer = d['oidc_issuer']!.replace(/\/$/, '');
  let authorizeUrl = d['authorize_url'];
  let tokenUrl = d['token_url'];
  let jwksUri = d['jwks_uri'];
  if (!authorizeUrl || !tokenUrl || !jwksUri) {
    let doc = cache.get(issuer);
    if (!doc) {
      const answer = await http.get(`${issuer}/.well-known/openid-configuration`);
      if (answer.status !== 200 || !answer.json) throw new Error(`OIDC discovery failed for ${issuer} (HTTP ${answer.status})`);
      doc = answer.json;
      cache.set(issuer, doc);
    }
    authorizeUrl ??= String(doc['authorization_endpoint']);
    tokenUrl ??= String(doc['token_endpoint']);
    jwksUri ??= String(doc['jwks_uri']);
  }
  return { issuer, authorizeUrl, tokenUrl, jwksUri };
}
