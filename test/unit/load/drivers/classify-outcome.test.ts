import { describe, expect, it } from 'vitest';
import { classifyErrorType, classifyThrown, normaliseErrorType } from '../../../../src/load/drivers/classify-outcome.js';

const sdkError = (name: string, status: number, fault: 'client' | 'server' = 'client') =>
  Object.assign(new Error('x'), { name, $fault: fault, $metadata: { httpStatusCode: status } });

describe('classifyErrorType (by type, never by status)', () => {
  const cases: [string | undefined, number | undefined, string, string][] = [
    ['TooManyRequestsException', 400, 'throttled', 'TooManyRequestsException'],
    ['TooManyRequestsException', 429, 'throttled', 'TooManyRequestsException'],
    ['LimitExceededException', 400, 'throttled', 'LimitExceededException'],
    ['InternalErrorException', 500, 'server_error', 'InternalErrorException'],
    ['InternalErrorException', 400, 'server_error', 'InternalErrorException'],
    ['NotAuthorizedException', 400, 'client_error', 'NotAuthorizedException'],
    ['NotAuthorizedException', 403, 'client_error', 'NotAuthorizedException'],
    ['UserNotFoundException', 404, 'client_error', 'UserNotFoundException'],
    ['SomethingNewException', 503, 'server_error', 'SomethingNewException'],
    [undefined, 502, 'server_error', 'Http502'],
    [undefined, 400, 'client_error', 'Http400'],
    ['TooManyRequestsException:', 400, 'throttled', 'TooManyRequestsException'],
    ['com.amazonaws.cognito#TooManyRequestsException', 400, 'throttled', 'TooManyRequestsException'],
  ];
  it.each(cases)('%s at %s → %s', (type, status, outcome, errorType) => {
    expect(classifyErrorType(type, status)).toEqual({ outcome, errorType });
  });
});

describe('classifyThrown', () => {
  const cases: [string, unknown, string, string][] = [
    ['SDK throttle at 400', sdkError('TooManyRequestsException', 400), 'throttled', 'TooManyRequestsException'],
    ['SDK limit exceeded', sdkError('LimitExceededException', 400), 'throttled', 'LimitExceededException'],
    ['SDK internal error', sdkError('InternalErrorException', 500, 'server'), 'server_error', 'InternalErrorException'],
    ['SDK unknown 5xx', sdkError('UnknownError', 503, 'server'), 'server_error', 'Http503'],
    ['SDK not authorized', sdkError('NotAuthorizedException', 400), 'client_error', 'NotAuthorizedException'],
    ['SDK 2xx unparseable', sdkError('SyntaxError', 200), 'server_error', 'SyntaxError'],
    ['smithy timeout', Object.assign(new Error('t'), { name: 'TimeoutError' }), 'timeout', 'Timeout'],
    ['ETIMEDOUT', Object.assign(new Error('t'), { code: 'ETIMEDOUT' }), 'timeout', 'Timeout'],
    ['ECONNREFUSED', Object.assign(new Error('c'), { code: 'ECONNREFUSED' }), 'timeout', 'NetworkError'],
    ['ECONNRESET', Object.assign(new Error('c'), { code: 'ECONNRESET' }), 'timeout', 'NetworkError'],
    ['socket hang up', new Error('socket hang up'), 'timeout', 'NetworkError'],
    ['wrapped cause', Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('c'), { code: 'ECONNREFUSED' }) }), 'timeout', 'NetworkError'],
    ['local TypeError', new TypeError('bad input'), 'client_error', 'TypeError'],
    ['plain Error', new Error('?'), 'client_error', 'UnknownError'],
  ];
  it.each(cases)('%s', (_label, err, outcome, errorType) => {
    expect(classifyThrown(err)).toEqual({ outcome, errorType });
  });
});

describe('normaliseErrorType', () => {
  it.each([
    ['A:', 'A'],
    ['A:http://x', 'A'],
    ['ns#A', 'A'],
    ['', undefined],
  ])('%s → %s', (raw, want) => expect(normaliseErrorType(raw)).toBe(want));
});
