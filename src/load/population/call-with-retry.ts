import { TargetError } from '../../errors.js';
import type { CallResult, Driver } from '../flow.js';

/** Error types that mean the target or credentials are wrong: stop at once instead of failing every user. */
export const FATAL_ERROR_TYPES: ReadonlySet<string> = new Set([
  'ResourceNotFoundException',
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'MissingAuthenticationTokenException',
  'CredentialsProviderError',
]);

/** Options of {@link callWithRetry}. */
export interface RetryOptions {
  /** Attempts per call for throttles, server errors and timeouts (default 6). */
  readonly maxAttempts?: number;
  /** First back-off, ms (default 250; doubles each attempt, ±50% jitter). */
  readonly baseDelayMs?: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly rng?: () => number;
  /** Counts each retry. */
  readonly onRetry?: (result: CallResult) => void;
}

/**
 * Administrative calls (seeding, cleanup) are not measurements: throttles, server errors and timeouts are retried
 * with exponential back-off. Client errors return at once; the fatal ones (wrong pool, bad credentials) throw
 * {@link TargetError}.
 */
export async function callWithRetry(
  driver: Driver,
  operation: string,
  input: Record<string, unknown>,
  flow: string,
  options: RetryOptions,
): Promise<CallResult> {
  const attempts = Math.max(1, options.maxAttempts ?? 6);
  const rng = options.rng ?? Math.random;
  let result: CallResult | undefined;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    result = await driver.call(operation, input, { flow, intendedStartUs: 0 });
    if (result.outcome === 'ok') return result;
    if (result.outcome === 'client_error') {
      if (result.errorType && FATAL_ERROR_TYPES.has(result.errorType)) {
        throw new TargetError(
          `${operation} failed with ${result.errorType}`,
          result.errorType === 'ResourceNotFoundException'
            ? 'check the user pool id and region'
            : 'check the AWS credentials and their permissions (cognito-idp admin operations)',
        );
      }
      return result;
    }
    if (attempt < attempts) {
      options.onRetry?.(result);
      const delay = (options.baseDelayMs ?? 250) * 2 ** (attempt - 1);
      await options.sleep(delay * (0.5 + rng()));
    }
  }
  return result!;
}
