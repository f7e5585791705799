/**
 * Memory over a steady-rate run: resident set size (RSS) of the generator (this process) and of the embedded
 * emulator (its own process) sampled every `--sample-seconds` during a constant-rate cogcap run against the emulator
 * (quotas unlimited, zero latency): mostly profile reads (GetUser) with 10% password sign-ins, raw driver, 1,000
 * users. Prints the samples (one line per minute), then start, peak, end and the growth per minute over the second
 * half of the run, with the machine and its load. Default 10 minutes; `--minutes N` to shorten. Never fails.
 *
 * Run: npm run bench:memory -- [--minutes 10] [--rate 100] [--sample-seconds 5]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseScenarioText } from '../src/config/load-scenario.js';
import { startEmbeddedEmulator } from '../src/load/embedded-emulator.js';
import { runScenario } from '../src/load/run.js';
import { printFooter, printHeader } from './lib/machine.js';
import { procRssBytes } from './lib/proc-stats.js';
import { fmt, median } from './lib/stats.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const args = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '100' },
    'sample-seconds': { type: 'string', default: '5' },
  },
}).values;
const minutes = Number(args.minutes);
const rate = Number(args.rate);
const sampleMs = Number(args['sample-seconds']) * 1000;

const mib = (b: number): string => fmt(b / 2 ** 20, 1);

interface Sample {
  atSec: number;
  generator: number;
  emulator: number;
}

/** Least-squares slope of `y` against `x`. */
function slope(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den > 0 ? num / den : Number.NaN;
}

async function main(): Promise<void> {
  printHeader('cogcap memory benchmark', [`steady ${fmt(rate)} arrivals/s for ${fmt(minutes, minutes % 1 ? 2 : 0)} min (90% profile-read, 10% password-sign-in, raw driver, 1,000 users); RSS sampled every ${sampleMs / 1000} s`]);
  const emulator = await startEmbeddedEmulator({ quotas: 'unlimited', latency: 'zero', throttleStatus: 400 });
  const samples: Sample[] = [];
  const t0 = performance.now();
  const take = (): void => {
    samples.push({ atSec: (performance.now() - t0) / 1000, generator: process.memoryUsage().rss, emulator: procRssBytes(emulator.pid) });
  };
  take();
  const timer = setInterval(take, sampleMs);
  try {
    const scenario = await parseScenarioText(
      [
        'name: bench-memory',
        `target: { emulator: { url: "${emulator.url}" } }`,
        'population: { count: 1000 }',
        'flows: [{ flow: profile-read, weight: 9 }, { flow: password-sign-in, weight: 1 }]',
        `phases: [{ type: constant, duration: ${Math.round(minutes * 60)}s, rate: ${rate} }]`,
        'driver: raw',
        'seed: 1',
      ].join('\n'),
      'bench-memory.yaml',
    );
    const { result } = await runScenario(scenario, { outDir: mkdtempSync(join(tmpdir(), 'cogcap-bench-mem-')), env: {}, writeResult: false });
    take();
    const t = result.totals;
    console.log(
      `run: ${fmt(t.startedArrivals)} of ${fmt(t.plannedArrivals)} arrivals started, ${fmt(t.count)} calls, ${fmt((t.ok / Math.max(1, t.count)) * 100, 1)}% ok, ` +
        `start lag p99 ${fmt(result.generator.startLag.p99Us / 1000, 1)} ms, generator CPU ${fmt(result.generator.cpuPercent)}% of a core\n`,
    );
  } finally {
    clearInterval(timer);
    await emulator.close();
  }

  console.log('| time | generator RSS MiB | emulator RSS MiB |');
  console.log('|---:|---:|---:|');
  let nextMinute = 0;
  for (const s of samples) {
    if (s.atSec >= nextMinute || s === samples[samples.length - 1]) {
      console.log(`| ${fmt(s.atSec)} s | ${mib(s.generator)} | ${mib(s.emulator)} |`);
      nextMinute = Math.floor(s.atSec / 60) * 60 + 60;
    }
  }
  const half = samples.filter((s) => s.atSec >= (samples[samples.length - 1]!.atSec / 2));
  for (const k of ['generator', 'emulator'] as const) {
    const ys = samples.map((s) => s[k]).filter(Number.isFinite);
    const growth = slope(half.map((s) => s.atSec / 60), half.map((s) => s[k]));
    console.log(
      `${k}: start ${mib(ys[0] ?? Number.NaN)} MiB, median ${mib(median(ys))} MiB, peak ${mib(Math.max(...ys))} MiB, end ${mib(ys[ys.length - 1] ?? Number.NaN)} MiB; ` +
        `second-half growth ${fmt(growth / 2 ** 20, 2)} MiB/min`,
    );
  }
  console.log('\nRSS includes V8 heap headroom (garbage is collected lazily); a steady second-half growth would hint at a leak.');
  printFooter();
}

await main().catch((e: unknown) => {
  console.log(`bench error: ${(e as Error)?.stack ?? String(e)}`);
});
