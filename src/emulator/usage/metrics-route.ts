import type { HttpResponse, HttpRoute } from '../http-route.js';
import type { CategoryBudget } from '../quota/quota-limiter.js';
import type { TriggerStats } from '../triggers/simulated-triggers.js';
import { PROMETHEUS_CONTENT_TYPE, renderPrometheus, type PromFamily } from './prometheus-text.js';
import type { PoolUsage, UsageRecorder, UsageSnapshot } from './usage-recorder.js';

/** Path of the metrics endpoint. */
export const METRICS_PATH = '/_cogcap/metrics';
/** Path of the reset endpoint. */
export const METRICS_RESET_PATH = '/_cogcap/metrics/reset';

/** What the metrics endpoint reports. */
export interface MetricsSources {
  readonly usage: UsageRecorder;
  readonly now: () => number;
  /** Category budgets (enforced rates), when a quota limiter is present. */
  readonly budgets?: (nowMs: number) => CategoryBudget[];
  /** Simulated trigger counters, when triggers are simulated. */
  readonly triggers?: { snapshot(): Record<string, TriggerStats>; reset(): void };
}

/** JSON body of `GET /_cogcap/metrics`. */
export interface MetricsDocument extends UsageSnapshot {
  /** Enforced rate per category, requests/s (-1 = unlimited), and tokens left. */
  readonly quotas?: Record<string, { ratePerSec: number; accountMaxPerSec: number; availableTokens: number }>;
  readonly triggers?: Record<string, TriggerStats>;
}

const finite = (v: number): number => (Number.isFinite(v) ? v : -1);

/** The JSON document. */
export function metricsDocument(s: MetricsSources): MetricsDocument {
  const nowMs = s.now();
  const doc: MetricsDocument = { ...s.usage.snapshot(nowMs) };
  const quotas = s.budgets
    ? Object.fromEntries(
        s.budgets(nowMs).map((b) => [b.category, { ratePerSec: finite(b.ratePerSec), accountMaxPerSec: finite(b.accountMaxPerSec), availableTokens: finite(b.availableTokens) }]),
      )
    : undefined;
  return { ...doc, ...(quotas ? { quotas } : {}), ...(s.triggers ? { triggers: s.triggers.snapshot() } : {}) };
}

const POOL_FAMILIES: readonly [keyof PoolUsage, string, string][] = [
  ['SignInSuccesses', 'cogcap_pool_sign_in_successes_total', 'Sign-ins that issued tokens (AWS/Cognito SignInSuccesses Sum).'],
  ['SignInAttempts', 'cogcap_pool_sign_in_attempts_total', 'Sign-ins that ended with tokens or an error (SignInSuccesses SampleCount).'],
  ['SignInThrottles', 'cogcap_pool_sign_in_throttles_total', 'Throttled sign-in calls (AWS/Cognito SignInThrottles).'],
  ['TokenRefreshSuccesses', 'cogcap_pool_token_refresh_successes_total', 'Refreshes that issued tokens (AWS/Cognito TokenRefreshSuccesses Sum).'],
  ['TokenRefreshAttempts', 'cogcap_pool_token_refresh_attempts_total', 'Refresh attempts (TokenRefreshSuccesses SampleCount).'],
  ['TokenRefreshThrottles', 'cogcap_pool_token_refresh_throttles_total', 'Throttled refresh calls (AWS/Cognito TokenRefreshThrottles).'],
  ['SignUpSuccesses', 'cogcap_pool_sign_up_successes_total', 'Successful registrations (AWS/Cognito SignUpSuccesses Sum).'],
  ['SignUpAttempts', 'cogcap_pool_sign_up_attempts_total', 'Registration attempts (SignUpSuccesses SampleCount).'],
  ['SignUpThrottles', 'cogcap_pool_sign_up_throttles_total', 'Throttled registration calls (AWS/Cognito SignUpThrottles).'],
];

