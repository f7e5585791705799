import { connect } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/start-emulator.js';

const TARGET = 'AWSCognitoIdentityProviderService.ListUserPools';

function send(url: string, body: string | Buffer, headers: Record<string, string>, method = 'POST', path = '/'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('node:http adapter', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, maxBodyBytes: 4096 });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('answers JSON 1.1 with the request id and CORS headers', async () => {
    const r = await send(emu.url, '{"MaxResults": 10}', { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': TARGET });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ UserPools: [] });
    expect(r.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers a CORS preflight', async () => {
    const r = await send(emu.url, '', { origin: 'http://app', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent' }, 'OPTIONS');
    expect(r.status).toBe(200);
    expect(String(r.headers['access-control-allow-headers'])).toMatch(/X-Amz-Target/);
    expect(String(r.headers['access-control-allow-methods'])).toMatch(/POST/);
  });

  it('refuses an oversized body with 413 SerializationException, declared or streamed', async () => {
    const big = Buffer.alloc(10_000, 0x61);
    const r = await send(emu.url, big, { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': TARGET });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).__type).toBe('SerializationException');
    expect(r.headers['x-amzn-errortype']).toBe('SerializationException:');
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(`${emu.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': TARGET, 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      for (let i = 0; i < 5; i++) req.write(Buffer.alloc(2000, 0x61));
      req.end();
    });
    expect(chunked).toBe(413);
  });

  it('survives garbage on the socket and keeps serving', async () => {
    await new Promise<void>((resolve) => {
      const s = connect(emu.port, '127.0.0.1', () => s.end('NOT HTTP AT ALL\r\n\r\n'));
      s.on('data', () => undefined);
      s.on('close', () => resolve());
      s.on('error', () => resolve());
    });
    const r = await send(emu.url, 'not json', { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': TARGET });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).__type).toBe('SerializationException');
    const ok = await send(emu.url, '{"MaxResults": 1}', { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': TARGET });
    expect(ok.status).toBe(200);
  });

  it('serves the codes endpoint with 400 for missing parameters', async () => {
    const r = await send(emu.url, '', {}, 'GET', '/_cogcap/codes');
    expect(r.status).toBe(400);
  });
});
