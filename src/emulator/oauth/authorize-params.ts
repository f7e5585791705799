import type { HttpResponse } from '../http-route.js';
import type { PoolState } from '../store/pool-state.js';
import type { ClientConfig } from '../store/types.js';
import { oauthSettingsOf } from './oauth-client-settings.js';
import type { OAuthDeps } from './oauth-deps.js';
import { OAuthError } from './oauth-error.js';
import type { AuthorizeParams } from './oauth-state.js';
import type { PkceMethod } from './pkce.js';
import { grantScopes, parseScopeParam, scopeExists } from './scopes.js';

/** A redirect to `uri` with `params` added to its query. */
export function redirectTo(uri: string, params: Record<string, string | undefined>, headers: Record<string, string> = {}): HttpResponse {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return { status: 302, headers: { location: url.toString(), ...headers }, body: '' };
}

/** Outcome of checking an authorize (or login) query. */
export type AuthorizeCheck =
  | { readonly ok: true; readonly params: AuthorizeParams; readonly client: ClientConfig; readonly pool: PoolState }
  | { readonly ok: false; readonly response: HttpResponse };

/**
 * Checks the query of `/oauth2/authorize` and `/login` as Cognito does: client, then `redirect_uri` among the client's
 * CallbackURLs (until both are good, errors are a 400 answer, never a redirect), then `response_type=code`, OAuth flow
 * `code` allowed, scopes (default: every allowed scope), PKCE method; later errors redirect to `redirect_uri` with
 * `error` and `state`.
 */
export function checkAuthorizeQuery(deps: OAuthDeps, query: URLSearchParams, pinnedPoolId: string | null): AuthorizeCheck {
  const fail = (description: string): AuthorizeCheck => ({ ok: false, response: new OAuthError('invalid_request', description).toResponse() });
  const clientId = query.get('client_id');
  if (!clientId) return fail('client_id is required');
  const client = deps.ctx.store.clients.get(clientId);
  const pool = client ? deps.ctx.store.pools.get(client.userPoolId) : undefined;
  if (!client || !pool || (pinnedPoolId !== null && pinnedPoolId !== client.userPoolId)) return fail('invalid client_id');
  const settings = oauthSettingsOf(client);
  const redirectUri = query.get('redirect_uri');
  if (!redirectUri || !settings.callbackUrls.includes(redirectUri)) return fail('redirect_mismatch');
  const state = query.get('state') ?? undefined;
  const back = (error: string): AuthorizeCheck => ({ ok: false, response: redirectTo(redirectUri, { error, state }) });
  if (query.get('response_type') !== 'code') return back('unsupported_response_type');
  if (!settings.allowedOAuthFlowsUserPoolClient || !settings.allowedOAuthFlows.includes('code')) return back('unauthorized_client');
  let scopes: string[];
  try {
    scopes = grantScopes(parseScopeParam(query.get('scope') ?? undefined), settings.allowedOAuthScopes, (s) => scopeExists(deps.state.resourceServers, pool.config.id, s), false);
  } catch {
    return back('invalid_scope');
  }
  const challenge = query.get('code_challenge') ?? undefined;
  const method = query.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
  if (method !== undefined && method !== 'S256' && method !== 'plain') return back('invalid_request');
  const opt = (name: string): string | undefined => query.get(name) ?? undefined;
  const params: AuthorizeParams = {
    userPoolId: pool.config.id,
    clientId,
    redirectUri,
    scopes,
    ...(state !== undefined ? { state } : {}),
    ...(opt('nonce') !== undefined ? { nonce: opt('nonce')! } : {}),
    ...(challenge !== undefined ? { codeChallenge: challenge, codeChallengeMethod: method as PkceMethod } : {}),
    ...(opt('identity_provider') !== undefined ? { identityProvider: opt('identity_provider')! } : {}),
    ...(opt('login_hint') !== undefined ? { loginHint: opt('login_hint')! } : {}),
  };
  return { ok: true, params, client, pool };
}

/** The authorize query that reproduces `params` (carried to `/login`). */
export function authorizeQuery(params: AuthorizeParams): URLSearchParams {
  const q = new URLSearchParams({ client_id: params.clientId, redirect_uri: params.redirectUri, response_type: 'code', scope: params.scopes.join(' ') });
  if (params.state !== undefined) q.set('state', params.state);
  if (params.nonce !== undefined) q.set('nonce', params.nonce);
  if (params.codeChallenge !== undefined) {
    q.set('code_challenge', params.codeChallenge);
    q.set('code_challenge_method', params.codeChallengeMethod ?? 'S256');
  }
  return q;
}
