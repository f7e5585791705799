import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../../src/emulator/http-route.js';
import { basicCredentials, cookieValue, formBody } from '../../../../src/emulator/oauth/form-body.js';
import { OAuthError } from '../../../../src/emulator/oauth/oauth-error.js';
import { tokenOperation } from '../../../../src/emulator/oauth/oauth-operations.js';
import { matchOAuthPath } from '../../../../src/emulator/oauth/oauth-paths.js';
import { pkceChallenge, pkceMatches } from '../../../../src/emulator/oauth/pkce.js';
import { grantScopes, parseScopeParam } from '../../../../src/emulator/oauth/scopes.js';

const req = (headers: Record<string, string>, body = ''): HttpRequest => ({
  method: 'POST', path: '/oauth2/token', query: new URLSearchParams(), headers, body: Buffer.from(body), baseUrl: 'http://h', receivedAtMs: 0,
});

describe('matchOAuthPath', () => {
  it.each([
    ['/oauth2/token', { endpoint: 'token', userPoolId: null, prefix: '' }],
    ['/oauth2/userinfo', { endpoint: 'userInfo', userPoolId: null, prefix: '' }],
    ['/login', { endpoint: 'login', userPoolId: null, prefix: '' }],
    ['/us-east-1_Ab12Cd34E/oauth2/authorize', { endpoint: 'authorize', userPoolId: 'us-east-1_Ab12Cd34E', prefix: '/us-east-1_Ab12Cd34E' }],
    ['/us-east-1_Ab12Cd34E/login', { endpoint: 'login', userPoolId: 'us-east-1_Ab12Cd34E', prefix: '/us-east-1_Ab12Cd34E' }],
    ['/oauth2/idpresponse', { endpoint: 'idpresponse', userPoolId: null, prefix: '' }],
  ])('matches %s', (path, expected) => {
    expect(matchOAuthPath(path)).toEqual(expected);
  });

  it.each(['/', '/oauth2/nope', '/us-east-1_Ab12Cd34E/.well-known/jwks.json', '/x/y/oauth2/token'])('ignores %s', (path) => {
    expect(matchOAuthPath(path)).toBeUndefined();
  });
});

describe('PKCE', () => {
  // RFC 7636 appendix B.
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  it('computes the RFC 7636 S256 example', () => {
    expect(pkceChallenge(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
  it.each([
    [verifier, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', 'S256', true],
    [verifier, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cN', 'S256', false],
    [verifier, verifier, 'plain', true],
    ['short', 'short', 'plain', false],
  ] as const)('checks %s against %s (%s) → %s', (v, c, m, ok) => {
    expect(pkceMatches(v, c, m)).toBe(ok);
  });
});

describe('form body and client credentials', () => {
  it('parses form bodies, first value wins', () => {
    expect(formBody(req({}, 'a=1&b=x+y&a=2&c=%2F'))).toEqual({ a: '1', b: 'x y', c: '/' });
  });
  it.each([
    [{}, undefined],
    [{ authorization: `Basic ${Buffer.from('id:sec:ret').toString('base64')}` }, { clientId: 'id', clientSecret: 'sec:ret' }],
    [{ authorization: `Basic ${Buffer.from('a%20b:c%2Bd').toString('base64')}` }, { clientId: 'a b', clientSecret: 'c+d' }],
    [{ authorization: 'Bearer x' }, 'malformed'],
    [{ authorization: `Basic ${Buffer.from('nocolon').toString('base64')}` }, 'malformed'],
  ])('reads Basic credentials from %j', (headers, expected) => {
    expect(basicCredentials(req(headers as Record<string, string>))).toEqual(expected);
  });
  it('reads a cookie', () => {
    expect(cookieValue(req({ cookie: 'a=1; XSRF-TOKEN=abc; b=2' }), 'XSRF-TOKEN')).toBe('abc');
    expect(cookieValue(req({}), 'XSRF-TOKEN')).toBeUndefined();
  });
});

describe('scopes', () => {
  const exists = (s: string) => s !== 'rs/gone';
  const allowed = ['openid', 'email', 'rs/read', 'rs/write', 'rs/gone'];
  it.each([
    [undefined, false, ['openid', 'email', 'rs/read', 'rs/write']],
    [undefined, true, ['rs/read', 'rs/write']],
    [['rs/read'], true, ['rs/read']],
    [['openid', 'rs/write'], false, ['openid', 'rs/write']],
  ])('grants %j (customOnly %s)', (requested, customOnly, expected) => {
    expect(grantScopes(requested, allowed, exists, customOnly)).toEqual(expected);
  });
  it.each([
    [['rs/admin'], false],
    [['rs/gone'], false],
    [['openid'], true],
    [undefined, true, ['openid']],
  ])('refuses %j with invalid_scope', (requested, customOnly, allow = allowed) => {
    expect(() => grantScopes(requested, allow, exists, customOnly)).toThrow(OAuthError);
  });
  it('splits the scope parameter', () => {
    expect(parseScopeParam(' a  b a ')).toEqual(['a', 'b']);
    expect(parseScopeParam('  ')).toBeUndefined();
  });
});

describe('tokenOperation', () => {
  it.each([
    ['client_credentials', 'OAuth2Token.client_credentials'],
    ['refresh_token', 'OAuth2Token.refresh_token'],
    ['authorization_code', 'OAuth2Token.authorization_code'],
    ['password', 'OAuth2Token'],
    [undefined, 'OAuth2Token'],
  ])('%s → %s', (grant, op) => {
    expect(tokenOperation(grant)).toBe(op);
  });
});
