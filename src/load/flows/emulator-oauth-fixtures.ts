import { clientCredentialsFlow } from './client-credentials-flow.js';
import { federatedSignInFlow } from './federated-sign-in-flow.js';
import { hostedUiSignInFlow } from './hosted-ui-sign-in-flow.js';
import { identityPoolExchangeFlow } from './identity-pool-exchange-flow.js';
import type { FlowDefinition } from '../flow.js';

/** What {@link createEmulatorOAuthFixtures} set up in an emulator pool (secrets in memory only). */
export interface EmulatorOAuthFixtures {
  readonly userPoolId: string;
  /** Resource server identifier; its scopes are `<id>/read` and `<id>/write`. */
  readonly resourceServer: string;
  /** Machine-to-machine client (secret, client_credentials). */
  readonly m2m: { readonly clientId: string; readonly clientSecret: string };
  /** Web client (secret, code flow, COGNITO and the test IdP, USER_PASSWORD_AUTH and refresh). */
  readonly web: { readonly clientId: string; readonly clientSecret: string };
  readonly redirectUri: string;
  /** Identity provider name of the emulator's built-in test IdP in the pool. */
  readonly identityProvider: string;
  /** Identity pool trusting the web client's ID tokens, with an authenticated role. */
  readonly identityPoolId: string;
}

/** Options of {@link createEmulatorOAuthFixtures}. */
export interface EmulatorOAuthFixturesOptions {
  /** Emulator base URL (e.g. `http://127.0.0.1:9229`). */
  readonly endpoint: string;
  readonly userPoolId: string;
  /** Region of the user pool (default: the pool id's prefix). */
  readonly region?: string;
  /** Callback URL registered on the web client (default `http://localhost/callback`; never fetched). */
  readonly redirectUri?: string;
  /** Name of the test IdP in the pool (default `TestIdP`). */
  readonly identityProvider?: string;
}

async function call(endpoint: string, service: string, operation: string, body: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${service}.${operation}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const json = (await res.json()) as Record<string, any>;
  if (res.status !== 200) throw new Error(`${operation} failed: ${String(json['__type'] ?? res.status)} ${String(json['message'] ?? '')}`);
  return json;
}

/**
 * Sets up, in an emulator pool, what the OAuth, federation and identity-pool flows need: a resource server, an M2M
 * client, a web client with the code flow, the built-in test IdP as an OIDC provider, and an identity pool with roles.
 * Plain JSON 1.1 calls (the emulator does not check SigV4): emulator targets only.
 */
export async function createEmulatorOAuthFixtures(options: EmulatorOAuthFixturesOptions): Promise<EmulatorOAuthFixtures> {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const idp = 'AWSCognitoIdentityProviderService';
  const poolId = options.userPoolId;
  const region = options.region ?? poolId.slice(0, poolId.indexOf('_'));
  const redirectUri = options.redirectUri ?? 'http://localhost/callback';
  const provider = options.identityProvider ?? 'TestIdP';
  const rs = 'https://api.cogcap.test';
  await call(endpoint, idp, 'CreateResourceServer', {
    UserPoolId: poolId,
    Identifier: rs,
    Name: 'cogcap test api',
    Scopes: [
      { ScopeName: 'read', ScopeDescription: 'read' },
      { ScopeName: 'write', ScopeDescription: 'write' },
    ],
  });
  await call(endpoint, idp, 'CreateIdentityProvider', {
    UserPoolId: poolId,
    ProviderName: provider,
    ProviderType: 'OIDC',
    ProviderDetails: { client_id: 'cogcap-test-idp-client', authorize_scopes: 'openid email profile', oidc_issuer: `${endpoint}/_cogcap/test-idp`, attributes_request_method: 'GET' },
    AttributeMapping: { email: 'email', name: 'name' },
  });
  const m2m = await call(endpoint, idp, 'CreateUserPoolClient', {
    UserPoolId: poolId,
    ClientName: 'cogcap-m2m',
    GenerateSecret: true,
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthScopes: [`${rs}/read`, `${rs}/write`],
    AllowedOAuthFlowsUserPoolClient: true,
  });
  const web = await call(endpoint, idp, 'CreateUserPoolClient', {
    UserPoolId: poolId,
    ClientName: 'cogcap-web',
    GenerateSecret: true,
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email', 'profile', `${rs}/read`],
    AllowedOAuthFlowsUserPoolClient: true,
    CallbackURLs: [redirectUri],
    SupportedIdentityProviders: ['COGNITO', provider],
  });
  const webClient = { clientId: web['UserPoolClient'].ClientId as string, clientSecret: web['UserPoolClient'].ClientSecret as string };
  const ids = 'AWSCognitoIdentityService';
  const pool = await call(endpoint, ids, 'CreateIdentityPool', {
    IdentityPoolName: 'cogcap_identity_pool',
    AllowUnauthenticatedIdentities: false,
    CognitoIdentityProviders: [{ ProviderName: `cognito-idp.${region}.amazonaws.com/${poolId}`, ClientId: webClient.clientId }],
  });
  await call(endpoint, ids, 'SetIdentityPoolRoles', {
    IdentityPoolId: pool['IdentityPoolId'],
    Roles: { authenticated: 'arn:aws:iam::000000000000:role/cogcap-authenticated' },
  });
  return {
    userPoolId: poolId,
    resourceServer: rs,
    m2m: { clientId: m2m['UserPoolClient'].ClientId, clientSecret: m2m['UserPoolClient'].ClientSecret },
    web: webClient,
    redirectUri,
    identityProvider: provider,
    identityPoolId: pool['IdentityPoolId'],
  };
}

/**
 * The four flows wired to the fixtures: `client-credentials`, `hosted-ui-sign-in`, `federated-sign-in`,
 * `identity-pool-exchange` (register them with `registerFlow`). The hosted-UI, federated and identity-pool flows use
 * the web client explicitly; the identity-pool flow's fallback password sign-in uses the run target's client, so
 * give the run the web client as its target client.
 */
export function emulatorOAuthFlows(f: EmulatorOAuthFixtures): FlowDefinition[] {
  return [
    clientCredentialsFlow({ clientId: f.m2m.clientId, clientSecret: f.m2m.clientSecret }),
    hostedUiSignInFlow({ clientId: f.web.clientId, clientSecret: f.web.clientSecret, redirectUri: f.redirectUri }),
    federatedSignInFlow({ identityProvider: f.identityProvider, clientId: f.web.clientId, clientSecret: f.web.clientSecret, redirectUri: f.redirectUri }),
    identityPoolExchangeFlow({ identityPoolId: f.identityPoolId }),
  ];
}
