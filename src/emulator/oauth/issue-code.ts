import type { HttpResponse } from '../http-route.js';
import { newOpaqueToken } from '../store/ids.js';
import type { OAuthDeps } from './oauth-deps.js';
import { redirectTo } from './authorize-params.js';
import type { AuthorizeParams } from './oauth-state.js';

/** Stores a single-use authorization code for `username` and redirects to the client's `redirect_uri` with it. */
export function redirectWithCode(deps: OAuthDeps, params: AuthorizeParams, username: string, headers: Record<string, string> = {}): HttpResponse {
  const code = newOpaqueToken(deps.ctx.random, 24);
  deps.state.codes.set(
    code,
    {
      userPoolId: params.userPoolId,
      clientId: params.clientId,
      redirectUri: params.redirectUri,
      scopes: params.scopes,
      username,
      ...(params.codeChallenge !== undefined ? { codeChallenge: params.codeChallenge, codeChallengeMethod: params.codeChallengeMethod ?? 'S256' } : {}),
      ...(params.nonce !== undefined ? { nonce: params.nonce } : {}),
    },
    deps.ctx.now(),
  );
  return redirectTo(params.redirectUri, { code, state: params.state }, headers);
}
