import type { Outcome } from '../../metrics/sample.js';

/**
 * Outcome classification by error type, never by HTTP status (reference cognito.md section 4: Cognito answers
 * throttles with HTTP 400 on the wire although the model says 429).
 */

/** A classified non-ok answer. */
export interface ClassifiedError {
  readonly outcome: Exclude<Outcome, 'ok'>;
  /** Error type (`__type` cut at `:` and after `#`), or `Timeout` / `NetworkError` / `UnknownError`. */
  readonly errorType: string;
}

/** Error types that mean "you were throttled" (TooManyRequestsException; LimitExceededException for per-user limits). */
export const THROTTLE_ERROR_TYPES: ReadonlySet<string> = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'ThrottlingException',
]);

/** Error types that are server faults whatever the HTTP status. */
export const SERVER_ERROR_TYPES: ReadonlySet<string> = new Set(['InternalErrorException', 'InternalFailure', 'ServiceUnavailable']);

/** Socket-level error codes: the call got no answer (counted as `timeout`, error type `NetworkError`). */
export const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/** Timeout error names and codes (no answer within the request timeout). */
const TIMEOUT_MARKERS: ReadonlySet<string> = new Set([
  'TimeoutError',
  'RequestTimeout',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * Normalises a raw error type as clients read it: cut at `:` (header form `Type:`), keep what follows `#`
 * (`aws.protocoltests#Type`). Returns undefined for empty input.
 */
export function normaliseErrorType(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  let t = raw.split(':')[0]!.trim();
  const hash = t.lastIndexOf('#');
  if (hash >= 0) t = t.slice(hash + 1);
  return t.length > 0 ? t : undefined;
}

/**
 * Classifies a service answer that carried an error type (from `__type`, `code` or `x-amzn-ErrorType`).
 * `status` (HTTP) is consulted only when the type is unknown to us: 5xx → server_error, else client_error.
 */
export function classifyErrorType(errorType: string | undefined, status: number | undefined): ClassifiedError {
  const type = normaliseErrorType(errorType);
  if (type && THROTTLE_ERROR_TYPES.has(type)) return { outcome: 'throttled', errorType: type };
  if (type && SERVER_ERROR_TYPES.has(type)) return { outcome: 'server_error', errorType: type };
  if (type && TIMEOUT_MARKERS.has(type)) return { outcome: 'timeout', errorType: 'Timeout' };
  if (status !== undefined && status >= 500) return { outcome: 'server_error', errorType: type ?? `Http${status}` };
  return { outcome: 'client_error', errorType: type ?? (status !== undefined ? `Http${status}` : 'UnknownError') };
}

/** The parts of a thrown error the classifier reads (AWS SDK v3 ServiceException, Node system errors). */
interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
  readonly $response?: { readonly statusCode?: unknown };
  readonly cause?: unknown;
}

/**
 * Classifies an exception thrown by a transport (AWS SDK v3 client or a socket):
 * - service errors (`$metadata` present): by error type (`name`), see {@link classifyErrorType};
 * - timeouts (`TimeoutError`, `ETIMEDOUT`, ...): `timeout` / `Timeout`;
 * - socket errors (`ECONNREFUSED`, `ECONNRESET`, `socket hang up`, ...): `timeout` / `NetworkError`;
 * - an SDK error carrying a 2xx status (an unparseable answer): `server_error`;
 * - anything else (a local failure such as a serialisation error): `client_error` with the error's name.
 */
export function classifyThrown(err: unknown): ClassifiedError {
  const e = (err ?? {}) as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' ? e.message : '';
  if ((name && TIMEOUT_MARKERS.has(name)) || (code && TIMEOUT_MARKERS.has(code))) {
    return { outcome: 'timeout', errorType: 'Timeout' };
  }
  if (name === 'AbortError') return { outcome: 'timeout', errorType: 'Aborted' };
  if ((code && NETWORK_ERROR_CODES.has(code)) || /socket hang up/i.test(message)) {
    return { outcome: 'timeout', errorType: 'NetworkError' };
  }
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const statusNum = typeof status === 'number' ? status : undefined;
  if (e.$metadata !== undefined || e.$fault !== undefined) {
    // SDK deserialisation failures of a 2xx answer surface with the status but a generic name.
    if (statusNum !== undefined && statusNum < 300) return { outcome: 'server_error', errorType: name ?? 'DeserializationError' };
    const type = name === 'UnknownError' || name === 'Error' ? code : name;
    return classifyErrorType(type, statusNum);
  }
  if (e.cause && e.cause !== err) {
    const inner = classifyThrown(e.cause);
    if (inner.outcome === 'timeout') return inner;
  }
  return { outcome: 'client_error', errorType: name && name !== 'Error' ? name : 'UnknownError' };
}
