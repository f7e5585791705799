/**
 * Emulator speed, side by side with cognito-local (the emulator users would pick instead):
 * - password sign-ins/s (USER_PASSWORD_AUTH through autocannon, same client, same connections) of the cogcap emulator
 *   and of cognito-local with 1,000 and 100,000 users in the pool, interleaved run by run, and their ratio;
 * - the ratio to the RSA-2048 signing ceiling (Node's own sign rate on this machine / 2: two RS256 tokens per sign-in);
 * - the raw HTTP ceiling of a cheap operation (GetUser with a valid access token) with autocannon, on both;
 * - (unless --quick) seeding time for the largest pool, in-process CPU efficiency, server CPU per sign-in against
 *   signatures measured inside the server under the same load, and SRP sign-ins/s.
 * cognito-local is installed by this script into a temporary folder (npm install --prefix, pinned version), never
 * into the project; if it cannot be installed or run, the reason is printed and the rest continues. All traffic is
 * on 127.0.0.1; every run is bounded in time. Prints medians of several runs and the machine; never fails.
 *
 * Run: npm run bench:emulator -- [--runs 3] [--seconds 5] [--users 1000,100000] [--connections 16] [--quick] [--no-peer]
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { Agent } from 'node:http';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { removeDataDir, seedCognitoLocalFile, startCognitoLocal, type CognitoLocal } from './lib/cognito-local.js';
import { startBenchServer as startServer } from './lib/emulator-child.js';
import { IDP_TARGET, postJson } from './lib/json-rpc-client.js';
import { printFooter, printHeader } from './lib/machine.js';
import { installPeer } from './lib/peer.js';
import { procCpuUs } from './lib/proc-stats.js';
import { fmt, median, ratio } from './lib/stats.js';
import { modPowNative } from '../src/cognito/mod-pow.js';
import { clientStart, computeX, formatSrpTimestamp, poolNameOf, SRP_G, SRP_K, SRP_N } from '../src/cognito/srp.js';
import { createEmulatorApp } from '../src/emulator/app.js';
import { createHash, createHmac } from 'node:crypto';

const args = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    users: { type: 'string', default: '1000,100000' },
    connections: { type: 'string', default: '16' },
    quick: { type: 'boolean', default: false },
    'no-peer': { type: 'boolean', default: false },
  },
}).values;
const runs = Number(args.runs);
const seconds = Number(args.seconds);
const userCounts = args.users.split(',').map(Number);
const userCount = Math.max(...userCounts);
const connections = Number(args.connections);
const PASSWORD = 'Bench-Passw0rd!';
const TARGET = IDP_TARGET;
/** Pinned cognito-local version (engines: node >= 12). */
const COGNITO_LOCAL_VERSION = '5.3.0';
/** cognito-local users created through its API at most (each API write rewrites its whole pool file). */
const COGNITO_LOCAL_API_SEED_CAP = 1_000;
/** Time budget of cognito-local API seeding per pool, s (the rest is written into its pool file). */
const COGNITO_LOCAL_API_SEED_BUDGET_SEC = 60;
const http = postJson;
/** Username (an e-mail: cognito-local's default pools use the e-mail as username attribute) of bench user `i`. */
const benchUser = (i: number): string => `user${i}@example.com`;

/** RSA-2048 signatures per wall second and CPU µs per signature. */
function rsaSignRate(durationMs: number): { ratePerSec: number; cpuUsPerSign: number } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const payload = Buffer.alloc(600, 0x61);
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  let n = 0;
  while (performance.now() - start < durationMs) {
    sign('sha256', payload, privateKey);
    n++;
  }
  const cpu = process.cpuUsage(cpu0);
  return { ratePerSec: (n * 1000) / (performance.now() - start), cpuUsPerSign: (cpu.user + cpu.system) / n };
}

