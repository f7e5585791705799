import autocannon from 'autocannon';
import { InputError } from '../../errors.js';
import { categoryOf, operationInfo } from '../../cognito/operations.js';
import { OUTCOMES, type Outcome, type Sample } from '../../metrics/sample.js';
import { classifyErrorType, type ClassifiedError } from './classify-outcome.js';
import { errorTypeOf, jsonRpcHeaders } from './json-rpc.js';
import { monotonicClockUs } from './monotonic-clock.js';

/** Options of a closed-loop raw load (autocannon) against one unsigned operation. */
export interface RawLoadOptions {
  /** Endpoint URL, e.g. `http://127.0.0.1:9229/`. */
  readonly url: string;
  /** Unsigned Cognito operation, e.g. `InitiateAuth` or `GetUser`. */
  readonly operation: string;
  /** Request body (JSON), or several bodies sent in turn on each connection. */
  readonly body?: Record<string, unknown>;
  readonly bodies?: readonly Record<string, unknown>[];
  /** Concurrent connections, each with one request in flight (closed loop). Default 10. */
  readonly connections?: number;
  /** Run length in seconds (default 10) ... */
  readonly durationSec?: number;
  /** ... or a total number of requests (takes precedence). */
  readonly amount?: number;
  /** Per-request timeout in seconds (default 10). */
  readonly timeoutSec?: number;
  /** Flow label of the samples (default `raw:<operation>`). */
  readonly flow?: string;
  /** Clock in µs since run start (default: monotonic from the call). */
  readonly nowUs?: () => number;
  /** Receives one Sample per answered or failed request (feed it to the recorder). */
  readonly onSample?: (sample: Sample) => void;
  /** Stops the load early. */
  readonly signal?: AbortSignal;
}

/** Totals of a raw load. */
export interface RawLoadResult {
  /** Always `closed`: a connection sends its next request only after the previous answer. */
  readonly model: 'closed';
  readonly operation: string;
  /** Requests answered or failed. */
  readonly requests: number;
  readonly counts: Readonly<Record<Outcome, number>>;
  /** From the first send to the last answer, ms. */
  readonly durationMs: number;
  /** Achieved request rate, requests per second. */
  readonly ratePerSec: number;
}

/**
 * Drives one unsigned operation as fast as `connections` closed loops allow (autocannon), for saturation tests at
 * rates the SDK driver cannot reach. Closed model: the generator waits for each answer, so the target's slowness
 * lowers the offered rate (results are labelled `closed`); samples have `intendedStartUs = sentUs` (no
 * coordinated-omission correction). Outcomes are classified by error type from each answer body.
 */
export async function runRawLoad(options: RawLoadOptions): Promise<RawLoadResult> {
  const { operation } = options;
  if (operationInfo(operation).signed) {
    throw new InputError(`raw load sends only unsigned operations; ${operation} needs SigV4`, [], 'use the sdk driver');
  }
  const bodies = options.bodies ?? (options.body ? [options.body] : []);
  if (bodies.length === 0) throw new InputError('raw load needs a body or bodies');
  const nowUs = options.nowUs ?? monotonicClockUs();
  const flow = options.flow ?? `raw:${operation}`;
  const category = categoryOf(operation);
  const counts: Record<Outcome, number> = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const timeoutSec = options.timeoutSec ?? 10;
  let pending: ClassifiedError | null = null;
  const path = new URL(options.url).pathname || '/';

  let firstSentUs = Number.POSITIVE_INFINITY;
  let lastEndUs = Number.NEGATIVE_INFINITY;
  const record = (outcome: Outcome, errorType: string | undefined, latencyUs: number): void => {
    counts[outcome] += 1;
    const endUs = nowUs();
    const sentUs = endUs - latencyUs;
    if (sentUs < firstSentUs) firstSentUs = sentUs;
    if (endUs > lastEndUs) lastEndUs = endUs;
    if (!options.onSample) return;
    options.onSample({
      operation,
      category,
      flow,
      outcome,
      ...(errorType !== undefined ? { errorType } : {}),
      intendedStartUs: sentUs,
      sentUs,
      latencyUs,
      serviceTimeUs: latencyUs,
    });
  };

  const requests = bodies.map((b) => {
    const payload = JSON.stringify(b);
    // autocannon adds Content-Length itself (a second one makes the request malformed).
    const { 'content-length': _length, ...headers } = jsonRpcHeaders(operation, Buffer.byteLength(payload));
    return {
      method: 'POST' as const,
      path,
      headers,
      body: payload,
      onResponse: (status: number, body: string, _ctx: object, hdrs: Record<string, unknown> | undefined): void => {
        let parsed: unknown;
        try {
          parsed = body ? JSON.parse(body) : {};
        } catch {
          parsed = undefined;
        }
        const header = hdrs?.['x-amzn-errortype'];
        const type = errorTypeOf(parsed, typeof header === 'string' ? header : undefined);
        if (status >= 200 && status < 300 && type === undefined) {
          pending = parsed && typeof parsed === 'object' ? null : { outcome: 'server_error', errorType: 'DeserializationError' };
        } else {
          pending = classifyErrorType(type, status);
        }
      },
    };
  });

  let finish: (err: unknown) => void = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    finish = (err) => (err ? reject(err) : resolve());
  });
  const instance = autocannon({
    url: options.url,
    connections: options.connections ?? 10,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationSec ?? 10 }),
    timeout: timeoutSec,
    requests: requests as unknown as autocannon.Request[],
  }, (err) => finish(err));
  // autocannon calls the request's onResponse synchronously just before emitting 'response' for the same answer.
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTimeMs: number) => {
    const c = pending;
    pending = null;
    record(c ? c.outcome : 'ok', c?.errorType, Math.max(0, Math.round(responseTimeMs * 1000)));
  });
  instance.on('reqError', (err: { message?: string }) => {
    const timedOut = /timed out/i.test(err?.message ?? '');
    record('timeout', timedOut ? 'Timeout' : 'NetworkError', timedOut ? timeoutSec * 1_000_000 : 0);
  });
  const onAbort = (): void => instance.stop();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await finished;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  // From the first send to the last answer (autocannon's own wind-down is not part of the load).
  const durationMs = lastEndUs > firstSentUs ? (lastEndUs - firstSentUs) / 1000 : 0;
  const total = OUTCOMES.reduce((s, o) => s + counts[o], 0);
  return {
    model: 'closed',
    operation,
    requests: total,
    counts,
    durationMs,
    ratePerSec: durationMs > 0 ? (total * 1000) / durationMs : 0,
  };
}
