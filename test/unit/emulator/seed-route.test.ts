import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../src/emulator/http-route.js';
import { fixture } from './emulator-fixture.js';

const seed = (body: unknown): HttpRequest => ({
  method: 'POST',
  path: '/_cogcap/users',
  query: new URLSearchParams(),
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  baseUrl: 'http://x',
  receivedAtMs: 0,
});

describe('POST /_cogcap/users', () => {
  it('creates users in bulk (skipping taken names) who can then sign in; refuses bad bodies and unknown pools', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool({ UsernameAttributes: ['email'] });
    const users = Array.from({ length: 50 }, (_, i) => ({ username: `u${i}@example.com`, password: 'Passw0rd!' }));
    const r = await f.app.handle(seed({ userPoolId: poolId, users: [...users, users[0]] }));
    expect(r).toMatchObject({ status: 200, body: { created: 50, existing: 1 } });
    const s = await f.ok('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'u7@example.com', PASSWORD: 'Passw0rd!' } });
    expect(s.AuthenticationResult).toBeDefined();
    expect((await f.app.handle(seed('nope'))).status).toBe(400);
    expect((await f.app.handle(seed({ userPoolId: poolId, users: [{ username: 'x' }] }))).status).toBe(400);
    expect((await f.app.handle(seed({ userPoolId: poolId, users: [{ username: 'not-email', password: 'p' }] }))).status).toBe(400);
    expect((await f.app.handle(seed({ userPoolId: 'us-east-1_None00000', users: [] }))).status).toBe(404);
  });
});
