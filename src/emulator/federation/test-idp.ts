import { randomBytes } from 'node:crypto';
import type { HttpRequest, HttpResponse, HttpRoute } from '../http-route.js';
import { TtlMap } from '../store/ttl-map.js';
import { generateRs256Key, signRs256Jwt, type Rs256Key } from './rs256-jwt.js';

/** A user of the built-in test identity provider. */
export interface TestIdpUser {
  readonly sub: string;
  readonly email?: string;
  readonly name?: string;
  /** More claims for the ID token. */
  readonly claims?: Readonly<Record<string, unknown>>;
}

/** Options of {@link createTestIdp}. */
export interface TestIdpOptions {
  /** Path prefix of every endpoint; the issuer is `<baseUrl><pathPrefix>`. Default `/_cogcap/test-idp`. */
  readonly pathPrefix?: string;
  /** User auto-approved when the request has no `login_hint`. Default sub `test-user-1`, email `test-user-1@idp.test`. */
  readonly defaultUser?: TestIdpUser;
  /** Users selected by `login_hint`. */
  readonly users?: Readonly<Record<string, TestIdpUser>>;
  /** Any other `login_hint` value becomes a user with that sub and email `<hint>@idp.test` (default true). */
  readonly anyHint?: boolean;
  /** When set, the token endpoint requires this client secret (any client id is accepted). */
  readonly clientSecret?: string;
  /** ID-token lifetime, seconds. Default 3600. */
  readonly tokenLifetimeSec?: number;
  readonly now?: () => number;
  readonly random?: (n: number) => Buffer;
  /** Signing key (generated when absent, ~50 ms). */
  readonly key?: Rs256Key;
}

/** The default path prefix of the test identity provider. */
export const TEST_IDP_PATH = '/_cogcap/test-idp';

/** The built-in test OIDC identity provider. */
export interface TestIdp {
  /** The routes to add to the emulator (discovery, JWKS, authorize, token, userinfo). */
  readonly route: HttpRoute;
  readonly pathPrefix: string;
  /** Issuer for a given emulator base URL. */
  issuer(baseUrl: string): string;
  /** Number of sign-ins it approved (authorize calls answered with a code). */
  readonly approvals: () => number;
}

const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store' };

/**
 * A test OpenID Connect provider living in the emulator's process, with its own RSA key. `/authorize` approves at once
 * (no page): it redirects to `redirect_uri` with a code for the user named by `login_hint` (or the default user);
 * `/token` redeems the code (client auth by Basic or body) for an ID token signed with its key (`aud` = client id,
 * `nonce` echoed) and an opaque access token accepted by `/userinfo`.
 */
