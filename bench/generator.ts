/**
 * Load generator accuracy: achieved vs target arrival rate from 10 to 2,000 flow starts per second, and start lag
 * (actual − intended start) p50/p99, in two set-ups:
 * - `generator only`: a no-op flow (schedule + executor + recorder, no network): the generator's own ceiling;
 * - `emulator sdk`: AdminGetUser through the AWS SDK driver against the embedded emulator (own process, quotas
 *   unlimited, zero latency): the whole path, sharing the machine's cores with the emulator;
 * - `emulator raw`: GetUser of cached sessions through the raw HTTP driver (cheaper per call than the SDK).
 * Prints medians of several short runs, with the machine and its load (other processes skew the figures: compare the
 * two set-ups side by side). Never fails.
 *
 * Run: npx tsx bench/generator.ts [runs=3] [seconds=5] [rates=10,100,500,1000,2000] [set-ups=generator,sdk,raw]
 */
import os from 'node:os';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenarioText } from '../src/config/load-scenario.js';
import { startEmbeddedEmulator } from '../src/load/embedded-emulator.js';
import { registerFlow } from '../src/load/flows/flow-registry.js';
import { runScenario } from '../src/load/run.js';

// The SDK warns once about Node 20's end of support; it is noise in a benchmark's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const runs = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 5);
const rates = (process.argv[4] ?? '10,100,500,1000,2000').split(',').map(Number);
const SETUPS = { generator: 'generator only', sdk: 'emulator sdk', raw: 'emulator raw' } as const;
const setups = (process.argv[5] ?? 'generator,sdk,raw').split(',').map((k) => SETUPS[k as keyof typeof SETUPS]).filter(Boolean);

registerFlow({ name: 'bench-noop', describe: 'does nothing (generator overhead only)', categories: [], run: async () => true }, { replace: true });

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number, d = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const machine = (): string => {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, load ${load()}`;
};

const out = mkdtempSync(join(tmpdir(), 'cogcap-bench-gen-'));
const emulator = await startEmbeddedEmulator({ quotas: 'unlimited', latency: 'zero', throttleStatus: 400 });
console.log(`# cogcap load generator benchmark\nmachine: ${machine()}\nruns: ${runs} × ${seconds} s per rate (medians)\n`);
console.log('| set-up | target/s | achieved/s | achieved/target | dropped | start lag p50 | start lag p99 | event-loop p99 | CPU | calls/s |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
try {
  for (const setup of setups) {
    for (const rate of rates) {
      const rows: { achieved: number; ratio: number; dropped: number; p50: number; p99: number; loop: number; cpu: number; calls: number }[] = [];
      for (let r = 0; r < runs; r++) {
        const flow = setup === 'generator only' ? 'bench-noop' : setup === 'emulator sdk' ? 'admin-get-user' : 'profile-read';
        const scenario = await parseScenarioText(
          [
            `name: bench-${rate}`,
            `target: { emulator: { url: "${emulator.url}" } }`,
            `population: { count: ${setup === 'generator only' ? 1 : 200} }`,
            `driver: ${setup === 'emulator raw' ? 'raw' : 'sdk'}`,
            `flows: [{ flow: ${flow} }]`,
            `phases: [{ type: constant, duration: ${seconds}s, rate: ${rate} }]`,
            'maxInFlight: 5000',
            `seed: ${r + 1}`,
          ].join('\n'),
          'bench.yaml',
        );
        const { result } = await runScenario(scenario, { outDir: join(out, `${setup.replace(' ', '-')}-${rate}-${r}`), env: {}, writeResult: false });
        const t = result.totals;
        rows.push({
          achieved: t.startedArrivals / (result.durationMs / 1000),
          ratio: t.plannedArrivals > 0 ? t.startedArrivals / t.plannedArrivals : 0,
          dropped: t.droppedArrivals,
          p50: result.generator.startLag.p50Us,
          p99: result.generator.startLag.p99Us,
          loop: result.generator.eventLoopLag.p99Us,
          cpu: result.generator.cpuPercent,
          calls: t.achievedRatePerSec,
        });
      }
      const m = (k: keyof (typeof rows)[number]): number => median(rows.map((x) => x[k]));
      console.log(
        `| ${setup} | ${fmt(rate)} | ${fmt(m('achieved'), 1)} | ${fmt(m('ratio') * 100, 2)}% | ${fmt(m('dropped'))} | ` +
          `${fmt(m('p50') / 1000, 2)} ms | ${fmt(m('p99') / 1000, 2)} ms | ${fmt(m('loop') / 1000, 1)} ms | ${fmt(m('cpu'))}% | ${fmt(m('calls'))} |`,
      );
    }
  }
} finally {
  await emulator.close();
}
console.log(
  '\nachieved/target counts flow starts (on time or late) over planned arrivals; start lag is measured per started arrival ' +
    'from its intended offset (no coordinated omission). CPU is the generator process only (the emulator runs in its own process).',
);
console.log(`machine after: load ${load()}`);
