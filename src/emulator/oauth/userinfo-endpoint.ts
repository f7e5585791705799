import { CognitoServiceError } from '../../cognito/service-error.js';
import type { HttpRequest, HttpResponse } from '../http-route.js';
import { authenticateAccessToken } from '../tokens/authenticate-access-token.js';
import { charge } from './charge.js';
import type { OAuthDeps } from './oauth-deps.js';
import { OAuthError } from './oauth-error.js';
import { OAUTH_OPERATIONS } from './oauth-operations.js';
import { poolIdOfToken } from '../tokens/authenticate-access-token.js';

const invalidToken = (description: string) =>
  new OAuthError('invalid_token', description, 401, { 'www-authenticate': `Bearer error="invalid_token", error_description="${description}"` });

/**
 * `GET|POST /oauth2/userInfo` with `Authorization: Bearer <access token>`: the user's readable attributes as strings
 * plus `username`. The token must be a live user access token with scope `openid` or `aws.cognito.signin.user.admin`;
 * otherwise HTTP 401 `invalid_token` (400 `invalid_request` without a token).
 */
export async function userInfoEndpoint(deps: OAuthDeps, req: HttpRequest): Promise<HttpResponse> {
  if (req.method !== 'GET' && req.method !== 'POST') return { status: 405, body: 'Method not allowed' };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers['authorization'] ?? '');
  const token = m?.[1];
  return charge(
    deps.pipeline,
    OAUTH_OPERATIONS.userInfo,
    req,
    { userPoolId: token ? poolIdOfToken(token) ?? null : null },
    async () => {
      if (!token) throw new OAuthError('invalid_request', 'Bearer access token required');
      let auth;
      try {
        auth = authenticateAccessToken(deps.ctx, token);
      } catch (e) {
        if (e instanceof CognitoServiceError) throw invalidToken(e.message);
        throw e;
      }
      const scopes = String(auth.claims['scope'] ?? '').split(' ');
      if (!scopes.includes('openid') && !scopes.includes('aws.cognito.signin.user.admin')) throw invalidToken('Access token does not have the openid scope');
      const client = deps.ctx.store.clients.get(String(auth.claims['client_id']));
      const readable = client?.readAttributes ?? null;
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(auth.user.attributes)) {
        if (name === 'sub' || !readable || readable.includes(name)) out[name] = value;
      }
      out['username'] = auth.user.username;
      return { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: out };
    },
    { throttleStatus: deps.throttleStatus },
  );
}
