import { CognitoServiceError } from '../../cognito/service-error.js';
import type { HttpRequest, HttpResponse } from '../http-route.js';
import { charge } from './charge.js';
import { authenticateClient } from './client-auth.js';
import { basicCredentials, formBody } from './form-body.js';
import { oauthSettingsOf } from './oauth-client-settings.js';
import type { OAuthDeps } from './oauth-deps.js';
import { OAuthError } from './oauth-error.js';
import { tokenOperation } from './oauth-operations.js';
import type { OAuthPath } from './oauth-paths.js';
import { issueClientCredentialsToken, issueOAuthUserTokens, sessionOfRefreshToken, type OAuthTokenResponse } from './oauth-tokens.js';
import { pkceMatches } from './pkce.js';
import { grantScopes, parseScopeParam, scopeExists } from './scopes.js';

const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store', pragma: 'no-cache' };

/**
 * `POST /oauth2/token` (form-encoded): grants `client_credentials` (custom scopes of resource servers),
 * `authorization_code` (with PKCE) and `refresh_token`; client authentication by HTTP Basic or the body.
 * Errors: HTTP 400 `{"error": ...}`. Each call is charged under its grant's pseudo-operation.
 */
export async function tokenEndpoint(deps: OAuthDeps, req: HttpRequest, path: OAuthPath): Promise<HttpResponse> {
  if (req.method !== 'POST') return new OAuthError('invalid_request', 'The token endpoint accepts POST only', 405).toResponse();
  const form = formBody(req);
  const grantType = form['grant_type'];
  const basic = basicCredentials(req);
  const clientId = (basic !== 'malformed' ? basic?.clientId : undefined) ?? form['client_id'];
  const poolId = path.userPoolId ?? (clientId ? deps.ctx.store.clients.get(clientId)?.userPoolId ?? null : null);
  return charge(
    deps.pipeline,
    tokenOperation(grantType),
    req,
    { userPoolId: poolId, body: clientId ? { ClientId: clientId } : {} },
    async () => ({ status: 200, headers: JSON_HEADERS, body: await grant(deps, req, path, form, grantType) }),
    { throttleStatus: deps.throttleStatus },
  );
}

async function grant(deps: OAuthDeps, req: HttpRequest, path: OAuthPath, form: Record<string, string>, grantType: string | undefined): Promise<OAuthTokenResponse> {
  if (grantType === undefined || grantType === '') throw new OAuthError('invalid_request', 'grant_type is required');
  if (!['client_credentials', 'authorization_code', 'refresh_token'].includes(grantType)) throw new OAuthError('unsupported_grant_type');
  const { ctx, state } = deps;
  const { client, pool } = authenticateClient(ctx, req, form, path.userPoolId);
  const settings = oauthSettingsOf(client);
  try {
    switch (grantType) {
      case 'client_credentials': {
        if (client.clientSecret === null || !settings.allowedOAuthFlowsUserPoolClient || !settings.allowedOAuthFlows.includes('client_credentials')) {
          throw new OAuthError('unauthorized_client');
        }
        const scopes = grantScopes(parseScopeParam(form['scope']), settings.allowedOAuthScopes, (s) => scopeExists(state.resourceServers, pool.config.id, s), true);
        return await issueClientCredentialsToken(ctx, pool, client, scopes);
      }
      case 'authorization_code': {
        const code = form['code'];
        const redirectUri = form['redirect_uri'];
        if (!code || !redirectUri) throw new OAuthError('invalid_request', 'code and redirect_uri are required');
        if (!settings.allowedOAuthFlowsUserPoolClient || !settings.allowedOAuthFlows.includes('code')) throw new OAuthError('unauthorized_client');
        const g = state.codes.get(code, ctx.now());
        state.codes.delete(code);
        if (!g || g.clientId !== client.clientId || g.redirectUri !== redirectUri) throw new OAuthError('invalid_grant');
        if (g.codeChallenge !== undefined) {
          const verifier = form['code_verifier'];
          if (!verifier || !pkceMatches(verifier, g.codeChallenge, g.codeChallengeMethod ?? 'S256')) throw new OAuthError('invalid_grant');
        }
        const user = pool.byUsername(g.username);
        if (!user || !user.enabled) throw new OAuthError('invalid_grant');
        return await issueOAuthUserTokens(ctx, state, pool, client, user, tokenOperation(grantType), { scopes: g.scopes, ...(g.nonce ? { nonce: g.nonce } : {}) });
      }
      default: {
        const token = form['refresh_token'];
        if (!token) throw new OAuthError('invalid_request', 'refresh_token is required');
        if (!client.explicitAuthFlows.some((f) => f === 'ALLOW_REFRESH_TOKEN_AUTH' || f === 'REFRESH_TOKEN') && settings.allowedOAuthFlows.length === 0) {
          throw new OAuthError('unauthorized_client');
        }
        const { session, user } = sessionOfRefreshToken(ctx, client, token);
        // Sessions from an OAuth sign-in keep their granted scopes; API sign-ins have the API scope and an ID token.
        const known = state.sessionScopes.get(session.originJti, ctx.now());
        const grantInfo = known ? { scopes: known } : { scopes: ['aws.cognito.signin.user.admin'], alwaysIdToken: true };
        return await issueOAuthUserTokens(ctx, state, pool, client, user, tokenOperation(grantType), grantInfo, session);
      }
    }
  } catch (e) {
    if (e instanceof CognitoServiceError && e.type === 'NotAuthorizedException') throw new OAuthError('invalid_grant');
    throw e;
  }
}
