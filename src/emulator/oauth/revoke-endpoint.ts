import type { HttpRequest, HttpResponse } from '../http-route.js';
import { decodeJwt } from '../tokens/jwt.js';
import { charge } from './charge.js';
import { authenticateClient } from './client-auth.js';
import { basicCredentials, formBody } from './form-body.js';
import type { OAuthDeps } from './oauth-deps.js';
import { OAuthError } from './oauth-error.js';
import { OAUTH_OPERATIONS } from './oauth-operations.js';
import type { OAuthPath } from './oauth-paths.js';

/**
 * `POST /oauth2/revoke` (form `token` = a refresh token, client auth as at the token endpoint), charged to UserToken:
 * revokes the refresh token and every access/ID token of its sign-in. HTTP 200 with an empty body, also for an
 * unknown token (RFC 7009); `unsupported_token_type` for an access or ID token; `invalid_request` when the client
 * has token revocation disabled; `unauthorized_client` for a token of another client.
 */
export async function revokeEndpoint(deps: OAuthDeps, req: HttpRequest, path: OAuthPath): Promise<HttpResponse> {
  if (req.method !== 'POST') return new OAuthError('invalid_request', 'The revoke endpoint accepts POST only', 405).toResponse();
  const form = formBody(req);
  const basic = basicCredentials(req);
  const clientId = (basic !== 'malformed' ? basic?.clientId : undefined) ?? form['client_id'];
  const poolId = path.userPoolId ?? (clientId ? deps.ctx.store.clients.get(clientId)?.userPoolId ?? null : null);
  return charge(
    deps.pipeline,
    OAUTH_OPERATIONS.revoke,
    req,
    { userPoolId: poolId, body: clientId ? { ClientId: clientId } : {} },
    async () => {
      const token = form['token'];
      if (!token) throw new OAuthError('invalid_request', 'token is required');
      const { client } = authenticateClient(deps.ctx, req, form, path.userPoolId);
      if (!client.enableTokenRevocation) throw new OAuthError('invalid_request', 'Token revocation is disabled for this client');
      const session = deps.ctx.store.refreshTokens.get(token);
      if (!session) {
        if (decodeJwt(token)) throw new OAuthError('unsupported_token_type');
        return { status: 200, body: '' };
      }
      if (session.clientId !== client.clientId) throw new OAuthError('unauthorized_client');
      deps.ctx.store.revokeSession(session.originJti);
      return { status: 200, body: '' };
    },
    { throttleStatus: deps.throttleStatus },
  );
}
