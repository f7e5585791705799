/**
 * The emulator's request pipeline contract: a pure app that turns an operation request into a response, built from
 * composable layers (hono-style middleware). Order, outermost first: usage metrics (counts every call, including
 * throttled and failed), quota (token buckets, throws TooManyRequestsException), latency model, handler.
 */

/** One parsed AWS JSON 1.1 call, after routing. */
export interface OperationRequest {
  /** Operation name from `X-Amz-Target`, e.g. `InitiateAuth`. */
  readonly operation: string;
  /** Target prefix: `AWSCognitoIdentityProviderService` (user pools) or `AWSCognitoIdentityService` (identity pools). */
  readonly service: string;
  /** Parsed JSON body (always an object). */
  readonly body: Record<string, unknown>;
  readonly requestId: string;
  /** Emulator clock at arrival, ms. */
  readonly receivedAtMs: number;
  /** Pool resolved from `UserPoolId`, `ClientId` or a token in the body; null when none or unknown. */
  readonly userPoolId: string | null;
  /** Key of the user the call acts on (`<poolId>/<internal username>`), for per-user limits; null when unknown. */
  readonly userKey: string | null;
}

/** A response before HTTP encoding. */
export interface OperationResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Handles one request (the innermost handler or the rest of the pipeline). */
export type OperationHandler = (req: OperationRequest) => Promise<OperationResponse>;

/** A composable pipeline layer. It may throw `CognitoServiceError` to answer with an error. */
export type Layer = (req: OperationRequest, next: OperationHandler) => Promise<OperationResponse>;

/** Composes layers around a handler, first layer outermost. */
export function compose(layers: readonly Layer[], handler: OperationHandler): OperationHandler {
  return layers.reduceRight<OperationHandler>((next, layer) => (req) => layer(req, next), handler);
}

/** Lambda triggers a pool can configure (names as in the pool's `LambdaConfig`). */
export type TriggerName =
  | 'PreSignUp'
  | 'PostConfirmation'
  | 'PreAuthentication'
  | 'PostAuthentication'
  | 'PreTokenGeneration'
  | 'CustomMessage'
  | 'DefineAuthChallenge'
  | 'CreateAuthChallenge'
  | 'VerifyAuthChallengeResponse'
  | 'UserMigration';

/**
 * Invokes a simulated Lambda trigger: waits its simulated latency (never blocking the event loop) and throws
 * `CognitoServiceError` (UserLambdaValidationException, UnexpectedLambdaException) on a simulated failure or timeout.
 * Handlers call it only for triggers the pool has configured in `LambdaConfig`.
 */
export interface TriggerInvoker {
  invoke(trigger: TriggerName, userPoolId: string, operation: string): Promise<void>;
}
