import { TargetError } from '../errors.js';

/** The error type of an AWS SDK error (`name`, e.g. `TooManyRequestsException`), or the message. */
export function awsErrorType(err: unknown): string {
  const e = err as { name?: string; Code?: string; message?: string };
  return e?.name && e.name !== 'Error' ? e.name : (e?.Code ?? e?.message ?? String(err));
}

/**
 * Wraps a failed AWS control-plane call into a {@link TargetError} (exit 3) naming the API, with a hint for
 * throttling, missing credentials and missing permissions. Never includes credentials.
 */
export function awsCallError(api: string, err: unknown): TargetError {
  const type = awsErrorType(err);
  const message = (err as Error)?.message ?? '';
  let hint = 'Check the Region, credentials and IAM permissions, or use the built-in defaults (--quotas default).';
  if (/TooManyRequests|Throttl|RateExceeded/i.test(type)) hint = 'The API throttled the request: wait a minute and retry.';
  else if (/Credentials|ExpiredToken|UnrecognizedClient|InvalidClientTokenId/i.test(type + message)) {
    hint = 'No usable AWS credentials: configure the standard chain (AWS_PROFILE, environment, SSO, instance role).';
  } else if (/AccessDenied/i.test(type)) hint = `Grant the caller permission for ${api}.`;
  return new TargetError(`${api} failed: ${type}${message && message !== type ? `: ${message}` : ''}`, hint);
}
