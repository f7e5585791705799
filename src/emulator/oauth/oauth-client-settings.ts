import type { ClientConfig } from '../store/types.js';

/** The OAuth 2.0 settings of an app client (CreateUserPoolClient / UpdateUserPoolClient members). */
export interface OAuthClientSettings {
  /** `code`, `implicit`, `client_credentials`. */
  readonly allowedOAuthFlows: readonly string[];
  /** Standard (`openid`, `email`, `phone`, `profile`, `aws.cognito.signin.user.admin`) and `<resourceServer>/<scope>`. */
  readonly allowedOAuthScopes: readonly string[];
  /** Must be true for any OAuth flow to work. */
  readonly allowedOAuthFlowsUserPoolClient: boolean;
  readonly callbackUrls: readonly string[];
  readonly logoutUrls: readonly string[];
  /** `COGNITO` and identity-provider names. */
  readonly supportedIdentityProviders: readonly string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Reads a client's OAuth settings. The emulator's CreateUserPoolClient keeps members it does not model in
 * `ClientConfig.extra` (echoed by DescribeUserPoolClient); the OAuth members are read from there.
 */
export function oauthSettingsOf(client: ClientConfig): OAuthClientSettings {
  const x = client.extra;
  return {
    allowedOAuthFlows: strings(x['AllowedOAuthFlows']),
    allowedOAuthScopes: strings(x['AllowedOAuthScopes']),
    allowedOAuthFlowsUserPoolClient: x['AllowedOAuthFlowsUserPoolClient'] === true,
    callbackUrls: strings(x['CallbackURLs']),
    logoutUrls: strings(x['LogoutURLs']),
    supportedIdentityProviders: strings(x['SupportedIdentityProviders']),
  };
}

/** Scopes any user-pool client may be granted without a resource server. */
export const STANDARD_SCOPES: readonly string[] = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];
