import type { FlowDefinition } from '../flow.js';
import { measuredFetch, oauthBaseUrl, type HttpFlowContext } from './http-flow-context.js';
import { finishJourney, startJourney } from './journey-state.js';
import { codeFromRedirect, redeemCode } from './oauth-token-steps.js';

/** Options of {@link federatedSignInFlow}. */
export interface FederatedSignInFlowOptions {
  /** Flow name (default `federated-sign-in`). */
  readonly name?: string;
  /** Identity provider name in the pool (e.g. the emulator's test IdP registered as `TestIdP`). */
  readonly identityProvider: string;
  /** App client with the `code` flow and the provider among its identity providers (default: the target's client). */
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly redirectUri: string;
  /** Scopes to request (default `openid email`). */
  readonly scope?: string;
  /** OAuth base URL: the pool's domain; default the emulator. */
  readonly baseUrl?: string;
  /**
   * Distinct federated users to spread sign-ins over: each arrival sends `login_hint=fed-user-<n>`, n uniform in
   * [0, userSpace) (default 1,000), so early sign-ins create users and later ones are returning users. The emulator's
   * test IdP signs in the hinted user; a real IdP ignores the hint (its own login page is not automated).
   */
  readonly userSpace?: number;
}

/**
 * Federated sign-in through an OIDC provider: `GET /oauth2/authorize?identity_provider=X` → the IdP's authorize
 * endpoint (not Cognito: not recorded as a Cognito call) → `GET /oauth2/idpresponse` (charged to UserFederation) →
 * `POST /oauth2/token` with the code. Sample operations: `OAuth2Authorize`, `OAuth2IdpResponse`,
 * `OAuth2Token.authorization_code`. The tokens join the session pool (user `<provider>_<hint>`).
 */
export function federatedSignInFlow(options: FederatedSignInFlowOptions): FlowDefinition {
  const userSpace = Math.max(1, Math.floor(options.userSpace ?? 1000));
  return {
    name: options.name ?? 'federated-sign-in',
    describe: `Federated sign-in through ${options.identityProvider} (authorize, IdP, idpresponse, code redemption)`,
    categories: ['UserFederation', 'UserAuthentication'],
    async run(ctx) {
      const hctx = ctx as HttpFlowContext;
      const base = oauthBaseUrl(hctx, options.baseUrl);
      if (!base) return false;
      const secret = options.clientId ? options.clientSecret : hctx.target.clientSecret;
      const client = { clientId: options.clientId ?? hctx.target.clientId, ...(secret ? { clientSecret: secret } : {}) };
      const st = startJourney(hctx);
      const hint = `fed-user-${Math.floor(hctx.rng() * userSpace)}`;
      const q = new URLSearchParams({
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: options.redirectUri,
        scope: options.scope ?? 'openid email',
        identity_provider: options.identityProvider,
        login_hint: hint,
        state: Math.floor(hctx.rng() * 1e12).toString(36),
      });
      const authorize = await measuredFetch(hctx, st, 'OAuth2Authorize', `${base}/oauth2/authorize?${q}`, { method: 'GET' });
      const idpUrl = authorize.response?.headers.get('location');
      if (authorize.outcome !== 'ok' || !idpUrl) return false;
      const idp = await measuredFetch(hctx, st, null, idpUrl, { method: 'GET' });
      const back = idp.response?.headers.get('location');
      if (idp.outcome !== 'ok' || !back) return false;
      const response = await measuredFetch(hctx, st, 'OAuth2IdpResponse', new URL(back, base).toString(), { method: 'GET' });
      const code = codeFromRedirect(response.response?.headers.get('location'), options.redirectUri);
      if (response.outcome !== 'ok' || !code) return false;
      const user = { username: `${options.identityProvider}_${hint}`, password: '' };
      const ok = await redeemCode(hctx, st, base, client, user, code, options.redirectUri);
      finishJourney(hctx, st);
      return ok;
    },
  };
}