/** Seeding through the API path in-process: AdminCreateUser (SUPPRESS) + AdminSetUserPassword (Permanent). */
async function seedInProcess(n: number): Promise<number> {
  const app = createEmulatorApp();
  const poolId = (await app.call('CreateUserPool', { PoolName: 'seed' })).body.UserPool as { Id: string };
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const Username = `user${i}@example.com`;
    await app.call('AdminCreateUser', { UserPoolId: poolId.Id, Username, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: Username }, { Name: 'email_verified', Value: 'true' }] });
    await app.call('AdminSetUserPassword', { UserPoolId: poolId.Id, Username, Password: PASSWORD, Permanent: true });
  }
  return (performance.now() - start) / 1000;
}

/**
 * App-only efficiency: interleaved blocks of 200 in-process password sign-ins (app.handle, no sockets) and 400 raw
 * RSA-2048 signatures with the pool's own key, `n` users in the pool; median of 5 ratios (two signatures / sign-in).
 */
async function inProcessEfficiency(n: number): Promise<number> {
  const app = createEmulatorApp();
  const poolId = ((await app.call('CreateUserPool', { PoolName: 'p' })).body.UserPool as { Id: string }).Id;
  const clientId = ((await app.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] })).body.UserPoolClient as { ClientId: string }).ClientId;
  for (let i = 0; i < n; i += 10_000) {
    const users = Array.from({ length: Math.min(10_000, n - i) }, (_, j) => ({ username: `user${i + j}`, password: PASSWORD }));
    await app.handle({ method: 'POST', path: '/_cogcap/users', query: new URLSearchParams(), headers: {}, body: Buffer.from(JSON.stringify({ userPoolId: poolId, users })), baseUrl: '', receivedAtMs: 0 });
  }
  const keys = await app.store.keys.get(poolId);
  const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${TARGET}InitiateAuth` };
  const ratios: number[] = [];
  for (let round = 0; round < 5; round++) {
    let c0 = process.cpuUsage();
    for (let i = 0; i < 200; i++) {
      const body = Buffer.from(JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: `user${Math.floor(Math.random() * n)}`, PASSWORD } }));
      await app.handle({ method: 'POST', path: '/', query: new URLSearchParams(), headers, body, baseUrl: 'http://x', receivedAtMs: Date.now() });
    }
    let c = process.cpuUsage(c0);
    const signIn = c.user + c.system;
    c0 = process.cpuUsage();
    for (let i = 0; i < 400; i++) sign('sha256', Buffer.alloc(700, i), keys.access.privateKey);
    c = process.cpuUsage(c0);
    ratios.push((c.user + c.system) / signIn);
  }
  return median(ratios);
}

/** Seeding over HTTP with the emulator-only bulk route, in batches of 10,000. */
async function seedOverHttp(url: string, agent: Agent, poolId: string, n: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < n; i += 10_000) {
    const users = [];
    for (let j = i; j < Math.min(n, i + 10_000); j++) users.push({ username: benchUser(j), password: PASSWORD, attributes: { email: benchUser(j), email_verified: 'true' } });
    const r = await http(url, agent, '', { userPoolId: poolId, users }, '/_cogcap/users');
    if (r.status !== 200) throw new Error(`seed failed: ${JSON.stringify(r.json)}`);
  }
  return (performance.now() - start) / 1000;
}

/** Outcome of one autocannon run: 2xx answers per second, all answers, non-2xx + errors, p99 latency (ms). */
interface CannonRun {
  rate: number;
  total: number;
  non2xx: number;
  p99: number;
}

/** Closed-loop autocannon run of one JSON 1.1 operation, `connections` keep-alive connections, `seconds` long. */
async function cannon(url: string, operation: string, body: () => unknown): Promise<CannonRun> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: Math.max(10, seconds * 2),
    requests: [
      {
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${TARGET}${operation}` },
        setupRequest: (req) => ({ ...req, body: JSON.stringify(body()) }),
      },
    ],
  });
  const ok = result['2xx'];
  return { rate: ok / Math.max(result.duration, 1e-3), total: result.requests.total, non2xx: result.non2xx + result.errors, p99: result.latency.p99 };
}

