import { categoryOf } from '../../cognito/operations.js';
import type { Outcome, Sample } from '../../metrics/sample.js';
import type { CallMeta } from '../flow.js';

/**
 * Builds the Sample of one call. `sentUs` and `endUs` are µs since run start. Latency runs from the intended
 * start (never negative: a call sent before its intended start counts from its send), service time from the send.
 * The category is the meta override (e.g. NEW_PASSWORD_REQUIRED answers) or the catalogue's.
 */
export function buildSample(
  operation: string,
  meta: CallMeta,
  sentUs: number,
  endUs: number,
  outcome: Outcome,
  errorType?: string,
): Sample {
  const intendedStartUs = Math.min(meta.intendedStartUs, sentUs);
  return {
    operation,
    category: meta.category ?? categoryOf(operation),
    flow: meta.flow,
    outcome,
    ...(errorType !== undefined ? { errorType } : {}),
    intendedStartUs,
    sentUs,
    latencyUs: Math.max(0, endUs - intendedStartUs),
    serviceTimeUs: Math.max(0, endUs - sentUs),
  };
}
