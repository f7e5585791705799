/**
 * Load generator accuracy and cost, with Artillery driving the same emulator at the same target rates:
 * - `generator only`: a no-op flow (schedule + executor + recorder, no network): the generator's own ceiling;
 * - `raw GetUser`: the `profile-read` flow (GetUser with a cached session) through the raw driver against the
 *   embedded emulator (own process, quotas unlimited, zero latency): the whole path;
 * - `sdk AdminGetUser` (with --setups …,sdk): the `admin-get-user` flow through the AWS SDK driver;
 * - `artillery`: Artillery (installed by this script into a temporary folder, pinned version) posting the same GetUser
 *   call to the same emulator with `arrivalRate` = the target rate.
 * For each target rate (default 100 to 5,000 arrivals/s): achieved/target, start lag p50/p99 (cogcap: actual −
 * intended start of each arrival, no coordinated omission; Artillery does not report it), and the generator's CPU µs
 * per request (user + system; Artillery's is measured with the shell's `times` over its process tree, minus its
 * start-up cost measured by an idle run). Medians of several runs, with the machine and its load. Never fails.
 *
 * Run: npm run bench:generator -- [--runs 3] [--seconds 5] [--rates 100,500,1000,2000,5000] [--setups noop,raw] [--no-peer] [--no-drivers]
 * At the end it runs bench/drivers.ts (unless --no-drivers): CPU µs per call of the SDK driver, the raw driver and
 * autocannon in closed loops against the same kind of emulator.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseScenarioText } from '../src/config/load-scenario.js';
import { startEmbeddedEmulator } from '../src/load/embedded-emulator.js';
import { registerFlow } from '../src/load/flows/flow-registry.js';
import { runScenario } from '../src/load/run.js';
import { IDP_TARGET, postJson } from './lib/json-rpc-client.js';
import { printFooter, printHeader } from './lib/machine.js';
import { installPeer } from './lib/peer.js';
import { fmt, median } from './lib/stats.js';

// The SDK warns once about Node 20's end of support; it is noise in a benchmark's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const args = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    rates: { type: 'string', default: '100,500,1000,2000,5000' },
    setups: { type: 'string', default: 'noop,raw' },
    'no-peer': { type: 'boolean', default: false },
    'no-drivers': { type: 'boolean', default: false },
  },
}).values;
const runs = Number(args.runs);
const seconds = Number(args.seconds);
const rates = args.rates.split(',').map(Number);
const setups = args.setups.split(',');
/** Pinned Artillery version: the last 2.0.x whose engines allow Node 20 (2.0.22 and later need Node ≥ 22.13). */
const ARTILLERY_VERSION = '2.0.21';
const PASSWORD = 'Bench-Passw0rd!';

registerFlow({ name: 'bench-noop', describe: 'does nothing (generator overhead only)', categories: [], run: async () => true }, { replace: true });

interface Row {
  achieved: number;
  ratio: number;
  p50Us: number;
  p99Us: number;
  cpuUsPerRequest: number;
  okShare: number;
}

const SETUP_LABEL: Record<string, string> = { noop: 'cogcap, generator only (no-op flow)', raw: 'cogcap, raw driver, GetUser', sdk: 'cogcap, SDK driver, AdminGetUser' };

async function cogcapRun(setup: string, url: string, rate: number, seed: number, out: string, durationSec = seconds, fixedCpuUs = 0): Promise<Row & { cpuUs: number }> {
  const flow = setup === 'noop' ? 'bench-noop' : setup === 'raw' ? 'profile-read' : 'admin-get-user';
  const scenario = await parseScenarioText(
    [
      `name: bench-${rate}`,
      `target: { emulator: { url: "${url}" } }`,
      `population: { count: ${setup === 'noop' ? 1 : 50} }`,
      `flows: [{ flow: ${flow} }]`,
      `phases: [{ type: constant, duration: ${durationSec}s, rate: ${rate} }]`,
      `driver: ${setup === 'sdk' ? 'sdk' : 'raw'}`,
      'maxInFlight: 5000',
      `seed: ${seed}`,
    ].join('\n'),
    'bench.yaml',
  );
  const c0 = process.cpuUsage();
  const { result } = await runScenario(scenario, { outDir: join(out, `${setup}-${rate}-${seed}`), env: {}, writeResult: false });
  const c = process.cpuUsage(c0);
  const t = result.totals;
  const requests = setup === 'noop' ? t.startedArrivals : t.count;
  return {
    achieved: t.startedArrivals / (result.durationMs / 1000),
    ratio: t.plannedArrivals > 0 ? t.startedArrivals / t.plannedArrivals : 0,
    p50Us: result.generator.startLag.p50Us,
    p99Us: result.generator.startLag.p99Us,
    cpuUsPerRequest: (c.user + c.system - fixedCpuUs) / Math.max(1, requests),
    cpuUs: c.user + c.system,
    okShare: setup === 'noop' ? 1 : t.ok / Math.max(1, t.count),
  };
}

