import type { HttpRequest, HttpResponse } from '../http-route.js';
import { newOpaqueToken } from '../store/ids.js';
import type { PoolState } from '../store/pool-state.js';
import { redirectTo } from '../oauth/authorize-params.js';
import { charge } from '../oauth/charge.js';
import { redirectWithCode } from '../oauth/issue-code.js';
import type { OAuthDeps } from '../oauth/oauth-deps.js';
import { OAuthError } from '../oauth/oauth-error.js';
import { OAUTH_OPERATIONS } from '../oauth/oauth-operations.js';
import { oauthUrl, type OAuthPath } from '../oauth/oauth-paths.js';
import type { AuthorizeParams } from '../oauth/oauth-state.js';
import { findOrCreateFederatedUser } from './federated-user.js';
import type { IdentityProvider } from './identity-provider-store.js';
import { idpHttp, type IdpHttp } from './idp-http.js';
import { oidcEndpoints } from './oidc-endpoints.js';
import { verifyRs256Jwt } from './rs256-jwt.js';

function httpFor(deps: OAuthDeps, req: HttpRequest): IdpHttp {
  return idpHttp(req.baseUrl, deps.localHandler, deps.ctx.now, deps.fetch);
}

/**
 * Step 1 of a federated sign-in (`/oauth2/authorize?identity_provider=X`): remembers the authorize request under a
 * fresh `state` and redirects the browser to the OIDC provider's authorize endpoint with the provider's client id,
 * its `authorize_scopes`, a nonce, `redirect_uri` = this emulator's `/oauth2/idpresponse`, and `login_hint` when the
 * app sent one (an emulator extension that lets a load test pick the test IdP's user).
 */
export async function startFederatedSignIn(deps: OAuthDeps, req: HttpRequest, path: OAuthPath, params: AuthorizeParams, provider: IdentityProvider): Promise<HttpResponse> {
  if (provider.ProviderType !== 'OIDC') {
    return redirectTo(params.redirectUri, { error: 'invalid_request', error_description: `Provider type ${provider.ProviderType} is not supported by the emulator`, state: params.state });
  }
  const endpoints = await oidcEndpoints(provider, httpFor(deps, req), deps.state.discovery);
  const ours = newOpaqueToken(deps.ctx.random, 24);
  const nonce = newOpaqueToken(deps.ctx.random, 24);
  const redirectUri = oauthUrl(req.baseUrl, path.prefix, 'idpresponse');
  deps.state.federation.set(ours, { params, providerName: provider.ProviderName, nonce, redirectUri }, deps.ctx.now());
  return redirectTo(endpoints.authorizeUrl, {
    client_id: provider.ProviderDetails['client_id'],
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: provider.ProviderDetails['authorize_scopes'],
    state: ours,
    nonce,
    login_hint: params.loginHint,
  });
}

/**
 * Step 2 (`/oauth2/idpresponse?code&state`), charged to UserFederation: redeems the IdP's code at its token endpoint,
 * verifies the ID token (signature against the IdP's JWKS, issuer, audience = the provider's client id, nonce,
 * expiry), creates or updates the federated user, and redirects to the app's `redirect_uri` with a Cognito code.
 * IdP errors and bad tokens redirect to the app with `error` (and `error_description`).
 */
