import type { Outcome } from '../../metrics/sample.js';
import { classifyErrorType } from '../drivers/classify-outcome.js';
import { errorTypeOf } from '../drivers/json-rpc.js';
import type { FlowDefinition } from '../flow.js';
import { measuredFetch, type HttpFlowContext } from './http-flow-context.js';
import { finishJourney, startJourney, type JourneyState } from './journey-state.js';
import { ensureSession } from './sign-in-steps.js';

/** Options of {@link identityPoolExchangeFlow}. */
export interface IdentityPoolExchangeFlowOptions {
  /** Flow name (default `identity-pool-exchange`). */
  readonly name?: string;
  /** Identity pool (`<region>:<uuid>`) whose CognitoIdentityProviders include the target's user pool. */
  readonly identityPoolId: string;
  /** Cognito Identity endpoint; default the emulator endpoint, or `https://cognito-identity.<region>.amazonaws.com/`. */
  readonly endpoint?: string;
  /**
   * Reuse credentials until 5 minutes before they expire, as the SDKs' credential providers do (default false: every
   * arrival is one credential fetch, e.g. an app start or an expiry). The IdentityId is always cached per user after
   * the first GetId, as the SDKs keep it in local storage.
   */
  readonly cacheCredentials?: boolean;
}

const TARGET_PREFIX = 'AWSCognitoIdentityService';

/**
 * Identity-pool credential exchange after a user-pool sign-in: a live session (or a password sign-in first), then
 * GetId (only for a user seen for the first time by this flow) and GetCredentialsForIdentity with the ID token in
 * `Logins`. Unsigned JSON 1.1 calls to Cognito Identity, measured as operations `GetId` and
 * `GetCredentialsForIdentity` in category `IdentityPool` (their per-operation quotas: 25 and 200 RPS by default).
 */
export function identityPoolExchangeFlow(options: IdentityPoolExchangeFlowOptions): FlowDefinition {
  const identityIds = new Map<string, string>();
  const credentials = new Map<string, number>();
  const call = async (ctx: HttpFlowContext, st: JourneyState, operation: string, body: Record<string, unknown>): Promise<Record<string, unknown> | undefined> => {
    const endpoint = options.endpoint ?? ctx.target.endpoint ?? `https://cognito-identity.${ctx.target.region}.amazonaws.com/`;
    const a = await measuredFetch(
      ctx,
      st,
      operation,
      endpoint,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${TARGET_PREFIX}.${operation}` },
        body: JSON.stringify(body),
      },
      {
        category: 'IdentityPool',
        classify: (status, headers, text): { outcome: Outcome; errorType?: string } => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          const type = errorTypeOf(parsed, headers.get('x-amzn-errortype') ?? undefined);
          if (status >= 200 && status < 300 && type === undefined) return { outcome: 'ok' };
          return classifyErrorType(type, status);
        },
      },
    );
    if (a.outcome !== 'ok') {
      if (a.errorType === 'ResourceNotFoundException' || a.errorType === 'NotAuthorizedException') identityIds.delete(st.user?.username ?? '');
      return undefined;
    }
    return JSON.parse(a.text) as Record<string, unknown>;
  };

  return {
    name: options.name ?? 'identity-pool-exchange',
    describe: 'Identity-pool credential exchange: GetId (cached per user) and GetCredentialsForIdentity with the ID token',
    categories: ['UserAuthentication', 'IdentityPool'],
    async run(ctx) {
      const hctx = ctx as HttpFlowContext;
      const st = startJourney(hctx);
      try {
        if (!(await ensureSession(hctx, st)) || !st.session?.idToken) return false;
        const username = st.session.user.username;
        const logins = { [`cognito-idp.${hctx.target.region}.amazonaws.com/${hctx.target.userPoolId}`]: st.session.idToken };
        const nowMs = Date.now();
        if (options.cacheCredentials && (credentials.get(username) ?? 0) - 300_000 > nowMs) return true;
        let identityId = identityIds.get(username);
        if (!identityId) {
          const got = await call(hctx, st, 'GetId', { IdentityPoolId: options.identityPoolId, Logins: logins });
          if (typeof got?.['IdentityId'] !== 'string') return false;
          identityId = got['IdentityId'];
          identityIds.set(username, identityId);
        }
        const creds = await call(hctx, st, 'GetCredentialsForIdentity', { IdentityId: identityId, Logins: logins });
        const expiration = (creds?.['Credentials'] as Record<string, unknown> | undefined)?.['Expiration'];
        if (typeof expiration !== 'number') return false;
        if (options.cacheCredentials) credentials.set(username, expiration * 1000);
        return true;
      } finally {
        finishJourney(hctx, st);
      }
    },
  };
}