/** Password sign-ins (USER_PASSWORD_AUTH) of random users `user0`…`user<n − 1>`. */
function passwordRun(url: string, clientId: string, n: number): Promise<CannonRun> {
  return cannon(url, 'InitiateAuth', () => ({
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: benchUser(Math.floor(Math.random() * n)), PASSWORD },
  }));
}

/** Client side of SRP with the bench's own shortcut: g^x cached per user, 256-bit a precomputed in a pool. */
async function srpRun(url: string, agent: Agent, poolId: string, clientId: string, n: number): Promise<{ rate: number; failures: number }> {
  const poolName = poolNameOf(poolId);
  const deadline = performance.now() + seconds * 1000;
  let ok = 0;
  let failures = 0;
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const username = benchUser(Math.floor(Math.random() * n));
      const { aHex, AHex } = clientStart();
      const ch = await http(url, agent, 'InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, SRP_A: AHex } });
      if (ch.status !== 200) {
        failures++;
        continue;
      }
      const p = ch.json.ChallengeParameters as Record<string, string>;
      const timestamp = formatSrpTimestamp(new Date());
      const signature = clientSig(poolName, p.USER_ID_FOR_SRP!, p.SALT!, p.SRP_B!, aHex, AHex, p.SECRET_BLOCK!, timestamp);
      const r = await http(url, agent, 'RespondToAuthChallenge', {
        ClientId: clientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: { USERNAME: p.USER_ID_FOR_SRP, PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK, TIMESTAMP: timestamp, PASSWORD_CLAIM_SIGNATURE: signature },
      });
      if (r.status === 200 && r.json.AuthenticationResult) ok++;
      else failures++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: 16 }, loop));
  return { rate: (ok * 1000) / (performance.now() - start), failures };
}

const hex = (v: bigint): string => {
  let h = v.toString(16);
  if (h.length % 2) h = `0${h}`;
  else if ('89abcdef'.includes(h[0]!)) h = `00${h}`;
  return h;
};
const gxCache = new Map<string, bigint>();
function clientSig(poolName: string, userId: string, saltHex: string, BHex: string, aHex: string, AHex: string, secretBlock: string, timestamp: string): string {
  const B = BigInt(`0x${BHex}`);
  const A = BigInt(`0x${AHex}`);
  const a = BigInt(`0x${aHex}`);
  const u = BigInt(`0x${createHash('sha256').update(Buffer.from(hex(A) + hex(B), 'hex')).digest('hex')}`);
  const x = computeX(saltHex, poolName, userId, PASSWORD);
  const key = `${userId}`;
  let gx = gxCache.get(key);
  if (gx === undefined) gxCache.set(key, (gx = modPowNative(SRP_G, x, SRP_N)));
  let base = (B - SRP_K * gx) % SRP_N;
  if (base < 0n) base += SRP_N;
  const S = modPowNative(base, a + u * x, SRP_N);
  const prk = createHmac('sha256', Buffer.from(hex(u), 'hex')).update(Buffer.from(hex(S), 'hex')).digest();
  const k = createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])])).digest().subarray(0, 16);
  return createHmac('sha256', k).update(poolName).update(userId).update(Buffer.from(secretBlock, 'base64')).update(timestamp).digest('base64');
}

/** One side of the comparison: a target with a pool, a client and `n` users `user0`…, and its process id. */
interface Side {
  name: string;
  url: string;
  pid: number | undefined;
  clientId: string;
  users: number;
  note: string;
  stop(): Promise<void>;
}

