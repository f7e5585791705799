import { describe, expect, it } from 'vitest';
import { CognitoServiceError } from '../../../src/cognito/service-error.js';
import type { HttpRequest } from '../../../src/emulator/http-route.js';
import type { Layer } from '../../../src/emulator/layer.js';
import { fixture } from './emulator-fixture.js';

const TARGET = 'AWSCognitoIdentityProviderService.';

function post(body: string | Buffer, headers: Record<string, string>): HttpRequest {
  return {
    method: 'POST',
    path: '/',
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/x-amz-json-1.1', ...headers },
    body: Buffer.isBuffer(body) ? body : Buffer.from(body),
    baseUrl: 'http://127.0.0.1',
    receivedAtMs: Date.now(),
  };
}

function parse(r: { status: number; headers?: Readonly<Record<string, string>>; body?: unknown }) {
  const body = JSON.parse(r.body as string) as { __type: string; message: string };
  return { status: r.status, type: body.__type, message: body.message, header: r.headers?.['x-amzn-errortype'] };
}

describe('bad input gets AWS-shaped 4xx answers', () => {
  const cases: [string, HttpRequest, string][] = [
    ['malformed JSON', post('{"PoolName":', { 'x-amz-target': `${TARGET}CreateUserPool` }), 'SerializationException'],
    ['a JSON array', post('[1]', { 'x-amz-target': `${TARGET}CreateUserPool` }), 'SerializationException'],
    ['a JSON string', post('"x"', { 'x-amz-target': `${TARGET}CreateUserPool` }), 'SerializationException'],
    ['wrong content type', post('{}', { 'x-amz-target': `${TARGET}CreateUserPool`, 'content-type': 'text/plain' }), 'UnknownOperationException'],
    ['unknown operation', post('{}', { 'x-amz-target': `${TARGET}LaunchRocket` }), 'UnknownOperationException'],
    ['unknown service', post('{}', { 'x-amz-target': 'Nope.CreateUserPool' }), 'UnknownOperationException'],
    ['no target', post('{}', {}), 'UnknownOperationException'],
    ['binary garbage', post(Buffer.from([0xff, 0xfe, 0x00, 0x01]), { 'x-amz-target': `${TARGET}InitiateAuth` }), 'SerializationException'],
    ['wrong field type', post('{"PoolName": 5}', { 'x-amz-target': `${TARGET}CreateUserPool` }), 'SerializationException'],
    ['object for a string', post('{"ClientId": {}, "AuthFlow": "USER_SRP_AUTH"}', { 'x-amz-target': `${TARGET}InitiateAuth` }), 'SerializationException'],
    ['string for a map', post('{"ClientId": "abc", "AuthFlow": "USER_SRP_AUTH", "AuthParameters": "x"}', { 'x-amz-target': `${TARGET}InitiateAuth` }), 'SerializationException'],
    ['number in a map', post('{"ClientId": "abc", "AuthFlow": "USER_SRP_AUTH", "AuthParameters": {"USERNAME": 1}}', { 'x-amz-target': `${TARGET}InitiateAuth` }), 'SerializationException'],
    ['missing fields', post('{}', { 'x-amz-target': `${TARGET}InitiateAuth` }), 'InvalidParameterException'],
    ['bad pool id', post('{"UserPoolId": "nounderscore"}', { 'x-amz-target': `${TARGET}DescribeUserPool` }), 'InvalidParameterException'],
    ['bad enum', post('{"ClientId": "abc", "AuthFlow": "MAGIC"}', { 'x-amz-target': `${TARGET}InitiateAuth` }), 'InvalidParameterException'],
    ['unknown attribute item shape', post('{"UserPoolId": "us-east-1_abc", "Username": "u", "UserAttributes": [1]}', { 'x-amz-target': `${TARGET}AdminCreateUser` }), 'SerializationException'],
  ];
  it.each(cases)('%s', async (_name, req, type) => {
    const f = fixture();
    const r = parse(await f.app.handle(req));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.type).toBe(type);
    expect(r.header).toBe(`${type}:`);
    expect(typeof r.message).toBe('string');
  });

  it('lists every validation problem at once, with Cognito wording', async () => {
    const f = fixture();
    expect((await f.fail('InitiateAuth', {})).message).toBe(
      "2 validation errors detected: Value null at 'authFlow' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    );
    expect((await f.fail('DescribeUserPool', { UserPoolId: 'bad' })).message).toBe(
      "1 validation error detected: Value 'bad' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
    );
  });

  it('answers CORS preflights and adds CORS headers to every answer', async () => {
    const f = fixture();
    const pre = await f.app.handle({ ...post('', {}), method: 'OPTIONS', headers: { 'access-control-request-headers': 'x-amz-target,content-type' } });
    expect(pre.status).toBe(200);
    expect(pre.headers?.['access-control-allow-origin']).toBe('*');
    expect(pre.headers?.['access-control-allow-headers']).toMatch(/X-Amz-Target/);
    expect(pre.headers?.['access-control-allow-headers']).toMatch(/Cache-Control/);
    const r = await f.app.handle(post('{}', { 'x-amz-target': `${TARGET}ListUserPools` }));
    expect(r.headers?.['access-control-expose-headers']).toMatch(/x-amzn-RequestId/);
    expect(r.headers?.['access-control-allow-origin']).toBe('*');
    const nf = await f.app.handle({ ...post('', {}), method: 'GET', path: '/nothing' });
    expect(nf.status).toBe(404);
  });

  it('a bug in a handler or layer becomes InternalErrorException 500, reported to onInternalError', async () => {
    const errors: unknown[] = [];
    const boom: Layer = async (req, next) => {
      if (req.operation === 'ListUserPools') throw new TypeError('boom');
      return next(req);
    };
    const f = fixture({ layers: [boom], onInternalError: (e) => errors.push(e) });
    const r = parse(await f.app.handle(post('{"MaxResults": 1}', { 'x-amz-target': `${TARGET}ListUserPools` })));
    expect(r).toMatchObject({ status: 500, type: 'InternalErrorException' });
    expect(errors).toHaveLength(1);
  });
});

