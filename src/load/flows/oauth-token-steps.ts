import { createHash } from 'node:crypto';
import type { TestUser } from '../flow.js';
import { basicAuthorization, measuredFetch, type HttpFlowContext } from './http-flow-context.js';
import { adoptTokens, type JourneyState } from './journey-state.js';

/** An app client as the OAuth flows use it. */
export interface OAuthClientRef {
  readonly clientId: string;
  /** Sent with HTTP Basic when present. */
  readonly clientSecret?: string;
}

/** PKCE pair (S256). */
export function newPkce(rng: () => number): { verifier: string; challenge: string } {
  const bytes = Buffer.alloc(32);
  for (let i = 0; i < 32; i += 1) bytes[i] = Math.floor(rng() * 256);
  const verifier = bytes.toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** `POST /oauth2/token` with a form (client auth by Basic when the client has a secret, else `client_id` in the body). */
export async function tokenRequest(
  ctx: HttpFlowContext,
  st: JourneyState,
  baseUrl: string,
  client: OAuthClientRef,
  operation: string,
  form: Record<string, string>,
): Promise<Record<string, unknown> | undefined> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const body = { ...form };
  if (client.clientSecret) headers['authorization'] = basicAuthorization(client.clientId, client.clientSecret);
  else body['client_id'] = client.clientId;
  const a = await measuredFetch(ctx, st, operation, `${baseUrl}/oauth2/token`, { method: 'POST', headers, body: new URLSearchParams(body).toString() });
  if (a.outcome !== 'ok') return undefined;
  try {
    return JSON.parse(a.text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * Redeems an authorization code (PKCE verifier when given) and keeps the tokens as the journey's session, so that
 * refresh, profile and sign-out flows can reuse them. Returns false when the grant failed.
 */
export async function redeemCode(
  ctx: HttpFlowContext,
  st: JourneyState,
  baseUrl: string,
  client: OAuthClientRef,
  user: TestUser,
  code: string,
  redirectUri: string,
  verifier?: string,
): Promise<boolean> {
  const tokens = await tokenRequest(ctx, st, baseUrl, client, 'OAuth2Token.authorization_code', {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    ...(verifier ? { code_verifier: verifier } : {}),
  });
  if (!tokens || typeof tokens['access_token'] !== 'string') return false;
  adoptTokens(ctx, st, user, {
    AccessToken: tokens['access_token'],
    ...(typeof tokens['id_token'] === 'string' ? { IdToken: tokens['id_token'] } : {}),
    ...(typeof tokens['refresh_token'] === 'string' ? { RefreshToken: tokens['refresh_token'] } : {}),
    ...(typeof tokens['expires_in'] === 'number' ? { ExpiresIn: tokens['expires_in'] } : {}),
  });
  st.sessionTaken = false;
  return true;
}

/** The `code` of a redirect to the app's callback, or undefined (error redirect, or not a redirect). */
export function codeFromRedirect(location: string | null | undefined, redirectUri: string): string | undefined {
  if (!location || !location.startsWith(redirectUri)) return undefined;
  return new URL(location).searchParams.get('code') ?? undefined;
}