async function createPoolAndClient(url: string, agent: Agent): Promise<{ poolId: string; clientId: string }> {
  const pool = await http(url, agent, 'CreateUserPool', { PoolName: 'bench', });
  const poolId = pool.json?.UserPool?.Id as string;
  if (!poolId) throw new Error(`CreateUserPool failed: ${pool.status} ${JSON.stringify(pool.json).slice(0, 200)}`);
  const client = await http(url, agent, 'CreateUserPoolClient', {
    UserPoolId: poolId,
    ClientName: 'bench',
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  const clientId = client.json?.UserPoolClient?.ClientId as string;
  if (!clientId) throw new Error(`CreateUserPoolClient failed: ${client.status} ${JSON.stringify(client.json).slice(0, 200)}`);
  return { poolId, clientId };
}

/** The cogcap emulator (child process) with `n` users seeded over HTTP in bulk. */
async function cogcapSide(n: number): Promise<Side> {
  const server = await startServer();
  const agent = new Agent({ keepAlive: true });
  try {
    const { poolId, clientId } = await createPoolAndClient(server.url, agent);
    const seedSec = await seedOverHttp(server.url, agent, poolId, n);
    return { name: 'cogcap', url: server.url, pid: server.pid, clientId, users: n, note: `seeded ${fmt(n)} users in ${fmt(seedSec, 1)} s (POST /_cogcap/users)`, stop: () => server.stop() };
  } catch (e) {
    await server.stop();
    throw e;
  } finally {
    agent.destroy();
  }
}

/**
 * cognito-local with `n` users: created through its API (AdminCreateUser SUPPRESS + AdminSetUserPassword Permanent)
 * up to {@link COGNITO_LOCAL_API_SEED_CAP} users or {@link COGNITO_LOCAL_API_SEED_BUDGET_SEC}; the rest cloned into
 * its pool file while it is stopped (its API rewrites the whole file on every write, O(n²) for n users).
 */
async function cognitoLocalSide(packageDir: string, n: number): Promise<Side> {
  let cl: CognitoLocal = await startCognitoLocal(packageDir);
  const dataDir = cl.dataDir;
  const agent = new Agent({ keepAlive: true });
  try {
    const { poolId, clientId } = await createPoolAndClient(cl.url, agent);
    const t0 = performance.now();
    let created = 0;
    while (created < Math.min(n, COGNITO_LOCAL_API_SEED_CAP) && performance.now() - t0 < COGNITO_LOCAL_API_SEED_BUDGET_SEC * 1000) {
      const Username = benchUser(created);
      const c = await http(cl.url, agent, 'AdminCreateUser', {
        UserPoolId: poolId,
        Username,
        TemporaryPassword: PASSWORD,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: Username },
          { Name: 'email_verified', Value: 'true' },
        ],
      });
      if (c.status !== 200) throw new Error(`cognito-local AdminCreateUser: ${c.status} ${JSON.stringify(c.json).slice(0, 200)}`);
      const p = await http(cl.url, agent, 'AdminSetUserPassword', { UserPoolId: poolId, Username, Password: PASSWORD, Permanent: true });
      if (p.status !== 200) throw new Error(`cognito-local AdminSetUserPassword: ${p.status} ${JSON.stringify(p.json).slice(0, 200)}`);
      created++;
    }
    const apiSec = (performance.now() - t0) / 1000;
    let note = `${fmt(created)} users through its API in ${fmt(apiSec, 1)} s (${fmt(created / apiSec)} users/s)`;
    if (created < n) {
      await cl.stop();
      const f0 = performance.now();
      const total = seedCognitoLocalFile(dataDir, poolId, created, n, benchUser);
      note += `, ${fmt(n - created)} more cloned into its pool file in ${fmt((performance.now() - f0) / 1000, 1)} s (API too slow: each write rewrites the whole file); ${fmt(total)} users`;
      cl = await startCognitoLocal(packageDir, dataDir, 120_000);
    }
    const running = cl;
    return {
      name: `cognito-local ${COGNITO_LOCAL_VERSION}`,
      url: running.url,
      pid: running.pid,
      clientId,
      users: n,
      note,
      stop: async () => {
        await running.stop();
        removeDataDir(dataDir);
      },
    };
  } catch (e) {
    await cl.stop();
    removeDataDir(dataDir);
    throw e;
  } finally {
    agent.destroy();
  }
}

