import { startFederatedSignIn } from '../federation/federated-sign-in.js';
import type { HttpRequest, HttpResponse } from '../http-route.js';
import { authorizeQuery, checkAuthorizeQuery, redirectTo } from './authorize-params.js';
import { charge } from './charge.js';
import { oauthSettingsOf } from './oauth-client-settings.js';
import type { OAuthDeps } from './oauth-deps.js';
import { OAUTH_OPERATIONS } from './oauth-operations.js';
import { oauthUrl, type OAuthPath } from './oauth-paths.js';

/**
 * `GET /oauth2/authorize`: checks the request (see `checkAuthorizeQuery`), then either redirects to `/login` (local
 * users; `identity_provider=COGNITO` or none) or starts a federated sign-in with the provider named by
 * `identity_provider` (or `idp_identifier`), which must be among the client's SupportedIdentityProviders.
 * Charged as `OAuth2Authorize` (no documented category).
 */
export async function authorizeEndpoint(deps: OAuthDeps, req: HttpRequest, path: OAuthPath): Promise<HttpResponse> {
  if (req.method !== 'GET') return { status: 405, body: 'Method not allowed' };
  const check = checkAuthorizeQuery(deps, req.query, path.userPoolId);
  const poolId = check.ok ? check.params.userPoolId : null;
  return charge(
    deps.pipeline,
    OAUTH_OPERATIONS.authorize,
    req,
    { userPoolId: poolId, body: check.ok ? { ClientId: check.params.clientId } : {} },
    async () => {
      if (!check.ok) return check.response;
      const { params, pool, client } = check;
      const supported = oauthSettingsOf(client).supportedIdentityProviders;
      const identifier = req.query.get('idp_identifier');
      const named = params.identityProvider ?? (identifier ? deps.identityProviders.byIdentifier(pool.config.id, identifier)?.ProviderName : undefined);
      if (named === undefined || named === 'COGNITO') {
        if (!supported.includes('COGNITO') && named === 'COGNITO') return redirectTo(params.redirectUri, { error: 'unauthorized_client', state: params.state });
        return { status: 302, headers: { location: `${oauthUrl(req.baseUrl, path.prefix, 'login')}?${authorizeQuery(params).toString()}` }, body: '' };
      }
      const provider = deps.identityProviders.get(pool.config.id, named);
      if (!provider || !supported.includes(named)) {
        return redirectTo(params.redirectUri, { error: 'invalid_request', error_description: `Identity provider ${named} is not enabled for this client`, state: params.state });
      }
      try {
        return await startFederatedSignIn(deps, req, path, params, provider);
      } catch {
        // Discovery of the provider failed (unreachable or not an OIDC issuer).
        return redirectTo(params.redirectUri, { error: 'server_error', error_description: `Identity provider ${named} is unreachable`, state: params.state });
      }
    },
    { throttleStatus: deps.throttleStatus },
  );
}
