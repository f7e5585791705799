import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import { startEmulatorWithExtensions } from '../../../src/emulator/oauth/start-emulator-with-extensions.js';
import { buildEmulatorTokenPool, type TokenPool } from '../../../src/load/api-load/token-pool.js';
import { startJwtApiServer, type JwtApiServer } from '../load/api-load/jwt-api-server.js';

let emu: Awaited<ReturnType<typeof startEmulatorWithExtensions>>;
let api: JwtApiServer;
let verifierPool: TokenPool;
let dir: string;

// The API trusts every pool of the test's emulator (its JWKS per pool, found from the token's issuer).
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cogcap-api-load-'));
  emu = await startEmulatorWithExtensions({ port: 0, host: '127.0.0.1' });
  verifierPool = await buildEmulatorTokenPool({ endpoint: emu.url, users: 1 });
  api = await startJwtApiServer({ jwksUrlOf: (iss) => `${emu.url}/${iss.slice(iss.lastIndexOf('/') + 1)}/.well-known/jwks.json`, maxPerSec: 1_000_000 });
}, 30_000);
afterAll(async () => {
  await api?.close();
  await verifierPool?.cleanup();
  await emu?.close();
  await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(argv, { stdout, stderr, cwd: dir, env: {}, signal: new AbortController().signal });
  return { code, out, err };
}

describe('cogcap api-load', () => {
  it('builds a token pool on the emulator, loads the API, prints the answers by status, deletes the pool', { timeout: 60_000 }, async () => {
    const before = await listPools();
    const r = await cli(['api-load', '--url', `${api.url}/orders?secret=x`, '--emulator', emu.url, '--users', '3', '--amount', '60', '--connections', '3', '--out', 'api.json']);
    expect(r.err).toMatch(/token pool: 3 tokens/);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/60 requests/);
    expect(r.out).toMatch(/2xx 60 \(100\.0%\)/);
    expect(r.out).toMatch(/401 0/);
    const doc = JSON.parse(await readFile(join(dir, 'api.json'), 'utf8'));
    expect(doc).toMatchObject({ url: `${api.url}/orders`, method: 'GET', requests: 60, ok: 60, tokens: 3 });
    expect(await listPools()).toBe(before);
    expect(`${r.out}${r.err}${JSON.stringify(doc)}`).not.toMatch(/eyJ/);
  });

  it('reads tokens from a file; rejected tokens are counted as 401', { timeout: 30_000 }, async () => {
    await writeFile(join(dir, 'tokens.txt'), `# two tokens\n${verifierPool.tokens[0]}\nnot-a-jwt\n`);
    const r = await cli(['api-load', '--url', `${api.url}/orders`, '--tokens-file', 'tokens.txt', '--amount', '40', '--connections', '1', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ requests: 40, ok: 20, unauthorized: 20, statusCounts: { '200': 20, '401': 20 } });
    expect(r.out).not.toContain(verifierPool.tokens[0]!.slice(0, 40));
  });

  it('refuses bad options with exit 2, naming each', async () => {
    const r = await cli(['api-load', '--url', 'ftp://x', '--method', 'BREW', '--header', 'Authorization: x', '--connections', '0']);
    expect(r.code).toBe(2);
    for (const flag of ['--url', '--method', '--header', '--connections', '--tokens-file']) expect(r.err).toContain(flag);
  });
});

async function listPools(): Promise<number> {
  const res = await fetch(emu.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools' },
    body: JSON.stringify({ MaxResults: 60 }),
  });
  return ((await res.json()) as { UserPools: unknown[] }).UserPools.length;
}
