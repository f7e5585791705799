/** Headers every response carries, so browser clients (amazon-cognito-identity-js, Amplify) can read them. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date',
};

const ALLOWED_HEADERS =
  'Content-Type, X-Amz-Target, X-Amz-User-Agent, Cache-Control, Authorization, X-Amz-Date, X-Amz-Security-Token, ' +
  'X-Amz-Content-Sha256, amz-sdk-invocation-id, amz-sdk-request';

/** Answer to a CORS preflight (`OPTIONS`): allows reference section 4's headers plus whatever was asked. */
export function preflightHeaders(requested: string | undefined): Record<string, string> {
  return {
    ...CORS_HEADERS,
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': requested ? `${ALLOWED_HEADERS}, ${requested}` : ALLOWED_HEADERS,
    'access-control-max-age': '86400',
  };
}
