import type { FlowDefinition } from '../flow.js';
import { oauthBaseUrl, type HttpFlowContext } from './http-flow-context.js';
import { startJourney } from './journey-state.js';
import { tokenRequest } from './oauth-token-steps.js';

/** Options of {@link clientCredentialsFlow}. */
export interface ClientCredentialsFlowOptions {
  /** Flow name (default `client-credentials`). */
  readonly name?: string;
  /** The machine-to-machine app client (needs a secret and the `client_credentials` OAuth flow). */
  readonly clientId: string;
  readonly clientSecret: string;
  /** Space-separated custom scopes to request (default: every scope the client may use). */
  readonly scope?: string;
  /** OAuth base URL: the pool's domain (`https://<prefix>.auth.<region>.amazoncognito.com`); default the emulator. */
  readonly baseUrl?: string;
  /** Client authentication: HTTP Basic (default) or `client_id`/`client_secret` in the body. */
  readonly auth?: 'basic' | 'body';
}

/**
 * Machine-to-machine token request: one `POST /oauth2/token` `grant_type=client_credentials` per arrival, charged to
 * ClientAuthentication (150 RPS, not adjustable). Real M2M clients cache the token until it expires: model that with
 * the arrival rate (token requests per second), not with extra calls. Sample operation `OAuth2Token.client_credentials`.
 */
export function clientCredentialsFlow(options: ClientCredentialsFlowOptions): FlowDefinition {
  return {
    name: options.name ?? 'client-credentials',
    describe: 'Machine-to-machine client_credentials token request (POST /oauth2/token)',
    categories: ['ClientAuthentication'],
    async run(ctx) {
      const hctx = ctx as HttpFlowContext;
      const base = oauthBaseUrl(hctx, options.baseUrl);
      if (!base) return false;
      const st = startJourney(hctx);
      const form: Record<string, string> = { grant_type: 'client_credentials', ...(options.scope ? { scope: options.scope } : {}) };
      const client =
        options.auth === 'body'
          ? { clientId: options.clientId }
          : { clientId: options.clientId, clientSecret: options.clientSecret };
      if (options.auth === 'body') Object.assign(form, { client_secret: options.clientSecret });
      const tokens = await tokenRequest(hctx, st, base, client, 'OAuth2Token.client_credentials', form);
      return typeof tokens?.['access_token'] === 'string';
    },
  };
}
