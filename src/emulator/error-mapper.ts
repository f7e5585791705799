import { CognitoServiceError } from '../cognito/service-error.js';
import type { HttpResponse } from './http-route.js';

/** Content type of every AWS JSON 1.1 answer. */
export const AMZ_JSON = 'application/x-amz-json-1.1';

/**
 * The emulator's single error mapper: a CognitoServiceError becomes `{"__type","message"}` with its status and the
 * `x-amzn-ErrorType: <Type>:` header; anything else is a bug and becomes InternalErrorException (HTTP 500).
 */
export function errorResponse(e: unknown, requestId: string): HttpResponse {
  const se = e instanceof CognitoServiceError ? e : new CognitoServiceError('InternalErrorException', 'An internal error occurred.', 500);
  return {
    status: se.status,
    headers: {
      'content-type': AMZ_JSON,
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': `${se.type}:`,
      'x-amzn-errormessage': se.message,
    },
    body: JSON.stringify({ __type: se.type, message: se.message }),
  };
}