/** Runs Artillery on `script` through bash, returning its CPU (children user + system, s) and its JSON report. */
function artillery(bin: string, script: string, report: string): Promise<{ cpuSec: number; counters: Record<string, number>; wallSec: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      ['-c', `"${process.execPath}" "${bin}" run --quiet --output "${report}" "${script}" > /dev/null 2>&1; times`],
      { env: { ...process.env, ARTILLERY_DISABLE_TELEMETRY: 'true', ARTILLERY_TELEMETRY_DEFAULTS: '{}' }, timeout: (seconds + 120) * 1000 },
      (err, stdout) => {
        if (err) return reject(err);
        // `times`: shell user/sys, then children user/sys, e.g. "0m3.105s 0m0.495s".
        const lines = stdout.trim().split('\n');
        const m = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s/.exec(lines[lines.length - 1] ?? '');
        if (!m) return reject(new Error(`no times output: ${stdout}`));
        const cpuSec = Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4]);
        try {
          const counters = (JSON.parse(readFileSync(report, 'utf8')) as { aggregate: { counters: Record<string, number> } }).aggregate.counters;
          resolve({ cpuSec, counters, wallSec: (performance.now() - t0) / 1000 });
        } catch (e) {
          reject(new Error(`artillery wrote no report (${(e as Error).message})`));
        }
      },
    );
  });
}

function artilleryScript(dir: string, url: string, rate: number, durationSec: number, token: string): string {
  const file = join(dir, `artillery-${rate}-${durationSec}.yml`);
  writeFileSync(
    file,
    [
      'config:',
      `  target: "${url}"`,
      '  phases:',
      `    - duration: ${durationSec}`,
      `      arrivalRate: ${rate}`,
      '  http:',
      '    timeout: 10',
      'scenarios:',
      '  - flow:',
      '      - post:',
      '          url: "/"',
      '          headers:',
      '            content-type: application/x-amz-json-1.1',
      `            x-amz-target: ${IDP_TARGET}GetUser`,
      `          body: '${JSON.stringify({ AccessToken: token })}'`,
      '',
    ].join('\n'),
  );
  return file;
}

