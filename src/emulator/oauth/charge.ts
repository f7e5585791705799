import { randomUUID } from 'node:crypto';
import { CognitoServiceError } from '../../cognito/service-error.js';
import type { HttpRequest, HttpResponse } from '../http-route.js';
import { compose, type Layer, type OperationHandler, type OperationRequest, type OperationResponse } from '../layer.js';
import { OAuthError, throttledOAuthResponse } from './oauth-error.js';
import type { OAuthOperation } from './oauth-operations.js';

/** Runs a request through the emulator's layers (usage, quota, latency) around `handler`. */
export type Pipeline = (req: OperationRequest, handler: OperationHandler) => Promise<OperationResponse>;

/** A pipeline made of layers, outermost first (the same layers the JSON 1.1 dispatcher uses). */
export function pipelineOf(layers: readonly Layer[]): Pipeline {
  return (req, handler) => compose(layers, handler)(req);
}

/** A pipeline that charges nothing (tests, or an app without layers). */
export const NO_LAYERS: Pipeline = (req, handler) => handler(req);

/** What the route knows about the call when it charges it. */
export interface ChargeTarget {
  readonly userPoolId: string | null;
  readonly userKey?: string | null;
  /** Non-secret fields for usage metrics (e.g. `{ ClientId }`); never passwords, secrets or tokens. */
  readonly body?: Record<string, unknown>;
}

/** Options of {@link chargedRoute}. */
export interface ChargeOptions {
  /** HTTP status of a throttled answer (default 429; an assumption, see `throttledOAuthResponse`). */
  readonly throttleStatus?: number;
}

const SERVICE = 'AWSCognitoIdentityProviderService';

/**
 * Runs `work` (which builds the HTTP answer, or throws OAuthError) as the innermost handler of `pipeline`, under the pseudo-operation
 * `operation`, so the usage, quota and latency layers see the call. A TooManyRequestsException from a layer becomes
 * the throttled OAuth answer; other CognitoServiceErrors from layers become `{"error":"invalid_request"}` with their
 * status (5xx stays 5xx).
 */
export async function charge(
  pipeline: Pipeline,
  operation: OAuthOperation,
  http: HttpRequest,
  target: ChargeTarget,
  work: () => Promise<HttpResponse>,
  options: ChargeOptions = {},
): Promise<HttpResponse> {
  let answer: HttpResponse | undefined;
  const req: OperationRequest = {
    operation,
    service: SERVICE,
    body: target.body ?? {},
    requestId: randomUUID(),
    receivedAtMs: http.receivedAtMs,
    userPoolId: target.userPoolId,
    userKey: target.userKey ?? null,
  };
  try {
    await pipeline(req, async () => {
      try {
        answer = await work();
      } catch (e) {
        if (!(e instanceof OAuthError)) throw e;
        answer = e.toResponse();
      }
      return { status: answer.status, body: null };
    });
  } catch (e) {
    if (!(e instanceof CognitoServiceError)) throw e;
    if (e.type === 'TooManyRequestsException' || e.type === 'LimitExceededException') {
      return throttledOAuthResponse(options.throttleStatus);
    }
    return {
      status: e.status,
      headers: { 'content-type': 'application/json;charset=UTF-8', 'x-amzn-errortype': `${e.type}:` },
      body: { error: e.status >= 500 ? 'server_error' : 'invalid_request', error_description: e.message },
    };
  }
  return answer ?? { status: 500, body: { error: 'server_error' } };
}