/** Access token of `user0` (for the cheap-operation ceiling), or undefined. */
async function accessToken(side: Side): Promise<string | undefined> {
  const agent = new Agent({ keepAlive: false });
  try {
    const r = await http(side.url, agent, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: side.clientId, AuthParameters: { USERNAME: benchUser(0), PASSWORD } });
    return r.json?.AuthenticationResult?.AccessToken as string | undefined;
  } finally {
    agent.destroy();
  }
}

/** Password sign-ins/s and server CPU µs per answer, measured from /proc (10 ms resolution). */
async function measuredRun(side: Side, fn: () => Promise<CannonRun>): Promise<CannonRun & { cpuUs: number }> {
  const c0 = procCpuUs(side.pid);
  const r = await fn();
  return { ...r, cpuUs: (procCpuUs(side.pid) - c0) / Math.max(r.total, 1) };
}

/** Side-by-side password sign-ins (and, for the first pool size, the cheap-operation ceiling) vs cognito-local. */
async function compare(ceiling: number, peerDir: string | undefined, peerWhyNot: string | undefined): Promise<void> {
  console.log(`## password sign-ins/s, cogcap emulator vs cognito-local (USER_PASSWORD_AUTH, autocannon, ${connections} keep-alive connections, ${runs} × ${seconds} s interleaved, medians)`);
  if (!peerDir) console.log(`cognito-local not measured: ${peerWhyNot}`);
  const rows: string[] = [];
  for (const [index, n] of userCounts.entries()) {
    const sides: Side[] = [];
    try {
      sides.push(await cogcapSide(n));
      if (peerDir) {
        try {
          sides.push(await cognitoLocalSide(peerDir, n));
        } catch (e) {
          console.log(`cognito-local with ${fmt(n)} users could not be set up: ${(e as Error).message}`);
        }
      }
      for (const side of sides) console.log(`${side.name}, ${fmt(n)} users: ${side.note}`);
      const results = new Map<string, (CannonRun & { cpuUs: number })[]>(sides.map((s) => [s.name, []]));
      for (let i = 0; i < runs; i++) {
        for (const side of sides) {
          const r = await measuredRun(side, () => passwordRun(side.url, side.clientId, n));
          results.get(side.name)!.push(r);
          console.log(`  ${fmt(n)} users, run ${i + 1}, ${side.name}: ${fmt(r.rate, 1)} sign-ins/s, p99 ${r.p99} ms, non-2xx/errors ${r.non2xx}, server ${fmt(r.cpuUs)} CPU µs/answer`);
        }
      }
      const med = (name: string, k: 'rate' | 'cpuUs'): number => median((results.get(name) ?? []).filter((r) => r.total > 0 || k === 'rate').map((r) => r[k]));
      const ours = med('cogcap', 'rate');
      const peer = sides[1];
      let theirs = peer ? med(peer.name, 'rate') : Number.NaN;
      let theirsText = peer ? fmt(theirs, 1) : 'n/a';
      let ratioText = ratio(ours, theirs);
      let theirsCpu = peer ? fmt(med(peer.name, 'cpuUs')) : 'n/a';
      if (peer && (results.get(peer.name) ?? []).every((r) => r.total === 0)) {
        // No answer within a run: time one more sign-in (up to 120 s) for an upper bound of its rate.
        const agent = new Agent({ keepAlive: false });
        const c0 = procCpuUs(peer.pid);
        const t0 = performance.now();
        const r = await Promise.race([
          http(peer.url, agent, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: peer.clientId, AuthParameters: { USERNAME: benchUser(n - 1), PASSWORD } }),
          new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 120_000)),
        ]);
        agent.destroy();
        const sec = (performance.now() - t0) / 1000;
        if (r?.status === 200) {
          // The run's abandoned requests (up to one per connection) may still be queued ahead of this one.
          theirs = (connections + 1) / sec;
          theirsText = `0 within ${seconds} s runs; one sign-in sent after the run answered in ${fmt(sec, 1)} s, behind up to ${connections} abandoned ones (≤ ${fmt(theirs, 2)}/s)`;
          ratioText = `≥ ${ratio(ours, theirs, 0)}`;
          theirsCpu = fmt(procCpuUs(peer.pid) - c0);
        } else {
          theirsText = `0 (one sign-in alone: ${r ? `status ${r.status}` : 'no answer within 120 s'})`;
          ratioText = 'n/a';
        }
        console.log(`  ${peer.name}, ${fmt(n)} users: ${theirsText}`);
      }
      rows.push(`| ${fmt(n)} | ${fmt(ours)} | ${theirsText} | ${ratioText} | ${fmt((ours / ceiling) * 100)}% | ${fmt(med('cogcap', 'cpuUs'))} | ${theirsCpu} |`);

      if (index === 0) {
        console.log(`## raw HTTP ceiling of a cheap operation (GetUser with a valid access token, autocannon, ${connections} connections, ${fmt(n)} users)`);
        const cheap = new Map<string, number[]>();
        for (const side of sides) cheap.set(side.name, []);
        const tokens = new Map<string, string | undefined>();
        for (const side of sides) tokens.set(side.name, await accessToken(side));
        for (let i = 0; i < runs; i++) {
          for (const side of sides) {
            const token = tokens.get(side.name);
            if (!token) continue;
            const r = await measuredRun(side, () => cannon(side.url, 'GetUser', () => ({ AccessToken: token })));
            cheap.get(side.name)!.push(r.rate);
            console.log(`  run ${i + 1}, ${side.name}: ${fmt(r.rate)} GetUser/s, p99 ${r.p99} ms, non-2xx/errors ${r.non2xx}, server ${fmt(r.cpuUs)} CPU µs/answer`);
          }
        }
        const a = median(cheap.get('cogcap') ?? []);
        const b = sides[1] ? median(cheap.get(sides[1].name) ?? []) : Number.NaN;
        console.log(`GetUser ceiling: cogcap ${fmt(a)}/s, ${sides[1]?.name ?? 'cognito-local'} ${fmt(b)}/s, ratio ${ratio(a, b)}\n`);
      }
    } catch (e) {
      console.log(`comparison with ${fmt(n)} users failed: ${(e as Error).message}`);
    } finally {
      for (const side of sides) await side.stop();
    }
  }
  console.log(`\n| users in pool | cogcap sign-ins/s | cognito-local sign-ins/s | ratio | cogcap / RSA ceiling (${fmt(ceiling)}/s) | cogcap server CPU µs/sign-in | cognito-local server CPU µs/sign-in |`);
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
  console.log(
    'cognito-local rewrites its whole pool file (JSON) on every sign-in (it stores each refresh token in the user), so its rate falls with the pool size; ' +
      'both servers share the machine with this client and with any other load.\n',
  );
}