export function createTestIdp(options: TestIdpOptions = {}): TestIdp {
  const prefix = options.pathPrefix ?? TEST_IDP_PATH;
  const now = options.now ?? Date.now;
  const random = options.random ?? randomBytes;
  const key = options.key ?? generateRs256Key('cogcap-test-idp-1');
  const lifetime = options.tokenLifetimeSec ?? 3600;
  const defaultUser = options.defaultUser ?? { sub: 'test-user-1', email: 'test-user-1@idp.test', name: 'Test User 1' };
  const codes = new TtlMap<string, { user: TestIdpUser; clientId: string; redirectUri: string; nonce?: string }>(60_000);
  const accessTokens = new TtlMap<string, TestIdpUser>(lifetime * 1000);
  let approvals = 0;

  const issuer = (baseUrl: string) => `${baseUrl}${prefix}`;
  const userFor = (hint: string | null): TestIdpUser | undefined => {
    if (hint === null || hint === '') return defaultUser;
    const known = options.users?.[hint];
    if (known) return known;
    return options.anyHint === false ? undefined : { sub: hint, email: `${hint}@idp.test`, name: hint };
  };
  const claimsOf = (u: TestIdpUser): Record<string, unknown> => ({
    sub: u.sub,
    ...(u.email !== undefined ? { email: u.email, email_verified: true } : {}),
    ...(u.name !== undefined ? { name: u.name } : {}),
    ...u.claims,
  });
  const error = (status: number, code: string, description?: string): HttpResponse => ({
    status,
    headers: JSON_HEADERS,
    body: description ? { error: code, error_description: description } : { error: code },
  });

  const authorize = (req: HttpRequest): HttpResponse => {
    const q = req.query;
    const redirectUri = q.get('redirect_uri');
    const clientId = q.get('client_id');
    if (!redirectUri || !clientId) return error(400, 'invalid_request', 'client_id and redirect_uri are required');
    const back = new URL(redirectUri);
    const state = q.get('state');
    if (state !== null) back.searchParams.set('state', state);
    const user = userFor(q.get('login_hint'));
    if (q.get('response_type') !== 'code') back.searchParams.set('error', 'unsupported_response_type');
    else if (!user) back.searchParams.set('error', 'access_denied');
    else {
      const code = random(24).toString('base64url');
      const nonce = q.get('nonce');
      codes.set(code, { user, clientId, redirectUri, ...(nonce !== null ? { nonce } : {}) }, now());
      back.searchParams.set('code', code);
      approvals += 1;
    }
    return { status: 302, headers: { location: back.toString() }, body: '' };
  };

  const token = (req: HttpRequest): HttpResponse => {
    const form = Object.fromEntries(new URLSearchParams(req.body.toString('utf8')));
    let clientId = form['client_id'];
    let secret = form['client_secret'];
    const auth = req.headers['authorization'];
    if (auth?.startsWith('Basic ')) {
      const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      clientId = decodeURIComponent(decoded.slice(0, i));
      secret = decodeURIComponent(decoded.slice(i + 1));
    }
    if (form['grant_type'] !== 'authorization_code') return error(400, 'unsupported_grant_type');
    if (!clientId) return error(401, 'invalid_client');
    if (options.clientSecret !== undefined && secret !== options.clientSecret) return error(401, 'invalid_client');
    const code = form['code'] ?? '';
    const grant = codes.get(code, now());
    codes.delete(code);
    if (!grant || grant.clientId !== clientId || grant.redirectUri !== form['redirect_uri']) return error(400, 'invalid_grant');
    const iat = Math.floor(now() / 1000);
    const idToken = signRs256Jwt(key, {
      iss: issuer(req.baseUrl),
      aud: clientId,
      iat,
      exp: iat + lifetime,
      auth_time: iat,
      ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
      ...claimsOf(grant.user),
    });
    const accessToken = random(24).toString('base64url');
    accessTokens.set(accessToken, grant.user, now());
    return { status: 200, headers: JSON_HEADERS, body: { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: lifetime } };
  };

  const userinfo = (req: HttpRequest): HttpResponse => {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers['authorization'] ?? '');
    const user = m ? accessTokens.get(m[1]!, now()) : undefined;
    if (!user) return { ...error(401, 'invalid_token'), headers: { ...JSON_HEADERS, 'www-authenticate': 'Bearer error="invalid_token"' } };
    return { status: 200, headers: JSON_HEADERS, body: claimsOf(user) };
  };

  const route: HttpRoute = async (req) => {
    if (!req.path.startsWith(`${prefix}/`)) return undefined;
    const sub = req.path.slice(prefix.length);
    const iss = issuer(req.baseUrl);
    if (sub === '/.well-known/openid-configuration' && req.method === 'GET') {
      return {
        status: 200,
        headers: JSON_HEADERS,
        body: {
          issuer: iss,
          authorization_endpoint: `${iss}/authorize`,
          token_endpoint: `${iss}/token`,
          userinfo_endpoint: `${iss}/userinfo`,
          jwks_uri: `${iss}/jwks.json`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          scopes_supported: ['openid', 'email', 'profile'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
          grant_types_supported: ['authorization_code'],
        },
      };
    }
    if (sub === '/jwks.json' && req.method === 'GET') return { status: 200, headers: JSON_HEADERS, body: { keys: [key.jwk] } };
    if (sub === '/authorize' && req.method === 'GET') return authorize(req);
    if (sub === '/token' && req.method === 'POST') return token(req);
    if (sub === '/userinfo' && (req.method === 'GET' || req.method === 'POST')) return userinfo(req);
    return undefined;
  };
  return { route, pathPrefix: prefix, issuer, approvals: () => approvals };
}
