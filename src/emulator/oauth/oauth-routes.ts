import { idpResponseEndpoint } from '../federation/federated-sign-in.js';
import type { HttpRoute } from '../http-route.js';
import { authorizeEndpoint } from './authorize-endpoint.js';
import { loginEndpoint } from './login-endpoint.js';
import type { OAuthDeps } from './oauth-deps.js';
import { matchOAuthPath } from './oauth-paths.js';
import { revokeEndpoint } from './revoke-endpoint.js';
import { tokenEndpoint } from './token-endpoint.js';
import { userInfoEndpoint } from './userinfo-endpoint.js';

/**
 * The OAuth 2.0 / hosted-UI route: `/oauth2/{authorize,token,userInfo,revoke,idpresponse}` and `/login`, at the root
 * or under `/<userPoolId>` (see oauth-paths.ts). `deps` is read on each request, so the route can be created before
 * the app whose context it uses (late binding).
 */
export function oauthRoute(deps: () => OAuthDeps): HttpRoute {
  return async (req) => {
    const path = matchOAuthPath(req.path);
    if (!path) return undefined;
    const d = deps();
    switch (path.endpoint) {
      case 'token':
        return tokenEndpoint(d, req, path);
      case 'authorize':
        return authorizeEndpoint(d, req, path);
      case 'login':
        return loginEndpoint(d, req, path);
      case 'userInfo':
        return userInfoEndpoint(d, req);
      case 'revoke':
        return revokeEndpoint(d, req, path);
      case 'idpresponse':
        return idpResponseEndpoint(d, req, path);
    }
  };
}
