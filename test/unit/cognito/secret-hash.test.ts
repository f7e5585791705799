import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretHash } from '../../../src/cognito/secret-hash.js';

describe('secretHash', () => {
  it('is Base64(HMAC-SHA256(secret, username + clientId))', () => {
    // Hand-checked with: printf 'alice1example' | openssl dgst -sha256 -hmac 's3cr3t' -binary | base64
    expect(secretHash('alice', '1example', 's3cr3t')).toBe('jZRKJ3RMUawO0T/iAu3E7lrw+EZj/Cflo/aiBJj7GO8=');
    expect(secretHash('ünïcode', 'c', 'k')).toBe(createHmac('sha256', 'k').update('ünïcodec', 'utf8').digest('base64'));
  });
});
