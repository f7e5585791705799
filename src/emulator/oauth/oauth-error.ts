import type { HttpResponse } from '../http-route.js';

/** OAuth 2.0 error codes the token, revoke and userInfo endpoints answer with. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'unsupported_token_type'
  | 'invalid_token'
  | 'too_many_requests';

/**
 * An OAuth-shaped failure: HTTP 400 (default) with `{"error": code}` and, when given, `error_description`.
 * Cognito's token endpoint documents the first five codes; `invalid_scope` is what it answers for a scope the client
 * may not request (assumption: observed behaviour, not in the reference); `too_many_requests` is the emulator's
 * choice for throttling (see {@link throttledOAuthResponse}).
 */
export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description?: string,
    readonly status = 400,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(description ?? code);
    this.name = 'OAuthError';
  }

  toResponse(): HttpResponse {
    return {
      status: this.status,
      headers: { 'content-type': 'application/json;charset=UTF-8', ...this.headers },
      body: this.description === undefined ? { error: this.code } : { error: this.code, error_description: this.description },
    };
  }
}

/**
 * ASSUMPTION (undocumented by AWS): a throttled OAuth endpoint request answers HTTP 429 with
 * `{"error":"too_many_requests","error_description":"Rate exceeded"}` and `x-amzn-ErrorType: TooManyRequestsException:`.
 * Clients should classify by the body's `error` (or the header), as with the JSON API; the status is configurable.
 */
export function throttledOAuthResponse(status = 429): HttpResponse {
  return new OAuthError('too_many_requests', 'Rate exceeded', status, { 'x-amzn-errortype': 'TooManyRequestsException:' }).toResponse();
}