async function main(): Promise<void> {
  printHeader('cogcap load generator benchmark', [`runs: ${runs} × ${seconds} s per rate and set-up (medians); rates ${rates.map((r) => fmt(r)).join(', ')}/s`]);
  const out = mkdtempSync(join(tmpdir(), 'cogcap-bench-gen-'));
  let artilleryBin: string | undefined;
  if (args['no-peer']) console.log('Artillery not measured: --no-peer given');
  else {
    const peer = await installPeer('artillery', ARTILLERY_VERSION);
    if (peer.ok) artilleryBin = join(peer.packageDir, 'bin', 'run');
    else console.log(`Artillery not measured: ${peer.reason}`);
  }
  const emulator = await startEmbeddedEmulator({ quotas: 'unlimited', latency: 'zero', throttleStatus: 400 });
  const results: string[] = [];
  try {
    // A user and an access token for Artillery's GetUser calls.
    let token = '';
    let artilleryStartupCpuSec = 0;
    if (artilleryBin) {
      const agent = new Agent({ keepAlive: false });
      const pool = await postJson(emulator.url, agent, 'CreateUserPool', { PoolName: 'artillery' });
      const UserPoolId = pool.json.UserPool.Id as string;
      const client = await postJson(emulator.url, agent, 'CreateUserPoolClient', { UserPoolId, ClientName: 'a', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
      const ClientId = client.json.UserPoolClient.ClientId as string;
      await postJson(emulator.url, agent, '', { userPoolId: UserPoolId, users: [{ username: 'artillery', password: PASSWORD }] }, '/_cogcap/users');
      const auth = await postJson(emulator.url, agent, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME: 'artillery', PASSWORD } });
      agent.destroy();
      token = auth.json?.AuthenticationResult?.AccessToken ?? '';
      try {
        // Start-up cost: one arrival over one second, median of two runs.
        const idle: number[] = [];
        for (let i = 0; i < 2; i++) idle.push((await artillery(artilleryBin, artilleryScript(out, emulator.url, 1, 1, token), join(out, `idle-${i}.json`))).cpuSec);
        artilleryStartupCpuSec = median(idle);
        console.log(`Artillery ${ARTILLERY_VERSION} start-up + exit (1 arrival): ${fmt(artilleryStartupCpuSec, 2)} CPU s (subtracted below)\n`);
      } catch (e) {
        console.log(`Artillery cannot run here: ${(e as Error).message}\n`);
        artilleryBin = undefined;
      }
    }

    // Fixed cost of a cogcap run (scenario set-up, population, recorder, timers): one arrival in one second.
    const fixedCpuUs = new Map<string, number>();
    for (const setup of setups) {
      const idle: number[] = [];
      for (let i = 0; i < 2; i++) idle.push((await cogcapRun(setup, emulator.url, 1, 100 + i, out, 1)).cpuUs);
      fixedCpuUs.set(setup, median(idle));
      console.log(`cogcap ${SETUP_LABEL[setup] ?? setup}: fixed cost of a run (1 arrival): ${fmt(median(idle) / 1e6, 2)} CPU s (subtracted below)`);
    }
    console.log('');
    console.log('| generator | target/s | achieved/s | achieved/target | start lag p50 | start lag p99 | CPU µs/request (net of fixed cost) | ok share |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const rate of rates) {
      for (const setup of setups) {
        const rows: Row[] = [];
        for (let r = 0; r < runs; r++) rows.push(await cogcapRun(setup, emulator.url, rate, r + 1, out, seconds, fixedCpuUs.get(setup) ?? 0));
        const m = (k: keyof Row): number => median(rows.map((x) => x[k] as number));
        const line = `| ${SETUP_LABEL[setup] ?? setup} | ${fmt(rate)} | ${fmt(m('achieved'), 1)} | ${fmt(m('ratio') * 100, 2)}% | ${fmt(m('p50Us') / 1000, 2)} ms | ${fmt(m('p99Us') / 1000, 2)} ms | ${fmt(m('cpuUsPerRequest'))} | ${fmt(m('okShare') * 100, 1)}% |`;
        console.log(line);
        results.push(line);
      }
      if (artilleryBin) {
        const rows: Row[] = [];
        for (let r = 0; r < runs; r++) {
          try {
            const a = await artillery(artilleryBin, artilleryScript(out, emulator.url, rate, seconds, token), join(out, `artillery-${rate}-${r}.json`));
            const created = a.counters['vusers.created'] ?? 0;
            const requests = a.counters['http.requests'] ?? 0;
            rows.push({
              achieved: created / seconds,
              ratio: created / (rate * seconds),
              p50Us: Number.NaN,
              p99Us: Number.NaN,
              cpuUsPerRequest: ((a.cpuSec - artilleryStartupCpuSec) * 1e6) / Math.max(1, requests),
              okShare: (a.counters['http.codes.200'] ?? 0) / Math.max(1, requests),
            });
          } catch (e) {
            console.log(`  artillery at ${fmt(rate)}/s failed: ${(e as Error).message.split('\n')[0]}`);
          }
        }
        const m = (k: keyof Row): number => median(rows.map((x) => x[k]));
        const line = `| Artillery ${ARTILLERY_VERSION}, GetUser | ${fmt(rate)} | ${fmt(m('achieved'), 1)} | ${fmt(m('ratio') * 100, 2)}% | not reported | not reported | ${fmt(m('cpuUsPerRequest'))} | ${fmt(m('okShare') * 100, 1)}% |`;
        console.log(line);
        results.push(line);
      }
    }
  } finally {
    await emulator.close();
  }
  console.log(
    '\nachieved/target: flow starts (cogcap: on time or late) or virtual users created (Artillery) over planned arrivals. ' +
      'CPU is the generator only (the emulator runs in its own process, sharing the cores). CPU per request excludes each generator’s fixed cost per run (measured above), so it is the marginal cost of a request.',
  );
  if (!args['no-drivers']) {
    console.log('\n## driver cost (bench/drivers.ts)');
    spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./drivers.ts', import.meta.url)), String(runs), '3', '32'], { stdio: 'inherit', timeout: 600_000 });
  }
  printFooter();
}

// A benchmark never fails: an error is printed and the process exits 0.
await main().catch((e: unknown) => {
  console.log(`bench error: ${(e as Error)?.stack ?? String(e)}`);
});
