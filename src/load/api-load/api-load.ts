import autocannon from 'autocannon';
import { InputError } from '../../errors.js';
import { createLatencyHistogram, recordLatencyUs, summarizeHistogram, type LatencySummary } from '../../metrics/histogram.js';

/** Options of {@link runApiLoad}. */
export interface ApiLoadOptions {
  /** The protected API endpoint, e.g. `https://api.example.com/orders`. */
  readonly url: string;
  /** HTTP method (default `GET`). */
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** Request body (sent as is), with `content-type` from `headers` (default `application/json` when a body is given). */
  readonly body?: string;
  /** Extra request headers (never an `authorization` header: the token pool provides it). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Bearer tokens sent in turn (round robin over every request); at least one. Held in memory only. */
  readonly tokens: readonly string[];
  /** Concurrent connections (default 10). */
  readonly connections?: number;
  /** Run length, seconds (default 10) ... */
  readonly durationSec?: number;
  /** ... or a total number of requests (takes precedence). */
  readonly amount?: number;
  /** Overall request rate cap, requests/s (default none: closed loop, as fast as the API answers). */
  readonly ratePerSec?: number;
  /** Per-request timeout, seconds (default 10). */
  readonly timeoutSec?: number;
  /** Stops the load early. */
  readonly signal?: AbortSignal;
}

/** What an API load measured (no token appears in it). */
export interface ApiLoadResult {
  /** `closed` (each connection waits for its answer) or `rate-capped` (closed loop with an overall rate cap). */
  readonly model: 'closed' | 'rate-capped';
  /** Requests answered or failed. */
  readonly requests: number;
  /** From the first answer's send to the last answer, ms. */
  readonly durationMs: number;
  readonly ratePerSec: number;
  /** Answers per HTTP status, e.g. `{ "200": 950, "401": 10, "429": 40 }`. */
  readonly statusCounts: Readonly<Record<string, number>>;
  /** 2xx answers. */
  readonly ok: number;
  /** 401 answers (token rejected: expired, revoked, bad signature). */
  readonly unauthorized: number;
  /** 403 answers (token valid, access denied: scopes, groups). */
  readonly forbidden: number;
  /** 429 answers (the API's own throttling). */
  readonly throttled: number;
  /** Other 4xx/5xx answers. */
  readonly otherErrors: number;
  /** Requests without an answer in time. */
  readonly timeouts: number;
  /** Connection errors. */
  readonly networkErrors: number;
  /** Distinct tokens used. */
  readonly tokens: number;
  /** Response time (autocannon's, from send to answer) of answered requests. */
  readonly latency: LatencySummary;
}

/** Tallies answers by status (pure; fed by the load's events). */
export class ApiLoadTally {
  readonly statusCounts = new Map<number, number>();
  timeouts = 0;
  networkErrors = 0;
  readonly latency = createLatencyHistogram();

  /** One answered request. */
  answer(status: number, latencyUs: number): void {
    this.statusCounts.set(status, (this.statusCounts.get(status) ?? 0) + 1);
    recordLatencyUs(this.latency, latencyUs);
  }

  /** One request without an answer. */
  failure(timedOut: boolean): void {
    if (timedOut) this.timeouts += 1;
    else this.networkErrors += 1;
  }

  /** The result figures. */
  result(model: ApiLoadResult['model'], durationMs: number, tokens: number): ApiLoadResult {
    const count = (pred: (s: number) => boolean): number => [...this.statusCounts].reduce((n, [s, c]) => (pred(s) ? n + c : n), 0);
    const answered = count(() => true);
    const requests = answered + this.timeouts + this.networkErrors;
    return {
      model,
      requests,
      durationMs,
      ratePerSec: durationMs > 0 ? (requests * 1000) / durationMs : 0,
      statusCounts: Object.fromEntries([...this.statusCounts].sort(([a], [b]) => a - b).map(([s, c]) => [String(s), c])),
      ok: count((s) => s >= 200 && s < 300),
      unauthorized: count((s) => s === 401),
      forbidden: count((s) => s === 403),
      throttled: count((s) => s === 429),
      otherErrors: count((s) => s >= 400 && s !== 401 && s !== 403 && s !== 429),
      timeouts: this.timeouts,
      networkErrors: this.networkErrors,
      tokens,
      latency: summarizeHistogram(this.latency),
    };
  }
}

/** Round-robin over the token pool: the `Authorization` header of the next request. */
export function tokenRotation(tokens: readonly string[]): () => string {
  let i = 0;
  return () => {
    const t = tokens[i % tokens.length]!;
    i += 1;
    return `Bearer ${t}`;
  };
}

/**
 * Drives a protected HTTP API with real user-pool tokens at high rates (autocannon, closed loop, optionally capped by
 * an overall rate): every request carries `Authorization: Bearer <token>`, the tokens taken in turn from the pool
 * (autocannon `setupRequest`), and the answers are tallied by status (2xx, 401, 403, 429, others) with their
 * latency. Tokens never appear in the result.
 */
export async function runApiLoad(options: ApiLoadOptions): Promise<ApiLoadResult> {
  if (options.tokens.length === 0) throw new InputError('api load needs at least one token');
  if (Object.keys(options.headers ?? {}).some((h) => h.toLowerCase() === 'authorization')) {
    throw new InputError('api load sets the authorization header itself (from the token pool)', [{ path: '--header', message: 'remove the authorization header' }]);
  }
  const url = new URL(options.url);
  const next = tokenRotation(options.tokens);
  const timeoutSec = options.timeoutSec ?? 10;
  const tally = new ApiLoadTally();
  const headers: Record<string, string> = {
    ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...options.headers,
  };
  let firstSentMs = Number.POSITIVE_INFINITY;
  let lastEndMs = Number.NEGATIVE_INFINITY;
  const mark = (latencyMs: number): void => {
    const end = performance.now();
    firstSentMs = Math.min(firstSentMs, end - latencyMs);
    lastEndMs = Math.max(lastEndMs, end);
  };

  let finish: (err: unknown) => void = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    finish = (err) => (err ? reject(err) : resolve());
  });
  const instance = autocannon(
    {
      url: url.origin,
      connections: options.connections ?? 10,
      ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationSec ?? 10 }),
      ...(options.ratePerSec !== undefined ? { overallRate: options.ratePerSec } : {}),
      timeout: timeoutSec,
      requests: [
        {
          method: options.method ?? 'GET',
          path: `${url.pathname}${url.search}`,
          headers,
          ...(options.body !== undefined ? { body: options.body } : {}),
          setupRequest: (req: Record<string, unknown>) => ({ ...req, headers: { ...(req['headers'] as object), authorization: next() } }),
        },
      ] as unknown as autocannon.Request[],
    },
    (err) => finish(err),
  );
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTimeMs: number) => {
    tally.answer(status, Math.max(0, Math.round(responseTimeMs * 1000)));
    mark(responseTimeMs);
  });
  instance.on('reqError', (err: { message?: string }) => {
    tally.failure(/timed out/i.test(err?.message ?? ''));
    mark(0);
  });
  const onAbort = (): void => instance.stop();
  if (options.signal?.aborted) instance.stop();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await finished;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  const durationMs = lastEndMs > firstSentMs ? lastEndMs - firstSentMs : 0;
  return tally.result(options.ratePerSec !== undefined ? 'rate-capped' : 'closed', durationMs, new Set(options.tokens).size);
}