/** The Prometheus families of a metrics document. */
export function prometheusFamilies(doc: MetricsDocument): PromFamily[] {
  const cats = Object.entries(doc.categories);
  const pools = Object.entries(doc.pools);
  const families: PromFamily[] = [
    {
      name: 'cogcap_usage_calls_total',
      help: 'Calls per quota category as AWS/Usage CallCount counts them (succeeded, failed and throttled).',
      type: 'counter',
      samples: cats.map(([category, u]) => ({ labels: { category }, value: u?.callCount ?? 0 })),
    },
    {
      name: 'cogcap_usage_throttles_total',
      help: 'Throttled calls per quota category (AWS/Usage ThrottleCount).',
      type: 'counter',
      samples: cats.map(([category, u]) => ({ labels: { category }, value: u?.throttleCount ?? 0 })),
    },
    {
      name: 'cogcap_identity_pool_calls_total',
      help: 'Identity-pool calls per operation (AWS/Usage CallCount of CognitoIdentity; per-operation quotas).',
      type: 'counter',
      samples: Object.entries(doc.identityPoolOperations ?? {}).map(([operation, c]) => ({ labels: { operation }, value: c.callCount })),
    },
    {
      name: 'cogcap_identity_pool_throttles_total',
      help: 'Throttled identity-pool calls per operation.',
      type: 'counter',
      samples: Object.entries(doc.identityPoolOperations ?? {}).map(([operation, c]) => ({ labels: { operation }, value: c.throttleCount })),
    },
    ...POOL_FAMILIES.map(([key, name, help]): PromFamily => ({
      name,
      help,
      type: 'counter',
      samples: pools.map(([userPool, p]) => ({ labels: { user_pool: userPool }, value: p[key] })),
    })),
  ];
  if (doc.quotas) {
    const q = Object.entries(doc.quotas);
    families.push({
      name: 'cogcap_quota_rate_per_second',
      help: 'Enforced (provisioned) request rate per category, requests per second (+Inf = unlimited).',
      type: 'gauge',
      samples: q.map(([category, v]) => ({ labels: { category }, value: v.ratePerSec < 0 ? Number.POSITIVE_INFINITY : v.ratePerSec })),
    });
  }
  if (doc.triggers) {
    const t = Object.entries(doc.triggers);
    const fam = (name: string, help: string, key: keyof TriggerStats): PromFamily => ({
      name,
      help,
      type: 'counter',
      samples: t.map(([trigger, s]) => ({ labels: { trigger }, value: s[key] })),
    });
    families.push(
      fam('cogcap_trigger_invocations_total', 'Simulated Lambda trigger invocations.', 'invocations'),
      fam('cogcap_trigger_timeouts_total', 'Simulated trigger attempts that hit the 5 s timeout.', 'timeouts'),
      fam('cogcap_trigger_errors_total', 'Simulated trigger function errors (UserLambdaValidationException).', 'functionErrors'),
      fam('cogcap_trigger_invoke_errors_total', 'Simulated trigger invocation errors (UnexpectedLambdaException).', 'invokeErrors'),
    );
  }
  families.push({ name: 'cogcap_usage_since_seconds', help: 'Start of the recording (creation or last reset), Unix seconds.', type: 'gauge', samples: [{ labels: {}, value: doc.sinceMs / 1000 }] });
  return families;
}

/**
 * The metrics routes: `GET /_cogcap/metrics` (JSON, {@link MetricsDocument}), `GET /_cogcap/metrics?format=prometheus`
 * (Prometheus text format) and `POST /_cogcap/metrics/reset` (clears usage and trigger counters; answers
 * `{"reset":true,"sinceMs":...}`). Any other method on these paths answers 405.
 */
export function metricsRoute(s: MetricsSources): HttpRoute {
  return async (req): Promise<HttpResponse | undefined> => {
    if (req.path === METRICS_PATH) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, headers: { allow: 'GET' }, body: { message: 'use GET' } };
      const doc = metricsDocument(s);
      const format = req.query.get('format');
      if (format === 'prometheus') return { status: 200, headers: { 'content-type': PROMETHEUS_CONTENT_TYPE }, body: renderPrometheus(prometheusFamilies(doc)) };
      if (format !== null && format !== 'json') return { status: 400, body: { message: 'format must be json or prometheus' } };
      return { status: 200, headers: { 'content-type': 'application/json' }, body: doc };
    }
    if (req.path === METRICS_RESET_PATH) {
      if (req.method !== 'POST') return { status: 405, headers: { allow: 'POST' }, body: { message: 'use POST' } };
      const nowMs = s.now();
      s.usage.reset(nowMs);
      s.triggers?.reset();
      return { status: 200, headers: { 'content-type': 'application/json' }, body: { reset: true, sinceMs: nowMs } };
    }
    return undefined;
  };
}
