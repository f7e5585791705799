import http from 'node:http';
import https from 'node:https';
import { operationInfo } from '../../cognito/operations.js';
import { InputError } from '../../errors.js';
import type { Sample } from '../../metrics/sample.js';
import type { CallMeta, CallResult, Driver, ResolvedTarget } from '../flow.js';
import { buildSample } from './build-sample.js';
import { classifyErrorType, classifyThrown, type ClassifiedError } from './classify-outcome.js';
import { errorTypeOf, jsonRpcHeaders } from './json-rpc.js';
import { monotonicClockUs } from './monotonic-clock.js';

/** Options of the raw HTTP driver. */
export interface RawDriverOptions {
  readonly target: ResolvedTarget;
  /** Clock in µs since run start (default: monotonic from driver creation). */
  readonly nowUs?: () => number;
  /** Planned in-flight cap; the socket pool is sized above it. */
  readonly inFlightCap?: number;
  /** Socket pool size; default `max(256, inFlightCap + 64)`. */
  readonly maxSockets?: number;
  /** No answer within this many ms → outcome `timeout` (default 10,000 ms). */
  readonly requestTimeoutMs?: number;
  /** Receives every call's Sample (also returned in the CallResult). */
  readonly onSample?: (sample: Sample) => void;
}

/** The Cognito endpoint URL of a target (the regional endpoint for AWS). */
export function endpointOf(target: ResolvedTarget): string {
  return target.endpoint ?? `https://cognito-idp.${target.region}.amazonaws.com/`;
}

/**
 * The raw per-call driver: unsigned AWS JSON 1.1 `POST /` over keep-alive node:http sockets, no SDK, no retries.
 * Open model (the executor decides when each call starts). Only unsigned operations (InitiateAuth, GetUser, SignUp,
 * ...) can be sent: signed (Admin*) operations throw {@link InputError}. For closed-loop saturation of a single
 * operation, use {@link runRawLoad} (autocannon).
 */
export function createRawDriver(options: RawDriverOptions): Driver {
  const nowUs = options.nowUs ?? monotonicClockUs();
  const url = new URL(endpointOf(options.target));
  const secure = url.protocol === 'https:';
  const maxSockets = options.maxSockets ?? Math.max(256, (options.inFlightCap ?? 0) + 64);
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets })
    : new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const request = secure ? https.request : http.request;

  function send(operation: string, payload: Buffer): Promise<{ ok: true; output: Record<string, unknown> } | ({ ok: false } & ClassifiedError)> {
    return new Promise((resolve) => {
      let settled = false;
      const done = (v: Parameters<typeof resolve>[0]): void => {
        if (!settled) {
          settled = true;
          resolve(v);
        }
      };
      const req = request(
        {
          protocol: url.protocol,
          hostname: url.hostname,
          port: url.port || (secure ? 443 : 80),
          path: url.pathname || '/',
          method: 'POST',
          agent,
          headers: jsonRpcHeaders(operation, payload.length),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (err) => done({ ok: false, ...classifyThrown(err) }));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            let body: unknown;
            try {
              const text = Buffer.concat(chunks).toString('utf8');
              body = text.length > 0 ? JSON.parse(text) : {};
            } catch {
              body = undefined;
            }
            const header = res.headers['x-amzn-errortype'];
            const type = errorTypeOf(body, Array.isArray(header) ? header[0] : header);
            if (status >= 200 && status < 300 && type === undefined) {
              if (body && typeof body === 'object') done({ ok: true, output: body as Record<string, unknown> });
              else done({ ok: false, outcome: 'server_error', errorType: 'DeserializationError' });
            } else {
              done({ ok: false, ...classifyErrorType(type, status) });
            }
          });
        },
      );
      req.setTimeout(timeoutMs, () => {
        done({ ok: false, outcome: 'timeout', errorType: 'Timeout' });
        req.destroy();
      });
      req.on('error', (err) => done({ ok: false, ...classifyThrown(err) }));
      req.end(payload);
    });
  }

  return {
    name: 'raw',
    model: 'open',
    async call(operation: string, input: Record<string, unknown>, meta: CallMeta): Promise<CallResult> {
      if (operationInfo(operation).signed) {
        throw new InputError(
          `the raw driver sends only unsigned operations; ${operation} needs SigV4`,
          [],
          'use the sdk driver for Admin* and pool-management operations',
        );
      }
      const payload = Buffer.from(JSON.stringify(input));
      const sentUs = nowUs();
      const answer = await send(operation, payload);
      const endUs = nowUs();
      const result: CallResult = answer.ok
        ? { outcome: 'ok', output: answer.output, sample: buildSample(operation, meta, sentUs, endUs, 'ok') }
        : {
            outcome: answer.outcome,
            errorType: answer.errorType,
            sample: buildSample(operation, meta, sentUs, endUs, answer.outcome, answer.errorType),
          };
      options.onSample?.(result.sample);
      return result;
    },
    async close(): Promise<void> {
      agent.destroy();
    },
  };
}