export async function idpResponseEndpoint(deps: OAuthDeps, req: HttpRequest, path: OAuthPath): Promise<HttpResponse> {
  const input = req.method === 'POST' ? new URLSearchParams(req.body.toString('utf8')) : req.query;
  const ours = input.get('state') ?? '';
  const pending = deps.state.federation.get(ours, deps.ctx.now());
  if (!pending) return new OAuthError('invalid_request', 'Unknown or expired state').toResponse();
  const { params } = pending;
  const provider = deps.identityProviders.get(params.userPoolId, pending.providerName);
  return charge(
    deps.pipeline,
    OAUTH_OPERATIONS.idpResponse,
    req,
    { userPoolId: params.userPoolId, body: { ClientId: params.clientId, ProviderName: pending.providerName } },
    async () => {
      deps.state.federation.delete(ours);
      const back = (error: string, description?: string): HttpResponse =>
        redirectTo(params.redirectUri, { error, error_description: description, state: params.state });
      const idpError = input.get('error');
      if (idpError !== null) return back(idpError === 'access_denied' ? 'access_denied' : 'invalid_request', input.get('error_description') ?? idpError);
      const code = input.get('code');
      const pool = deps.ctx.store.pools.get(params.userPoolId);
      if (!code || !provider || !pool) return back('invalid_request', 'Missing code or unknown identity provider');
      try {
        return await finishFederatedSignIn(deps, req, pending, provider, pool, code, back);
      } catch {
        return back('server_error', 'The identity provider could not be reached');
      }
    },
    { throttleStatus: deps.throttleStatus },
  );
}

async function finishFederatedSignIn(
  deps: OAuthDeps,
  req: HttpRequest,
  pending: { params: AuthorizeParams; nonce: string; redirectUri: string },
  provider: IdentityProvider,
  pool: PoolState,
  code: string,
  back: (error: string, description?: string) => HttpResponse,
): Promise<HttpResponse> {
  const { params } = pending;
  const http = httpFor(deps, req);
  const endpoints = await oidcEndpoints(provider, http, deps.state.discovery);
  const clientId = provider.ProviderDetails['client_id']!;
  const secret = provider.ProviderDetails['client_secret'];
  const form: Record<string, string> = { grant_type: 'authorization_code', code, redirect_uri: pending.redirectUri, client_id: clientId };
  const headers: Record<string, string> = secret
    ? { authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}` }
    : {};
  const answer = await http.postForm(endpoints.tokenUrl, form, headers);
  const idToken = answer.json?.['id_token'];
  if (answer.status !== 200 || typeof idToken !== 'string') return back('invalid_request', `Bad response from the identity provider token endpoint (HTTP ${answer.status})`);
  const claims = await verifyIdpToken(deps, http, endpoints.jwksUri, idToken);
  if (!claims) return back('invalid_request', 'Invalid id_token signature or expired id_token');
  if (String(claims['iss']).replace(/\/$/, '') !== endpoints.issuer) return back('invalid_request', 'Bad id_token issuer');
  const aud = claims['aud'];
  if (!(aud === clientId || (Array.isArray(aud) && aud.includes(clientId)))) return back('invalid_request', 'Bad id_token audience');
  if (claims['nonce'] !== pending.nonce) return back('invalid_request', 'Bad id_token nonce');
  if (typeof claims['sub'] !== 'string' || claims['sub'] === '') return back('invalid_request', 'id_token without sub');
  const { user } = findOrCreateFederatedUser(deps.ctx, pool, provider, claims['sub'], claims);
  if (!user.enabled) return back('invalid_request', 'User is disabled.');
  return redirectWithCode(deps, params, user.username);
}

async function verifyIdpToken(deps: OAuthDeps, http: IdpHttp, jwksUri: string, token: string): Promise<Record<string, unknown> | undefined> {
  const nowMs = deps.ctx.now();
  const load = async (): Promise<readonly { kid?: string; kty: string }[]> => {
    const answer = await http.get(jwksUri);
    const keys = Array.isArray(answer.json?.['keys']) ? (answer.json!['keys'] as { kid?: string; kty: string }[]) : [];
    deps.state.jwks.set(jwksUri, keys, nowMs);
    return keys;
  };
  let keys = deps.state.jwks.get(jwksUri, nowMs) ?? (await load());
  let v = verifyRs256Jwt(token, keys, nowMs);
  if (!v.ok && v.reason === 'unknown_key') {
    keys = await load();
    v = verifyRs256Jwt(token, keys, nowMs);
  }
  return v.ok ? v.payload : undefined;
}
