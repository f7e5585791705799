import { QUOTA_CATEGORY_NAMES, isQuotaCategory, type QuotaCategory } from '../../cognito/categories.js';
import { OPERATIONS } from '../../cognito/operations.js';
import { InputError } from '../../errors.js';
import { parseLatencyStatistic } from './latency-statistic.js';
import { THRESHOLD_METRICS, THRESHOLD_METRIC_NAMES } from './threshold-metrics.js';
import { parseThresholdLimit } from './threshold-limit.js';
import {
  THRESHOLD_OPERATORS,
  type LatencyBasis,
  type ParsedThreshold,
  type ThresholdOperator,
  type ThresholdScope,
} from './threshold-types.js';

/**
 * Threshold expressions:
 * ```
 * [<selector> ]<metric> <operator> <limit>
 * selector  = category:<QuotaCategory> | operation:<Operation> | flow:<flow name>     (none = whole run)
 * metric    = [service:|intended:]p<N> | min | mean | max     latency, µs; basis defaults to intended start
 *           | throttle_rate | error_rate[{type:<ErrorType>}] | achieved_rate | dropped_rate   ratio (1% or 0.01)
 *           | requests | throttles | errors[{type:<ErrorType>}] | dropped | late                  count
 *           | rps | peak_rps                                                                 per second
 * operator  = < | <= | > | >= | == | !=
 * ```
 * Examples: `p99 < 250ms`, `category:UserAuthentication service:p95 < 300ms`, `flow:srp-sign-in max < 2s`,
 * `error_rate{type:NotAuthorizedException} == 0`, `achieved_rate >= 95%`, `dropped == 0`.
 */

/** Syntax reminder used as the hint of every threshold error. */
export const THRESHOLD_SYNTAX_HINT =
  'Threshold syntax: [category:<Category>|operation:<Operation>|flow:<flow>] [service:]<metric>[{type:<ErrorType>}] ' +
  '<op> <limit>, e.g. "category:UserAuthentication p99 < 250ms", "error_rate < 0.5%", "dropped == 0".';

/** Options of {@link parseThreshold}. */
export interface ParseThresholdOptions {
  /** Flow names of the scenario: when given, `flow:<name>` selectors are checked against them. */
  readonly knownFlows?: readonly string[];
  /** Default false. */
  readonly abortOnFail?: boolean;
  /** Default 0. */
  readonly delayAbortEvalMs?: number;
}

class ThresholdSyntaxError extends Error {}
function fail(message: string): never {
  throw new ThresholdSyntaxError(message);
}

const suggest = (name: string, candidates: Iterable<string>): string => {
  for (const c of candidates) if (c.toLowerCase() === name.toLowerCase()) return ` (did you mean ${c}?)`;
  return '';
};

function findOperator(text: string): { op: ThresholdOperator; index: number } {
  const index = text.search(/[<>=!]/);
  if (index < 0) fail('no comparison operator: expected one of < <= > >= == !=');
  const two = text.slice(index, index + 2);
  const op = THRESHOLD_OPERATORS.find((o) => o === two) ?? THRESHOLD_OPERATORS.find((o) => o === text[index]);
  if (!op) fail(`"${text[index]}" is not an operator: expected one of < <= > >= == != (use == for equality)`);
  return { op: op!, index };
}

function parseScope(selector: string, options: ParseThresholdOptions): ThresholdScope {
  const m = /^([A-Za-z_]+):(.*)$/.exec(selector);
  if (!m) return fail(`"${selector}" is not a selector: expected category:<Category>, operation:<Operation> or flow:<flow>`);
  const [, kind, name] = m as unknown as [string, string, string];
  if (!name) fail(`selector "${selector}" has no name after the colon`);
  switch (kind) {
    case 'category':
      if (!isQuotaCategory(name)) {
        fail(`unknown quota category "${name}"${suggest(name, QUOTA_CATEGORY_NAMES)}: expected one of ${QUOTA_CATEGORY_NAMES.join(', ')}`);
      }
      return { kind: 'category', name: name as QuotaCategory };
    case 'operation':
      if (!OPERATIONS.has(name)) {
        fail(`unknown operation "${name}"${suggest(name, OPERATIONS.keys())}: expected a Cognito user-pool operation such as InitiateAuth`);
      }
      return { kind: 'operation', name };
    case 'flow':
      if (options.knownFlows && !options.knownFlows.includes(name)) {
        const known = options.knownFlows.length ? options.knownFlows.join(', ') : '(the scenario has no flows)';
        fail(`unknown flow "${name}"${suggest(name, options.knownFlows)}: the scenario's flows are ${known}`);
      }
      return { kind: 'flow', name };
    default:
      return fail(`unknown selector "${kind}:": expected category:<Category>, operation:<Operation> or flow:<flow>`);
  }
}

