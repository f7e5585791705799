import { describe, expect, it } from 'vitest';
import { awsCognitoEndpointOverride } from '../../../src/load/aws-endpoint-override.js';

describe('awsCognitoEndpointOverride', () => {
  it.each([
    [{}, undefined],
    [{ AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://127.0.0.1:9229' }, 'http://127.0.0.1:9229'],
    [{ AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }, 'http://127.0.0.1:4566'],
    [{ AWS_ENDPOINT_URL: 'http://a', AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://b' }, 'http://b'],
    [{ AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://b', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, undefined],
    [{ AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: '  ' }, undefined],
  ])('%j → %s', (env, expected) => {
    expect(awsCognitoEndpointOverride(env)).toBe(expected);
  });
});
