/**
 * In-memory state of the emulated identity pools: pools, their roles, and identities with the logins linked to them.
 * Plain data and maps; the handlers hold the rules.
 */

/** A user-pool (or other OIDC) provider entry of an identity pool (`CognitoIdentityProviders`). */
export interface CognitoIdentityProviderEntry {
  /** `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly ProviderName: string;
  /** App client whose ID tokens are accepted (checked against `aud`); any client when absent. */
  readonly ClientId?: string;
  readonly ServerSideTokenCheck?: boolean;
}

/** An identity pool as DescribeIdentityPool returns it. */
export interface IdentityPool {
  readonly IdentityPoolId: string;
  IdentityPoolName: string;
  AllowUnauthenticatedIdentities: boolean;
  AllowClassicFlow?: boolean;
  SupportedLoginProviders?: Record<string, string>;
  DeveloperProviderName?: string;
  OpenIdConnectProviderARNs?: string[];
  CognitoIdentityProviders?: CognitoIdentityProviderEntry[];
  SamlProviderARNs?: string[];
  IdentityPoolTags?: Record<string, string>;
}

/** Roles set with SetIdentityPoolRoles. */
export interface IdentityPoolRoles {
  Roles: Record<string, string>;
  RoleMappings?: Record<string, unknown>;
}

/** One identity and the logins (provider name → subject) linked to it. */
export interface Identity {
  readonly IdentityId: string;
  readonly IdentityPoolId: string;
  /** Provider name → user identifier at that provider (sub, developer user identifier). */
  readonly logins: Map<string, string>;
  readonly creationDateMs: number;
  lastModifiedDateMs: number;
}

/** All identity-pool state of one emulator. */
export class IdentityPoolStore {
  readonly pools = new Map<string, IdentityPool>();
  readonly roles = new Map<string, IdentityPoolRoles>();
  readonly identities = new Map<string, Identity>();
  /** `<poolId>\n<provider>\n<subject>` → identity id. */
  private readonly byLogin = new Map<string, string>();

  /** The identity already linked to this login in this pool, if any. */
  findByLogin(poolId: string, provider: string, subject: string): Identity | undefined {
    const id = this.byLogin.get(loginKey(poolId, provider, subject));
    return id === undefined ? undefined : this.identities.get(id);
  }

  /** Links `provider`/`subject` to `identity` (replacing an older subject for the same provider). */
  link(identity: Identity, provider: string, subject: string, nowMs: number): void {
    const previous = identity.logins.get(provider);
    if (previous !== undefined) this.byLogin.delete(loginKey(identity.IdentityPoolId, provider, previous));
    identity.logins.set(provider, subject);
    identity.lastModifiedDateMs = nowMs;
    this.byLogin.set(loginKey(identity.IdentityPoolId, provider, subject), identity.IdentityId);
  }

  addIdentity(identity: Identity): void {
    this.identities.set(identity.IdentityId, identity);
    for (const [provider, subject] of identity.logins) {
      this.byLogin.set(loginKey(identity.IdentityPoolId, provider, subject), identity.IdentityId);
    }
  }

  deleteIdentity(identityId: string): boolean {
    const identity = this.identities.get(identityId);
    if (!identity) return false;
    for (const [provider, subject] of identity.logins) this.byLogin.delete(loginKey(identity.IdentityPoolId, provider, subject));
    this.identities.delete(identityId);
    return true;
  }

  deletePool(poolId: string): boolean {
    if (!this.pools.delete(poolId)) return false;
    this.roles.delete(poolId);
    for (const identity of [...this.identities.values()]) {
      if (identity.IdentityPoolId === poolId) this.deleteIdentity(identity.IdentityId);
    }
    return true;
  }
}

function loginKey(poolId: string, provider: string, subject: string): string {
  return `${poolId}\n${provider}\n${subject}`;
}
