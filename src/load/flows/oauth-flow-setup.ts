import { InputError } from '../../errors.js';
import type { FlowDefinition } from '../flow.js';
import { clientCredentialsFlow } from './client-credentials-flow.js';
import { federatedSignInFlow } from './federated-sign-in-flow.js';
import { hostedUiSignInFlow } from './hosted-ui-sign-in-flow.js';
import { identityPoolExchangeFlow } from './identity-pool-exchange-flow.js';

/**
 * The four flows that need per-run OAuth settings (clients, redirect URI, identity provider, identity pool):
 * registered by name with placeholders (so scenarios, the planner's emitter and `cogcap flows` know them); the
 * runner replaces each placeholder with the flow built from {@link OAuthFlowSettings} once the target is ready.
 */
export const OAUTH_FLOW_NAMES = ['client-credentials', 'hosted-ui-sign-in', 'federated-sign-in', 'identity-pool-exchange'] as const;

/** One of {@link OAUTH_FLOW_NAMES}. */
export type OAuthFlowName = (typeof OAUTH_FLOW_NAMES)[number];

/** True when `name` is one of the flows that need OAuth settings. */
export function isOAuthFlowName(name: string): name is OAuthFlowName {
  return (OAUTH_FLOW_NAMES as readonly string[]).includes(name);
}

/** What the four flows need (secrets in memory only, never printed or written). */
export interface OAuthFlowSettings {
  /** OAuth base URL: the pool's domain (`https://<prefix>.auth.<region>.amazoncognito.com`); default the emulator. */
  readonly baseUrl?: string;
  /** Machine-to-machine client (`client-credentials`). */
  readonly m2m?: { readonly clientId: string; readonly clientSecret: string; readonly scope?: string };
  /** App client with the code flow (`hosted-ui-sign-in`, `federated-sign-in`); default the target's client. */
  readonly web?: { readonly clientId: string; readonly clientSecret?: string };
  /** Registered callback URL of the web client (hosted-UI and federated flows; never fetched). */
  readonly redirectUri?: string;
  /** Identity-provider name in the pool (`federated-sign-in`). */
  readonly identityProvider?: string;
  /** Identity pool id (`identity-pool-exchange`). */
  readonly identityPoolId?: string;
  /** Cognito Identity endpoint (default: the emulator endpoint, or the regional AWS endpoint). */
  readonly identityEndpoint?: string;
}

const CATEGORIES: Record<OAuthFlowName, FlowDefinition['categories']> = {
  'client-credentials': ['ClientAuthentication'],
  'hosted-ui-sign-in': ['UserAuthentication'],
  'federated-sign-in': ['UserFederation'],
  'identity-pool-exchange': ['UserAuthentication', 'IdentityPool'],
};

const DESCRIBE: Record<OAuthFlowName, string> = {
  'client-credentials': 'Machine-to-machine client_credentials token request (POST /oauth2/token)',
  'hosted-ui-sign-in': 'Hosted-UI sign-in: authorize, login form, authorization-code redemption with PKCE',
  'federated-sign-in': 'Federated (OIDC) sign-in through the hosted UI: authorize, IdP, idpresponse, code redemption',
  'identity-pool-exchange': 'Identity-pool credential exchange: GetId (cached per user) and GetCredentialsForIdentity with the ID token',
};

/** Placeholders registered under the four names; running one outside the runner's set-up fails the flow. */
export const OAUTH_FLOW_PLACEHOLDERS: readonly FlowDefinition[] = OAUTH_FLOW_NAMES.map((name) => ({
  name,
  describe: `${DESCRIBE[name]} (needs the run's OAuth set-up: fixtures on emulator targets, oauth: in the scenario for AWS)`,
  categories: CATEGORIES[name],
  run: async () => {
    throw new Error(`flow ${name} needs the run's OAuth settings (oauthFlowFor)`);
  },
}));

/**
 * The flow `name` built from the settings; {@link InputError} naming the missing setting (scenario path under
 * `oauth.`) when one is absent.
 */
export function oauthFlowFor(name: OAuthFlowName, s: OAuthFlowSettings): FlowDefinition {
  const missing = (path: string, what: string): never => {
    throw new InputError(`flow ${name} needs ${what}`, [{ path: `oauth.${path}`, message: `required by flow ${name}: ${what}` }]);
  };
  const base = s.baseUrl !== undefined ? { baseUrl: s.baseUrl } : {};
  const web = s.web ? { clientId: s.web.clientId, ...(s.web.clientSecret !== undefined ? { clientSecret: s.web.clientSecret } : {}) } : {};
  switch (name) {
    case 'client-credentials':
      if (!s.m2m) return missing('m2m', 'a machine-to-machine client (clientId and clientSecretEnv)');
      return clientCredentialsFlow({ clientId: s.m2m.clientId, clientSecret: s.m2m.clientSecret, ...(s.m2m.scope ? { scope: s.m2m.scope } : {}), ...base });
    case 'hosted-ui-sign-in':
      if (!s.redirectUri) return missing('redirectUri', 'a registered callback URL of the web client');
      return hostedUiSignInFlow({ redirectUri: s.redirectUri, ...web, ...base });
    case 'federated-sign-in':
      if (!s.redirectUri) return missing('redirectUri', 'a registered callback URL of the web client');
      if (!s.identityProvider) return missing('identityProvider', 'the identity provider name');
      return federatedSignInFlow({ identityProvider: s.identityProvider, redirectUri: s.redirectUri, ...web, ...base });
    case 'identity-pool-exchange':
      if (!s.identityPoolId) return missing('identityPoolId', 'an identity pool id');
      return identityPoolExchangeFlow({ identityPoolId: s.identityPoolId, ...(s.identityEndpoint ? { endpoint: s.identityEndpoint } : {}) });
  }
}
