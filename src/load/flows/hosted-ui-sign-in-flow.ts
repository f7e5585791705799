import type { FlowDefinition } from '../flow.js';
import { measuredFetch, oauthBaseUrl, type HttpFlowContext } from './http-flow-context.js';
import { finishJourney, startJourney } from './journey-state.js';
import { codeFromRedirect, newPkce, redeemCode } from './oauth-token-steps.js';

/** Options of {@link hostedUiSignInFlow}. */
export interface HostedUiSignInFlowOptions {
  /** Flow name (default `hosted-ui-sign-in`). */
  readonly name?: string;
  /** App client with the `code` OAuth flow and COGNITO among its identity providers (default: the target's client). */
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** A registered callback URL of the client. */
  readonly redirectUri: string;
  /** Scopes to request (default `openid email`). */
  readonly scope?: string;
  /** OAuth base URL: the pool's domain; default the emulator. */
  readonly baseUrl?: string;
}

/**
 * Hosted-UI (classic) sign-in with authorization code + PKCE for a seeded user: `GET /oauth2/authorize` →
 * `GET /login` (form and CSRF cookie; not a charged step) → `POST /login` (one UserAuthentication sign-in step) →
 * `POST /oauth2/token` (code redemption, its own allocation equal to UserAuthentication). The tokens join the
 * session pool. Sample operations: `OAuth2Authorize`, `OAuth2Login`, `OAuth2Token.authorization_code`.
 */
export function hostedUiSignInFlow(options: HostedUiSignInFlowOptions): FlowDefinition {
  return {
    name: options.name ?? 'hosted-ui-sign-in',
    describe: 'Hosted-UI sign-in: authorize, login form, authorization-code redemption with PKCE',
    categories: ['UserAuthentication'],
    async run(ctx) {
      const hctx = ctx as HttpFlowContext;
      const base = oauthBaseUrl(hctx, options.baseUrl);
      if (!base) return false;
      const client = {
        clientId: options.clientId ?? hctx.target.clientId,
        ...((options.clientId ? options.clientSecret : hctx.target.clientSecret) ? { clientSecret: (options.clientId ? options.clientSecret : hctx.target.clientSecret)! } : {}),
      };
      const st = startJourney(hctx);
      const user = hctx.population.pick(hctx.rng);
      st.user = user;
      const pkce = newPkce(hctx.rng);
      const q = new URLSearchParams({
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: options.redirectUri,
        scope: options.scope ?? 'openid email',
        state: Math.floor(hctx.rng() * 1e12).toString(36),
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
      });
      const authorize = await measuredFetch(hctx, st, 'OAuth2Authorize', `${base}/oauth2/authorize?${q}`, { method: 'GET' });
      const loginUrl = authorize.response?.headers.get('location');
      if (authorize.outcome !== 'ok' || !loginUrl) return false;
      const page = await measuredFetch(hctx, st, null, new URL(loginUrl, base).toString(), { method: 'GET' });
      const cookie = page.response?.headers.get('set-cookie')?.split(';')[0];
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
      if (page.outcome !== 'ok' || !cookie || !csrf) return false;
      const login = await measuredFetch(
        hctx,
        st,
        'OAuth2Login',
        new URL(loginUrl, base).toString(),
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          body: new URLSearchParams({ _csrf: csrf, username: user.username, password: user.password }).toString(),
        },
        {
          // The hosted UI answers a failed sign-in by re-rendering the form (HTTP 200): not a success.
          classify: (status, headers) =>
            status === 302 && codeFromRedirect(headers.get('location'), options.redirectUri)
              ? { outcome: 'ok' }
              : status === 429
                ? { outcome: 'throttled', errorType: 'TooManyRequestsException' }
                : status >= 500
                  ? { outcome: 'server_error', errorType: `Http${status}` }
                  : { outcome: 'client_error', errorType: 'NotAuthorizedException' },
        },
      );
      const code = codeFromRedirect(login.response?.headers.get('location'), options.redirectUri);
      if (login.outcome !== 'ok' || !code) return false;
      const ok = await redeemCode(hctx, st, base, client, user, code, options.redirectUri, pkce.verifier);
      finishJourney(hctx, st);
      return ok;
    },
  };
}