describe('plug-in points', () => {
  it('layers see resolved pool and user keys and can answer with errors; extra handlers and routes are served', async () => {
    const seen: string[] = [];
    const spy: Layer = async (req, next) => {
      seen.push(`${req.operation} ${req.userPoolId ?? '-'} ${req.userKey ?? '-'}`);
      if (req.body.Throttle === true) throw new CognitoServiceError('TooManyRequestsException', 'Rate exceeded');
      return next(req);
    };
    const f = fixture({
      layers: [spy],
      extraHandlers: { 'AWSCognitoIdentityService.GetId': async () => ({ status: 200, body: { IdentityId: 'us-east-1:x' } }) },
      routes: [async (req) => (req.path === '/custom' ? { status: 200, body: { ok: true } } : undefined)],
    });
    const { poolId, clientId } = await f.pool({ UsernameAttributes: ['email'] });
    await f.user(poolId, 'alice@example.com', 'Passw0rd!');
    const sub = (await f.ok('AdminGetUser', { UserPoolId: poolId, Username: 'alice@example.com' })).Username as string;
    seen.length = 0;
    await f.ok('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice@example.com', PASSWORD: 'Passw0rd!' } });
    await f.ok('AdminGetUser', { UserPoolId: poolId, Username: 'ghost@example.com' }).catch(() => undefined);
    expect(seen).toEqual([`InitiateAuth ${poolId} ${poolId}/${sub}`, `AdminGetUser ${poolId} -`]);
    expect((await f.fail('ListUserPools', { MaxResults: 1, Throttle: true })).type).toBe('TooManyRequestsException');
    const id = await f.app.call('GetId', {}, 'AWSCognitoIdentityService');
    expect(id).toEqual({ status: 200, body: { IdentityId: 'us-east-1:x' } });
    expect(f.app.targets).toContain('AWSCognitoIdentityService.GetId');
    const custom = await f.app.handle({ ...post('', {}), method: 'GET', path: '/custom' });
    expect(custom.body).toEqual({ ok: true });
  });
});
