import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorWithExtensions } from '../../../../src/emulator/oauth/start-emulator-with-extensions.js';
import { runApiLoad } from '../../../../src/load/api-load/api-load.js';
import { buildEmulatorTokenPool, type TokenPool } from '../../../../src/load/api-load/token-pool.js';
import { startJwtApiServer, type JwtApiServer } from './jwt-api-server.js';

let emu: Awaited<ReturnType<typeof startEmulatorWithExtensions>>;
let pool: TokenPool;
const trusted = (iss: string): string | undefined => (iss === pool.issuer ? pool.jwksUrl : undefined);

beforeAll(async () => {
  emu = await startEmulatorWithExtensions({ port: 0, host: '127.0.0.1' });
  pool = await buildEmulatorTokenPool({ endpoint: emu.url, users: 4 });
}, 30_000);
afterAll(async () => {
  await pool?.cleanup();
  await emu?.close();
});

describe('runApiLoad against a JWT-verifying API', () => {
  it('sends every request with a pool token in turn; valid tokens pass, a forged one gets 401', { timeout: 30_000 }, async () => {
    const api: JwtApiServer = await startJwtApiServer({ jwksUrlOf: trusted, maxPerSec: 1_000_000 });
    try {
      const forged = `${pool.tokens[0]!.slice(0, -4)}AAAA`;
      const tokens = [...pool.tokens, forged]; // 4 good, 1 bad: every 5th request is rejected
      const r = await runApiLoad({ url: `${api.url}/orders`, tokens, connections: 1, amount: 100 });
      expect(r.requests).toBe(100);
      expect(r.statusCounts).toEqual({ '200': 80, '401': 20 });
      expect(r).toMatchObject({ ok: 80, unauthorized: 20, forbidden: 0, throttled: 0, otherErrors: 0, timeouts: 0, tokens: 5, model: 'closed' });
      expect(r.latency.count).toBe(100);
      expect(JSON.stringify(r)).not.toContain(pool.tokens[0]!.slice(0, 40));
    } finally {
      await api.close();
    }
  });

  it('counts the API\'s 429 answers above its rate', { timeout: 30_000 }, async () => {
    const api = await startJwtApiServer({ jwksUrlOf: trusted, maxPerSec: 5 });
    try {
      const r = await runApiLoad({ url: `${api.url}/orders`, tokens: pool.tokens, connections: 4, amount: 200 });
      expect(r.requests).toBe(200);
      expect(r.ok + r.throttled).toBe(200);
      expect(r.throttled).toBeGreaterThan(0);
      expect(r.ok).toBeGreaterThanOrEqual(5);
      expect(r.unauthorized).toBe(0);
    } finally {
      await api.close();
    }
  });

  it('refuses an empty token pool and an authorization header of its own', async () => {
    await expect(runApiLoad({ url: 'http://127.0.0.1:1/', tokens: [] })).rejects.toThrow(/at least one token/);
    await expect(runApiLoad({ url: 'http://127.0.0.1:1/', tokens: ['t'], headers: { Authorization: 'x' } })).rejects.toThrow(/authorization/);
  });
});
