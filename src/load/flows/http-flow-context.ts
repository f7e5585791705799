import type { QuotaCategory } from '../../cognito/categories.js';
import type { Outcome, Sample } from '../../metrics/sample.js';
import { chargeOf } from '../../emulator/quota/charge.js';
import { buildSample } from '../drivers/build-sample.js';
import { classifyErrorType, classifyThrown } from '../drivers/classify-outcome.js';
import type { LoadFlowContext } from './flow-context.js';
import type { JourneyState } from './journey-state.js';

/**
 * A flow context for the flows that talk HTTP themselves (OAuth endpoints, hosted UI, identity pools) instead of
 * through the Cognito driver. `recordSample` must be the same sink the driver reports to (the run's recorder);
 * without it the calls still run but are not measured.
 */
export interface HttpFlowContext extends LoadFlowContext {
  readonly recordSample?: (sample: Sample) => void;
}

/** Default time limit of one HTTP call, ms. */
export const HTTP_CALL_TIMEOUT_MS = 10_000;

/** One measured HTTP exchange: the response (undefined on a network error or timeout) and its classified outcome. */
export interface MeasuredAnswer {
  readonly response: Response | undefined;
  /** Body text (empty when none was read). */
  readonly text: string;
  readonly outcome: Outcome;
  readonly errorType?: string;
}

/**
 * Classifies an OAuth / hosted-UI answer: 2xx and 3xx are `ok` unless a redirect carries `error=`; throttling is
 * recognised by `x-amzn-ErrorType: TooManyRequestsException`, an `error` of `too_many_requests`, or HTTP 429 (the
 * emulator's documented assumption; AWS does not document it); 5xx are server errors; other 4xx client errors
 * with the OAuth `error` code as the error type.
 */
export function classifyOAuthAnswer(status: number, headers: Headers, text: string): { outcome: Outcome; errorType?: string } {
  const header = headers.get('x-amzn-errortype') ?? undefined;
  if (status >= 200 && status < 400) {
    const location = headers.get('location');
    const err = location ? new URL(location, 'http://x').searchParams.get('error') : null;
    return err ? { outcome: 'client_error', errorType: err } : { outcome: 'ok' };
  }
  let code: string | undefined;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (typeof body['error'] === 'string') code = body['error'];
    else if (typeof body['__type'] === 'string') code = body['__type'];
  } catch {
    code = undefined;
  }
  if (code === 'too_many_requests' || status === 429) return { outcome: 'throttled', errorType: 'TooManyRequestsException' };
  if (header) return classifyErrorType(header, status);
  if (status >= 500) return { outcome: 'server_error', errorType: code ?? `Http${status}` };
  return { outcome: 'client_error', errorType: code ?? `Http${status}` };
}

/**
 * Sends one HTTP request (no redirect following), measures it from the journey's intended start, records the Sample
 * under `operation` (category: given, else the quota module's charge for OAuth pseudo-operations, else the
 * catalogue's), and moves the intended start of the next call.
 * `classify` may override the default classification (e.g. a login page re-rendered with an error).
 */
export async function measuredFetch(
  ctx: HttpFlowContext,
  st: JourneyState,
  operation: string | null,
  url: string,
  init: RequestInit,
  options: { category?: QuotaCategory; classify?: (status: number, headers: Headers, text: string) => { outcome: Outcome; errorType?: string } } = {},
): Promise<MeasuredAnswer> {
  const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(HTTP_CALL_TIMEOUT_MS)]);
  const sentUs = ctx.nowUs();
  let answer: MeasuredAnswer;
  try {
    const response = await fetch(url, { ...init, redirect: 'manual', signal });
    const text = await response.text();
    const c = (options.classify ?? classifyOAuthAnswer)(response.status, response.headers, text);
    answer = { response, text, ...c };
  } catch (e) {
    const c = classifyThrown(e);
    answer = { response: undefined, text: '', outcome: c.outcome, errorType: c.errorType };
  }
  const endUs = ctx.nowUs();
  if (operation !== null) {
    // OAuth pseudo-operations are charged by the quota module's table (the API catalogue does not list them).
    const category = options.category ?? (operation.startsWith('OAuth2') ? chargeOf(operation, {}).category : undefined);
    const meta = { flow: ctx.flow, intendedStartUs: st.nextIntendedUs, ...(category ? { category } : {}) };
    ctx.recordSample?.(buildSample(operation, meta, sentUs, endUs, answer.outcome, answer.errorType));
  }
  st.nextIntendedUs = Math.max(st.nextIntendedUs, endUs);
  return answer;
}

/** `Authorization: Basic` for a client id and secret (both form-encoded first, RFC 6749 2.3.1). */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${enc(clientId)}:${enc(clientSecret)}`).toString('base64')}`;
}

/** The OAuth base URL of a flow: the option, else the emulator endpoint of the target (no trailing slash). */
export function oauthBaseUrl(ctx: LoadFlowContext, option: string | undefined): string | undefined {
  const base = option ?? ctx.target.endpoint;
  return base?.replace(/\/+$/, '');
}