async function main(): Promise<void> {
  printHeader('cogcap emulator benchmark', [`runs: ${runs} × ~${seconds} s, pools of ${userCounts.map((n) => fmt(n)).join(' and ')} users, ${connections} connections`]);

  const signRuns: { ratePerSec: number; cpuUsPerSign: number }[] = [];
  for (let i = 0; i < runs; i++) signRuns.push(rsaSignRate(2000));
  const signRate = median(signRuns.map((r) => r.ratePerSec));
  const signCpuUs = median(signRuns.map((r) => r.cpuUsPerSign));
  const ceiling = signRate / 2;
  console.log(
    `RSA-2048 sign rate (Node crypto.sign, one thread): ${fmt(signRate)}/s, ${fmt(signCpuUs)} CPU µs each → ceiling ${fmt(ceiling)} sign-ins/s ` +
      `(two RS256 signatures each; ${fmt(1e6 / (2 * signCpuUs))} per CPU-second)\n`,
  );

  let peerDir: string | undefined;
  let peerWhyNot: string | undefined = '--no-peer given';
  if (!args['no-peer']) {
    const peer = await installPeer('cognito-local', COGNITO_LOCAL_VERSION);
    if (peer.ok) peerDir = peer.packageDir;
    else peerWhyNot = peer.reason;
  }
  await compare(ceiling, peerDir, peerWhyNot);
  if (args.quick) {
    printFooter();
    return;
  }

  console.log(`## details with ${fmt(userCount)} users (skip with --quick)`);
  const seedSec = await seedInProcess(userCount);
  console.log(`seeding ${fmt(userCount)} users in-process via AdminCreateUser + AdminSetUserPassword: ${fmt(seedSec, 1)} s`);

  const inProcessRatio = await inProcessEfficiency(userCount);

  const server = await startServer();
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  try {
    const { poolId, clientId } = await createPoolAndClient(server.url, agent);
    const seedHttp = await seedOverHttp(server.url, agent, poolId, userCount);
    console.log(`seeding ${fmt(userCount)} users over HTTP via POST /_cogcap/users (batches of 10,000): ${fmt(seedHttp, 1)} s`);
    await http(server.url, agent, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: benchUser(0), PASSWORD } });

    const pw: number[] = [];
    const pwCpu: number[] = [];
    const loadedSign: number[] = [];
    for (let i = 0; i < runs; i++) {
      const cpu0 = await server.cpuUs();
      const rsaMid = new Promise<number>((resolve) => setTimeout(() => resolve(server.rsaCpuUs()), (seconds * 1000) / 2));
      const r = await passwordRun(server.url, clientId, userCount);
      const rsaUs = await rsaMid;
      const cpuPer = (await server.cpuUs()) - cpu0 - 100 * rsaUs;
      const total = r.total;
      pw.push(r.rate);
      pwCpu.push(cpuPer / total);
      loadedSign.push(rsaUs);
      console.log(
        `  password run ${i + 1}: ${fmt(r.rate)}/s, p99 ${r.p99} ms, non-2xx/errors ${r.non2xx}, server ${fmt(cpuPer / total)} CPU µs per sign-in, ` +
          `RSA sign under load ${fmt(rsaUs)} CPU µs`,
      );
    }
    const pwCpuUs = median(pwCpu);
    const loadedSignUs = median(loadedSign);
    console.log(
      `server CPU per password sign-in ${fmt(pwCpuUs)} µs vs two signatures measured in the server under the same load ${fmt(2 * loadedSignUs)} µs ` +
        `= ${fmt(((2 * loadedSignUs) / pwCpuUs) * 100)}% of the CPU ceiling (robust to other load on the machine)`,
    );
    console.log(`in-process (no HTTP) CPU efficiency: ${fmt(inProcessRatio * 100)}% (median of 5 interleaved blocks of sign-ins and signatures)`);

    const srp: number[] = [];
    const srpCpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const cpu0 = await server.cpuUs();
      const r = await srpRun(server.url, agent, poolId, clientId, userCount);
      const cpu = (await server.cpuUs()) - cpu0;
      srp.push(r.rate);
      srpCpu.push(cpu / Math.max(1, r.rate * seconds));
      console.log(`  SRP run ${i + 1}: ${fmt(r.rate)}/s, failures ${r.failures}, server ${fmt(cpu / Math.max(1, r.rate * seconds))} CPU µs per SRP sign-in`);
    }
    console.log(
      `SRP sign-ins (InitiateAuth + RespondToAuthChallenge, client in this process): ${fmt(median(srp))}/s = ${fmt((median(srp) / ceiling) * 100)}% of the two-signature ceiling; ` +
        `emulator CPU ${fmt(median(srpCpu))} µs per SRP sign-in (SRP adds ~3 server modexps; first SRP use of a user derives its verifier)`,
    );
  } finally {
    agent.destroy();
    await server.stop();
  }
  printFooter();
}

// A benchmark never fails: an error is printed and the process exits 0.
await main().catch((e: unknown) => {
  console.log(`bench error: ${(e as Error)?.stack ?? String(e)}`);
});
