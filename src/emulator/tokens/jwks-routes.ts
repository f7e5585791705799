import type { EmulatorStore } from '../store/emulator-store.js';
import type { HttpResponse, HttpRoute } from '../http-route.js';

const JWKS_RE = /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;

/**
 * `GET /<poolId>/.well-known/jwks.json` (the pool's two RS256 public keys: access and ID) and
 * `GET /<poolId>/.well-known/openid-configuration` (issuer = the Cognito issuer string, jwks_uri = this emulator).
 */
export function jwksRoute(store: EmulatorStore, issuerOf: (poolId: string) => string): HttpRoute {
  return async (req): Promise<HttpResponse | undefined> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
    const m = JWKS_RE.exec(req.path);
    if (!m) return undefined;
    const poolId = m[1]!;
    if (!store.pools.has(poolId)) {
      return { status: 404, headers: { 'content-type': 'application/json' }, body: { message: `User pool ${poolId} does not exist.` } };
    }
    if (m[2] === 'jwks.json') {
      const keys = await store.keys.get(poolId);
      return {
        status: 200,
        headers: { 'content-type': 'application/json', 'cache-control': 'max-age=3600' },
        body: { keys: [keys.access.publicJwk, keys.id.publicJwk] },
      };
    }
    const iss = issuerOf(poolId);
    const region = poolId.slice(0, poolId.indexOf('_'));
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: {
        issuer: iss,
        jwks_uri: `${req.baseUrl}/${poolId}/.well-known/jwks.json`,
        authorization_endpoint: `${req.baseUrl}/oauth2/authorize`,
        token_endpoint: `${req.baseUrl}/oauth2/token`,
        userinfo_endpoint: `${req.baseUrl}/oauth2/userInfo`,
        revocation_endpoint: `${req.baseUrl}/oauth2/revoke`,
        end_session_endpoint: `${req.baseUrl}/logout`,
        response_types_supported: ['code', 'token'],
        scopes_supported: ['openid', 'email', 'phone', 'profile'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        region,
      },
    };
  };
}
