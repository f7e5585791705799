/** An identity provider of a user pool, as DescribeIdentityProvider returns it (dates in epoch seconds). */
export interface IdentityProvider {
  readonly UserPoolId: string;
  readonly ProviderName: string;
  /** `OIDC`, `SAML`, `Google`, `Facebook`, `LoginWithAmazon`, `SignInWithApple`. Only OIDC can sign in here. */
  readonly ProviderType: string;
  /** For OIDC: client_id, client_secret, authorize_scopes, oidc_issuer, attributes_request_method, and optionally
   * authorize_url, token_url, attributes_url, jwks_uri (discovered from the issuer when absent). */
  readonly ProviderDetails: Record<string, string>;
  /** User-pool attribute → IdP claim (e.g. `{ email: 'email' }`); `username` maps to `sub` by default. */
  readonly AttributeMapping: Record<string, string>;
  readonly IdpIdentifiers: readonly string[];
  readonly CreationDate: number;
  LastModifiedDate: number;
}

/** Identity providers of every pool, by pool then provider name. */
export class IdentityProviderStore {
  private readonly byPool = new Map<string, Map<string, IdentityProvider>>();

  get(userPoolId: string, name: string): IdentityProvider | undefined {
    return this.byPool.get(userPoolId)?.get(name);
  }

  list(userPoolId: string): IdentityProvider[] {
    return [...(this.byPool.get(userPoolId)?.values() ?? [])];
  }

  /** The provider that declares `identifier` in its IdpIdentifiers. */
  byIdentifier(userPoolId: string, identifier: string): IdentityProvider | undefined {
    return this.list(userPoolId).find((p) => p.IdpIdentifiers.includes(identifier));
  }

  put(p: IdentityProvider): void {
    let pool = this.byPool.get(p.UserPoolId);
    if (!pool) this.byPool.set(p.UserPoolId, (pool = new Map()));
    pool.set(p.ProviderName, p);
  }

  delete(userPoolId: string, name: string): boolean {
    return this.byPool.get(userPoolId)?.delete(name) ?? false;
  }
}
