/**
 * An error as Cognito returns it: `{"__type": type, "message": message}` with `x-amzn-ErrorType: <type>:`.
 * Thrown by emulator handlers and layers; the emulator's single error mapper turns it into a response.
 */
export class CognitoServiceError extends Error {
  /** Error type, e.g. `NotAuthorizedException`. */
  readonly type: string;
  /** HTTP status (400 for every client error on the wire, 500 for InternalErrorException). */
  readonly status: number;
  constructor(type: string, message: string, status = 400) {
    super(message);
    this.name = 'CognitoServiceError';
    this.type = type;
    this.status = status;
  }
}

/** Throttling answer: TooManyRequestsException "Rate exceeded" (HTTP 400 by default, as observed on the wire). */
export function rateExceeded(status = 400): CognitoServiceError {
  return new CognitoServiceError('TooManyRequestsException', 'Rate exceeded', status);
}
