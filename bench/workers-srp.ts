/**
 * Split-rate workers on one machine: SRP sign-ins (InitiateAuth USER_SRP_AUTH + RespondToAuthChallenge) against
 * one shared embedded emulator (own process, quotas unlimited, zero latency), offered at a rate above what one
 * generator process sustains, run with 1 worker and with 2 (`runWorkers`: shard i/N of one schedule each, one start
 * time, results merged). Prints the achieved successful sign-ins/s, drops, late starts and saturation of each, medians
 * of several runs, and the 2:1 ratio. Never fails. The emulator shares the machine's cores with the generators.
 *
 * Run: npx tsx bench/workers-srp.ts [runs=3] [ratePerSec=400] [seconds=8]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { startEmbeddedEmulator } from '../src/load/embedded-emulator.js';
import type { RunResult } from '../src/metrics/run-result.js';
import { forkCli, runWorkers } from '../src/scale/workers.js';

const runs = Number(process.argv[2] ?? 3);
const ratePerSec = Number(process.argv[3] ?? 400);
const seconds = Number(process.argv[4] ?? 8);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const emulator = await startEmbeddedEmulator({ quotas: 'unlimited', latency: 'zero', throttleStatus: 400 });
const dir = await mkdtemp(join(os.tmpdir(), 'cogcap-bench-workers-'));
const scenarioFile = join(dir, 'srp.yaml');
await writeFile(
  scenarioFile,
  [
    'name: bench workers srp',
    `target: { emulator: { url: "${emulator.url}" } }`,
    'population: { count: 200, seedRate: 200 }',
    'flows: [{ flow: srp-sign-in }]',
    `phases: [{ type: constant, rate: ${ratePerSec}, duration: ${seconds}s }]`,
    'maxInFlight: 400',
    '',
  ].join('\n'),
);

interface Figures {
  signInsPerSec: number;
  dropped: number;
  late: number;
  saturated: boolean;
}
async function once(workers: number, run: number): Promise<Figures> {
  const sink = new PassThrough();
  sink.resume();
  const { merged } = await runWorkers({
    scenarioFile,
    workers,
    startAtMs: Date.now() + 8000,
    seed: run + 1,
    outDir: join(dir, `w${workers}-r${run}`),
    forwardArgs: ['--ci'],
    spawnWorker: forkCli(undefined, sink),
  });
  const flow = (merged as RunResult).flows['srp-sign-in']!;
  return {
    signInsPerSec: flow.succeeded / (merged.durationMs / 1000),
    dropped: merged.totals.droppedArrivals,
    late: merged.totals.lateArrivals,
    saturated: merged.generator.saturated,
  };
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0]!.toFixed(1)}, node ${process.version}`);
console.log(`offered: ${ratePerSec} SRP sign-ins/s for ${seconds} s; ${runs} runs each (medians)`);
const results: Record<number, Figures[]> = { 1: [], 2: [] };
for (let r = 0; r < runs; r += 1) {
  for (const w of [1, 2]) results[w]!.push(await once(w, r));
}
for (const w of [1, 2]) {
  const f = results[w]!;
  console.log(
    `${w} worker${w > 1 ? 's' : ' '}: ${median(f.map((x) => x.signInsPerSec)).toFixed(1)} sign-ins/s ok, ` +
      `dropped ${median(f.map((x) => x.dropped))}, late ${median(f.map((x) => x.late))}, saturated ${f.filter((x) => x.saturated).length}/${f.length}`,
  );
}
const ratio = median(results[2]!.map((x) => x.signInsPerSec)) / median(results[1]!.map((x) => x.signInsPerSec));
console.log(`ratio 2:1 = ${ratio.toFixed(2)}`);
await emulator.close();
await rm(dir, { recursive: true, force: true });
