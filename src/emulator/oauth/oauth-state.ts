import { TtlMap } from '../store/ttl-map.js';
import { ResourceServerStore } from './resource-server-store.js';
import type { PkceMethod } from './pkce.js';

/** Authorization codes live 5 minutes and are single use (as Cognito's). */
export const AUTH_CODE_TTL_MS = 5 * 60_000;
/** A pending authorize request waiting for the external IdP lives 10 minutes. */
export const FEDERATION_STATE_TTL_MS = 10 * 60_000;

/** What an authorization code stands for. */
export interface AuthCodeGrant {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  /** Internal username of the signed-in user. */
  readonly username: string;
  readonly codeChallenge?: string;
  readonly codeChallengeMethod?: PkceMethod;
  readonly nonce?: string;
}

/** A validated `/oauth2/authorize` request (also carried through the login form and the IdP round trip). */
export interface AuthorizeParams {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state?: string;
  readonly nonce?: string;
  readonly codeChallenge?: string;
  readonly codeChallengeMethod?: PkceMethod;
  /** `identity_provider` as given (`COGNITO` or a provider name), when given. */
  readonly identityProvider?: string;
  /** `login_hint`, forwarded to the IdP (emulator extension used to pick the test IdP's user). */
  readonly loginHint?: string;
}

/** OAuth state beside the user-pool store: resource servers, codes, scopes per sign-in, federation round trips. */
export class OAuthState {
  readonly resourceServers = new ResourceServerStore();
  readonly codes = new TtlMap<string, AuthCodeGrant>(AUTH_CODE_TTL_MS);
  /** Scopes granted to a sign-in session (origin_jti), for refresh grants; kept as long as refresh tokens (≤ 10 years). */
  readonly sessionScopes = new TtlMap<string, readonly string[]>(3650 * 86_400_000, 2_000_000);
  /** Federated sign-ins in flight: our `state` at the IdP → the original authorize request and IdP nonce. */
  readonly federation = new TtlMap<string, { params: AuthorizeParams; providerName: string; nonce: string; redirectUri: string }>(FEDERATION_STATE_TTL_MS);
  /** OIDC discovery documents by issuer. */
  readonly discovery = new Map<string, Record<string, unknown>>();
  /** JWKS documents by URI, refetched after 5 minutes or on an unknown `kid`. */
  readonly jwks = new TtlMap<string, readonly { kid?: string; kty: string; n?: string; e?: string }[]>(5 * 60_000);
}
