import { startEmulator, type RunningEmulator } from '../../../src/emulator/start-emulator.js';
import type { Layer } from '../../../src/emulator/layer.js';
import { createDriver } from '../../../src/load/drivers/driver-registry.js';
import type { Driver, ResolvedTarget } from '../../../src/load/flow.js';
import type { LoadFlowContext } from '../../../src/load/flows/flow-context.js';
import { emulatorCodeReader } from '../../../src/load/population/emulator-codes.js';
import { SeededPopulation } from '../../../src/load/population/seeded-population.js';
import { MemorySessionPool } from '../../../src/load/session-pool.js';
import type { Sample } from '../../../src/metrics/sample.js';

export const POOL_ID = 'us-east-1_LoadTest1';
export const CLIENT_ID = 'loadclient1';
export const SECRET_CLIENT_ID = 'loadclient2';
export const CLIENT_SECRET = 'test-client-secret-0123456789';

const AUTH_FLOWS = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

/** An emulator on 127.0.0.1:0 with one pool, a public client and a client with a secret. */
export async function startTestEmulator(layers: Layer[] = []): Promise<RunningEmulator> {
  return startEmulator({
    port: 0,
    layers,
    bootstrap: {
      pools: [
        {
          id: POOL_ID,
          PoolName: 'load-test',
          AutoVerifiedAttributes: ['email'],
          clients: [
            { ClientName: 'public', clientId: CLIENT_ID, ExplicitAuthFlows: AUTH_FLOWS },
            { ClientName: 'secret', clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET, ExplicitAuthFlows: AUTH_FLOWS },
          ],
        },
      ],
    },
  });
}

export function targetOf(emu: RunningEmulator, withSecret = false): ResolvedTarget {
  return {
    kind: 'emulator',
    endpoint: emu.url,
    region: 'us-east-1',
    userPoolId: POOL_ID,
    clientId: withSecret ? SECRET_CLIENT_ID : CLIENT_ID,
    ...(withSecret ? { clientSecret: CLIENT_SECRET } : {}),
  };
}

/** A flow context for the emulator (real clock, no real sleeping). */
export function contextFor(
  emu: RunningEmulator,
  opts: { driver?: Driver; driverName?: string; withSecret?: boolean; population: SeededPopulation; sessions?: MemorySessionPool; samples?: Sample[]; flow?: string },
): { ctx: LoadFlowContext; driver: Driver } {
  const t0 = performance.now();
  const nowUs = () => Math.round((performance.now() - t0) * 1000);
  const target = targetOf(emu, opts.withSecret);
  const driver = opts.driver ?? createDriver(opts.driverName ?? 'sdk', { target, nowUs, onSample: (s) => opts.samples?.push(s) });
  let seed = 42;
  const rng = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  return {
    driver,
    ctx: {
      flow: opts.flow ?? 'test',
      intendedStartUs: nowUs(),
      driver,
      target,
      population: opts.population,
      sessions: opts.sessions ?? new MemorySessionPool(),
      rng,
      nowUs,
      sleep: async () => {},
      signal: new AbortController().signal,
      emulator: emulatorCodeReader(emu.url),
    },
  };
}
