/**
 * URL scheme of the emulator's OAuth 2.0 / hosted-UI endpoints (one host serves every pool):
 * - `<base>/oauth2/<endpoint>` and `<base>/login`: the pool is the one of `client_id` (token, authorize, login,
 *   revoke), of the access token (userInfo) or of the pending sign-in (`/oauth2/idpresponse`);
 * - `<base>/<userPoolId>/oauth2/<endpoint>` and `<base>/<userPoolId>/login`: the same endpoints pinned to a pool,
 *   as a pool's own domain would be; a client of another pool is refused (`invalid_client`).
 * Endpoints: `authorize`, `token`, `userInfo`, `revoke`, `idpresponse`, and `/login`. Redirects keep the form used.
 */

/** OAuth endpoint names. */
export type OAuthEndpoint = 'authorize' | 'token' | 'userInfo' | 'revoke' | 'idpresponse' | 'login';

/** A matched OAuth path. */
export interface OAuthPath {
  readonly endpoint: OAuthEndpoint;
  /** Pool pinned by the path prefix, or null. */
  readonly userPoolId: string | null;
  /** Prefix to keep in redirects: `''` or `/<userPoolId>`. */
  readonly prefix: string;
}

const PATH = /^(?:\/([\w-]+_[0-9A-Za-z]+))?\/(?:oauth2\/(authorize|token|userInfo|userinfo|revoke|idpresponse)|(login))\/?$/;

/** Matches an OAuth endpoint path, or undefined. */
export function matchOAuthPath(path: string): OAuthPath | undefined {
  const m = PATH.exec(path);
  if (!m) return undefined;
  const endpoint = (m[3] ?? (m[2] === 'userinfo' ? 'userInfo' : m[2])) as OAuthEndpoint;
  const userPoolId = m[1] ?? null;
  return { endpoint, userPoolId, prefix: userPoolId === null ? '' : `/${userPoolId}` };
}

/** The URL of an endpoint under `baseUrl`, with the same pool prefix. */
export function oauthUrl(baseUrl: string, prefix: string, endpoint: OAuthEndpoint): string {
  return `${baseUrl}${prefix}${endpoint === 'login' ? '/login' : `/oauth2/${endpoint}`}`;
}
