import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clientStart, computeVerifierHex, serverStart } from '../../../src/cognito/srp.js';
import { IN_THREAD_SRP, type SrpEngine } from '../../../src/load/srp-engine.js';
import { createSrpEngine, createSrpWorkerPool, resolveSrpWorkerEntry } from '../../../src/load/srp-workers.js';

// Test vector of ../shared/reference/srp.md (checked against amazon-cognito-identity-js).
const V = {
  poolName: 'TestPool1',
  userId: 'alice',
  password: 'Passw0rd!',
  a: 'a465a85151ccbf8522fb7bc29169df9370b7da383fc4785fba5100d1cdee89e8fcf4ce702e48f31222fccb0e97f7f22abe8718870339e54a01c12a03ff92c286',
  b: '2b77aec05c88750b3530e0c993677f2c7ac6a60ecd5042341b3be1ad82d378145e12514797b63c6e22ff46b610ef4452a877713511609e6c7543b9f9867995b9',
  salt: '63479ad69a090b258277ec8fba6f9941',
  secretBlock: 'SJShlnqjR2V6mcS7pKIV0JB/2zTpNm0FdlbobP0MOX4=',
  timestamp: 'Tue Mar 4 09:05:07 UTC 2025',
  signature: 'PngacNQ4B3AruFYwQ7Eou3l98lMNcttRfoTPhDmXil8=',
};

function vectorParams() {
  const { AHex } = clientStart(V.a);
  const verifier = computeVerifierHex(V.salt, V.poolName, V.userId, V.password);
  const { BHex } = serverStart(verifier, AHex, V.b);
  return { poolName: V.poolName, userId: V.userId, password: V.password, saltHex: V.salt, BHex, aHex: V.a, AHex, secretBlockB64: V.secretBlock, timestamp: V.timestamp };
}

async function checkEngine(engine: SrpEngine): Promise<void> {
  try {
    expect(await engine.signature(vectorParams())).toBe(V.signature);
    const starts = await Promise.all([engine.start(), engine.start(), engine.start()]);
    for (const s of starts) expect(clientStart(s.aHex).AHex).toBe(s.AHex);
    await expect(engine.signature({ ...vectorParams(), BHex: '0' })).rejects.toThrow(/B mod N/);
  } finally {
    await engine.close();
  }
}

describe('SRP engines', () => {
  it('in-thread maths gives the reference signature', async () => {
    await checkEngine(IN_THREAD_SRP);
  });

  it('worker pool from the TypeScript source (tsx hooks) gives the same answers', async () => {
    const entry = resolveSrpWorkerEntry(pathToFileURL(join(process.cwd(), 'src/load/srp-workers.ts')).href);
    expect(entry?.kind).toBe('tsx');
    const pool = createSrpWorkerPool({ size: 2, entry: entry! });
    expect(pool?.mode).toBe('workers');
    await checkEngine(pool!);
  });

  const compiled = join(process.cwd(), 'dist/load/srp-workers.js');
  it.skipIf(!existsSync(compiled) || !existsSync(join(process.cwd(), 'dist/load/srp-worker.js')))(
    'worker pool from the compiled dist/ entry gives the same answers',
    async () => {
      const mod = (await import(pathToFileURL(compiled).href)) as typeof import('../../../src/load/srp-workers.js');
      expect(mod.resolveSrpWorkerEntry()?.kind).toBe('compiled');
      const pool = mod.createSrpWorkerPool({ size: 1 });
      expect(pool?.mode).toBe('workers');
      await checkEngine(pool!);
    },
  );

  it('falls back to in-thread maths when no worker entry resolves', async () => {
    const empty = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'srp-')), 'x.js')).href;
    expect(resolveSrpWorkerEntry(empty)).toBeUndefined();
    const engine = createSrpEngine({ srpInWorkers: true, workers: { baseUrl: empty } });
    expect(engine.mode).toBe('in-thread');
    await checkEngine(engine);
  });

  it.each([
    [{ srpInWorkers: false, srpRatePerSec: 1000 }, 'in-thread'],
    [{ srpInWorkers: 'auto' as const, srpRatePerSec: 5 }, 'in-thread'],
    [{ srpInWorkers: 'auto' as const, srpRatePerSec: 10 }, 'workers'],
    [{ srpInWorkers: 'auto' as const, srpRatePerSec: 50, autoThresholdPerSec: 100 }, 'in-thread'],
    [{ srpInWorkers: true }, 'workers'],
  ])('createSrpEngine(%j) → %s', async (options, mode) => {
    const engine = createSrpEngine({ ...options, workers: { size: 1 } });
    try {
      expect(engine.mode).toBe(mode);
    } finally {
      await engine.close();
    }
  });

  it('after close, calls fall back to in-thread maths', async () => {
    const pool = createSrpWorkerPool({ size: 1 })!;
    await pool.close();
    expect(await pool.signature(vectorParams())).toBe(V.signature);
  });
});