function parseExpression(text: string, options: ParseThresholdOptions): Omit<ParsedThreshold, 'abortOnFail' | 'delayAbortEvalMs'> {
  if (!text) fail('empty threshold');
  const { op, index } = findOperator(text);
  const left = text
    .slice(0, index)
    .trim()
    .replace(/\{([^}]*)\}/, (_m, inner: string) => `{${inner.replace(/\s+/g, '')}}`);
  const right = text.slice(index + op.length).trim();
  if (!left) fail('no metric before the operator');
  if (!right) fail(`no limit after "${op}"`);
  if (/[<>=!]/.test(right)) fail(`more than one operator: expected a single comparison such as "p99 < 250ms"`);

  const tokens = left.split(/\s+/);
  if (tokens.length > 2) fail(`"${left}" has too many parts: expected an optional selector and one metric before the operator`);
  let scope: ThresholdScope = { kind: 'run' };
  let metricToken = tokens[0]!;
  if (tokens.length === 2) {
    scope = parseScope(tokens[0]!, options);
    metricToken = tokens[1]!;
  } else if (/^(category|operation|flow):/.test(metricToken)) {
    fail(`no metric after the selector "${metricToken}": expected e.g. "${metricToken} p99 < 250ms"`);
  }

  const m = /^(?:([A-Za-z]+):)?([A-Za-z0-9_.]+)(?:\{([^}]*)\})?$/.exec(metricToken);
  if (!m) return fail(`"${metricToken}" is not a metric: expected one of ${THRESHOLD_METRIC_NAMES.join(', ')}`);
  const [, basisText, metric, filter] = m as unknown as [string, string | undefined, string, string | undefined];
  if (basisText !== undefined && basisText !== 'service' && basisText !== 'intended') {
    fail(`unknown latency basis "${basisText}:": expected service: (from the actual send) or intended: (from the intended start, the default)`);
  }
  let errorType: string | undefined;
  if (filter !== undefined) {
    const f = /^type:([A-Za-z][A-Za-z0-9_.]*)$/.exec(filter);
    if (!f) fail(`filter "{${filter}}" is not valid: expected {type:<ErrorType>}, e.g. {type:NotAuthorizedException}`);
    errorType = f![1];
  }

  const stat = parseLatencyStatistic(metric);
  if (stat && 'error' in stat) return fail(stat.error);
  if (stat) {
    if (errorType !== undefined) fail(`latency metric ${metric} takes no {type:...} filter`);
    const basis: LatencyBasis = (basisText as LatencyBasis | undefined) ?? 'intended';
    if (scope.kind === 'flow' && basis === 'service') {
      fail('flows have only whole-flow latency from the intended start: service: applies to run, category and operation thresholds');
    }
    const limit = parseThresholdLimit(right, 'us');
    if ('error' in limit) fail(limit.error);
    return { expression: text, scope, metric, latency: { statistic: stat, basis }, operator: op, limit: (limit as { value: number }).value, unit: 'us' };
  }

  const def = THRESHOLD_METRICS[metric];
  if (!def) {
    return fail(`unknown metric "${metric}"${suggest(metric, Object.keys(THRESHOLD_METRICS))}: expected one of ${THRESHOLD_METRIC_NAMES.join(', ')}`);
  }
  if (basisText !== undefined) fail(`"${basisText}:" applies to latency metrics only, not to ${metric}`);
  if (!def.scopes.includes(scope.kind)) {
    const where = (k: string): string => (k === 'run' ? 'the whole run (no selector)' : `${k}:`);
    fail(`metric ${metric} does not exist for ${where(scope.kind)}: it applies to ${def.scopes.map(where).join(', ')}`);
  }
  if (errorType !== undefined && (!def.typeFilter || scope.kind === 'flow')) {
    fail(`metric ${metric} takes no {type:...} filter${def.typeFilter ? ' for flows' : ''}`);
  }
  const limit = parseThresholdLimit(right, def.unit);
  if ('error' in limit) fail(limit.error);
  return {
    expression: text,
    scope,
    metric,
    ...(errorType !== undefined ? { errorType } : {}),
    operator: op,
    limit: (limit as { value: number }).value,
    unit: def.unit,
  };
}

/**
 * Parses and validates one threshold expression against the metric catalogue, the quota categories and the
 * operation catalogue (and the scenario's flows when `options.knownFlows` is given).
 * @param text the expression, e.g. `category:UserAuthentication p99 < 250ms`
 * @param path field path for error messages, e.g. `thresholds[2]`
 * @throws InputError naming `path`, the expression and what was expected
 */
export function parseThreshold(text: string, path: string, options: ParseThresholdOptions = {}): ParsedThreshold {
  try {
    const parsed = parseExpression(text.trim(), options);
    return { ...parsed, abortOnFail: options.abortOnFail ?? false, delayAbortEvalMs: options.delayAbortEvalMs ?? 0 };
  } catch (err) {
    if (!(err instanceof ThresholdSyntaxError)) throw err;
    throw new InputError(`invalid threshold "${text}"`, [{ path, message: `"${text}": ${err.message}` }], THRESHOLD_SYNTAX_HINT);
  }
}
