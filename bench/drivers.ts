/**
 * Driver cost and ceilings: GetUser through the three transports against the embedded emulator (own process,
 * quotas unlimited, zero latency), closed loops of `concurrency` callers:
 * - `sdk` driver (AWS SDK v3, maxAttempts 1, keep-alive): open-model per-call driver for every operation;
 * - `raw` driver (unsigned JSON 1.1 over node:http): open-model per-call driver for public operations;
 * - `runRawLoad` (autocannon): closed-loop saturation of one operation.
 * Prints calls/s and the generator's CPU per call (µs, user+system of this process), medians of several runs.
 * SRP client maths per sign-in is printed too (in-thread, on this thread). Never fails.
 *
 * Run: npx tsx bench/drivers.ts [runs=3] [seconds=3] [concurrency=32]   (part of `npm run bench:generator`)
 */
import os from 'node:os';
import { clientSignature, clientStart } from '../src/cognito/srp.js';
import { startEmbeddedEmulator } from '../src/load/embedded-emulator.js';
import { createDriver } from '../src/load/drivers/driver-registry.js';
import { runRawLoad } from '../src/load/drivers/raw-load.js';
import type { Driver, ResolvedTarget } from '../src/load/flow.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const runs = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 3);
const concurrency = Number(process.argv[4] ?? 32);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number, d = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const cpuUs = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

const emulator = await startEmbeddedEmulator({ quotas: 'unlimited', latency: 'zero', throttleStatus: 400 });
try {
  const base: ResolvedTarget = { kind: 'emulator', endpoint: emulator.url, region: 'us-east-1', userPoolId: '', clientId: '' };
  const admin = createDriver('sdk', { target: base });
  const meta = { flow: 'bench', intendedStartUs: 0 };
  const pool = await admin.call('CreateUserPool', { PoolName: 'bench' }, meta);
  const userPoolId = (pool.output?.UserPool as { Id: string }).Id;
  const client = await admin.call('CreateUserPoolClient', { UserPoolId: userPoolId, ClientName: 'bench', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, meta);
  const clientId = (client.output?.UserPoolClient as { ClientId: string }).ClientId;
  await admin.call('AdminCreateUser', { UserPoolId: userPoolId, Username: 'bench', MessageAction: 'SUPPRESS' }, meta);
  await admin.call('AdminSetUserPassword', { UserPoolId: userPoolId, Username: 'bench', Password: 'Bench-Passw0rd!', Permanent: true }, meta);
  const auth = await admin.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'bench', PASSWORD: 'Bench-Passw0rd!' } }, meta);
  const accessToken = (auth.output?.AuthenticationResult as { AccessToken: string }).AccessToken;
  await admin.close();
  const target: ResolvedTarget = { ...base, userPoolId, clientId };

  const cpus = os.cpus();
  console.log(`# cogcap driver benchmark\nmachine: ${cpus[0]?.model ?? '?'} × ${cpus.length}, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`GetUser, ${concurrency} concurrent callers, ${runs} × ${seconds} s (medians)\n`);
  console.log('| transport | model | calls/s | generator CPU µs/call | ok share |');
  console.log('|---|---|---:|---:|---:|');

  const closedLoop = async (driver: Driver): Promise<{ rate: number; cpu: number; ok: number }> => {
    const end = performance.now() + seconds * 1000;
    let calls = 0;
    let ok = 0;
    const c0 = cpuUs();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) {
          const r = await driver.call('GetUser', { AccessToken: accessToken }, meta);
          calls += 1;
          if (r.outcome === 'ok') ok += 1;
        }
      }),
    );
    const s = (performance.now() - t0) / 1000;
    return { rate: calls / s, cpu: (cpuUs() - c0) / calls, ok: ok / calls };
  };

  for (const name of ['sdk', 'raw']) {
    const rows = [];
    for (let r = 0; r < runs; r++) {
      const driver = createDriver(name, { target, inFlightCap: concurrency });
      rows.push(await closedLoop(driver));
      await driver.close();
    }
    console.log(`| ${name} driver | open (per call) | ${fmt(median(rows.map((x) => x.rate)))} | ${fmt(median(rows.map((x) => x.cpu)))} | ${fmt(median(rows.map((x) => x.ok)) * 100, 1)}% |`);
  }
  const rows = [];
  for (let r = 0; r < runs; r++) {
    const c0 = cpuUs();
    const res = await runRawLoad({ url: emulator.url, operation: 'GetUser', body: { AccessToken: accessToken }, connections: concurrency, durationSec: seconds });
    rows.push({ rate: res.ratePerSec, cpu: (cpuUs() - c0) / res.requests, ok: res.counts.ok / res.requests });
  }
  console.log(`| runRawLoad (autocannon) | closed | ${fmt(median(rows.map((x) => x.rate)))} | ${fmt(median(rows.map((x) => x.cpu)))} | ${fmt(median(rows.map((x) => x.ok)) * 100, 1)}% |`);

  // SRP client maths on this thread (what the worker pool takes off the timing thread).
  const { AHex: BHex } = clientStart();
  const n = 50;
  const c0 = cpuUs();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const { aHex, AHex } = clientStart();
    clientSignature({ poolName: 'bench', userId: 'u', password: 'p', saltHex: 'abcdef', BHex, aHex, AHex, secretBlockB64: 'AAAA', timestamp: 'Tue Mar 4 09:05:07 UTC 2025' });
  }
  console.log(`\nSRP client maths per sign-in (clientStart + clientSignature, in-thread): ${fmt(((performance.now() - t0) * 1000) / n)} µs wall, ${fmt((cpuUs() - c0) / n)} µs CPU`);
} finally {
  await emulator.close();
}
