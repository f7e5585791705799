/** AWS JSON 1.1 wire details of the Cognito user-pools API (reference cognito.md section 4). */

/** `X-Amz-Target` prefix of user-pool operations. */
export const IDP_TARGET_PREFIX = 'AWSCognitoIdentityProviderService';

/** Content type of every call. */
export const AMZ_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** Request headers of one unsigned call. */
export function jsonRpcHeaders(operation: string, bodyBytes: number): Record<string, string> {
  return {
    'content-type': AMZ_JSON_CONTENT_TYPE,
    'x-amz-target': `${IDP_TARGET_PREFIX}.${operation}`,
    'content-length': String(bodyBytes),
  };
}

/**
 * The error type of an answer as clients read it: `__type`, then `code`, then the `x-amzn-ErrorType` header
 * (normalisation of `:` and `#` is left to the classifier). Undefined for a success body.
 */
export function errorTypeOf(body: unknown, headerValue: string | undefined): string | undefined {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    if (typeof b.__type === 'string') return b.__type;
    if (typeof b.code === 'string') return b.code;
  }
  return headerValue || undefined;
}
