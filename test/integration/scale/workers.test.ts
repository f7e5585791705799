import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CogcapError } from '../../../src/errors.js';
import type { RunResult } from '../../../src/metrics/run-result.js';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/start-emulator.js';
import { forkCli, runWorkers, suggestedStartLeadMs, type SpawnWorker } from '../../../src/scale/workers.js';

const FAKE_CLI = join(import.meta.dirname, '../../fixtures/scale/fake-cli.mjs');
const START = Date.parse('2026-11-26T14:00:05.000Z');

type FakeResult = RunResult & { args: string[]; startAt: string; seed: number; tolerance?: string };
const mergeFake = (results: readonly RunResult[]): RunResult =>
  ({ runId: 'merged', mergedShards: results.map((r) => ({ ...r.shard!, runId: r.runId })) }) as unknown as RunResult;

describe('runWorkers (real child processes)', () => {
  let dir: string;
  let output: PassThrough;
  let printed: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cogcap-workers-'));
    output = new PassThrough();
    printed = '';
    output.on('data', (c: Buffer) => (printed += c.toString()));
  });
  afterEach(async () => {
    delete process.env.FAKE_FAIL_SHARD;
    delete process.env.FAKE_WAIT_FOR_SIGTERM;
    await rm(dir, { recursive: true, force: true });
  });

  it('starts N shards with one start time and seed, collects and merges their results', async () => {
    const { merged, results, exits } = await runWorkers({
      scenarioFile: 'scenarios/default.yaml',
      workers: 3,
      startAtMs: START,
      seed: 42,
      outDir: dir,
      forwardArgs: ['--driver', 'raw'],
      merge: mergeFake,
      spawnWorker: forkCli(FAKE_CLI, output),
    });
    expect(exits.map((e) => e.exitCode)).toEqual([0, 0, 0]);
    expect(results.map((r) => (r as FakeResult).args)).toEqual(
      [0, 1, 2].map((i) => [
        'run',
        'scenarios/default.yaml',
        '--shard',
        `${i}/3`,
        '--start-at',
        '2026-11-26T14:00:05.000Z',
        '--seed',
        '42',
        '--out',
        join(dir, `worker-${i}`),
        '--driver',
        'raw',
      ]),
    );
    expect(merged.mergedShards).toEqual([0, 1, 2].map((i) => ({ index: i, count: 3, runId: `run-${i}` })));
    expect(results.map((r) => (r as FakeResult).tolerance)).toEqual(['60000', '60000', '60000']);
    expect(printed).toContain('[worker 1/3] shard 1/3 starting');
  });

  it('names the failed worker, its exit code and what it said', async () => {
    process.env.FAKE_FAIL_SHARD = '1';
    const err = await runWorkers({
      scenarioFile: 's.yaml',
      workers: 2,
      startAtMs: START,
      seed: 1,
      outDir: dir,
      merge: mergeFake,
      spawnWorker: forkCli(FAKE_CLI, output),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CogcapError);
    expect((err as CogcapError).exitCode).toBe(3);
    expect((err as CogcapError).message).toContain('1 of 2 workers failed: worker 1/2 exit 3');
    expect((err as CogcapError).message).toContain('UserAuthentication over 80% of its quota');
  });

  it('on abort, stops every child with SIGTERM and merges their partial results', async () => {
    process.env.FAKE_WAIT_FOR_SIGTERM = '1';
    const controller = new AbortController();
    let ready = 0;
    output.on('data', (c: Buffer) => {
      ready += (c.toString().match(/\] ready/g) ?? []).length;
      if (ready === 2) controller.abort();
    });
    const { results, exits } = await runWorkers({
      scenarioFile: 's.yaml',
      workers: 2,
      startAtMs: START,
      seed: 1,
      outDir: dir,
      merge: mergeFake,
      signal: controller.signal,
      spawnWorker: forkCli(FAKE_CLI, output),
    });
    expect(exits.map((e) => e.exitCode)).toEqual([130, 130]);
    expect(results.map((r) => r.interrupted)).toEqual([true, true]);
  });

  it('refuses a worker count below 1 and reports a missing result', async () => {
    await expect(runWorkers({ scenarioFile: 's', workers: 0, startAtMs: START, seed: 1, outDir: dir, merge: mergeFake })).rejects.toThrow(
      'invalid worker count 0',
    );
    const silent: SpawnWorker = async () => ({ exitCode: 0, stderrTail: '' });
    await expect(
      runWorkers({ scenarioFile: 's', workers: 1, startAtMs: START, seed: 1, outDir: dir, merge: mergeFake, spawnWorker: silent }),
    ).rejects.toThrow(/worker 0\/1 wrote no readable result/);
  });
});

describe('suggestedStartLeadMs', () => {
  it.each([
    [{ count: 1000, seedRatePerSec: 20, seeded: true }, 60_000],
    [{ count: 1000, seedRatePerSec: 20, seeded: false }, 10_000],
    [{ count: 0, seedRatePerSec: 20, seeded: true }, 10_000],
  ])('%j → %d ms', (population, expected) => expect(suggestedStartLeadMs(population)).toBe(expected));
});

describe('defaultWorkerEntry', () => {
  it('runs the CLI from the sources through tsx when not compiled', async () => {
    const { defaultWorkerEntry } = await import('../../../src/scale/workers.js');
    const e = defaultWorkerEntry();
    expect(e.file).toBe(join(import.meta.dirname, '../../../src/scale/worker-entry.ts'));
    expect(e.nodeArgs[0]).toBe('--import');
  });
});

describe('runWorkers end to end (the real CLI against one shared emulator)', () => {
  let dir: string;
  let emulator: RunningEmulator;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cogcap-workers-e2e-'));
    emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  });
  afterEach(async () => {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('2 workers split 40 planned arrivals and merge into one result whose totals match the schedule', async () => {
    const { writeFile } = await import('node:fs/promises');
    const scenarioFile = join(dir, 'tiny.yaml');
    await writeFile(
      scenarioFile,
      [
        'name: tiny split run',
        `target: { emulator: { url: "${emulator.url}" } }`,
        'population: { count: 4 }',
        'flows: [{ flow: password-sign-in }]',
        'phases: [{ type: constant, rate: 20, duration: 2s }]',
        '',
      ].join('\n'),
    );
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c: Buffer) => (printed += c.toString()));
    const { merged, results } = await runWorkers({
      scenarioFile,
      workers: 2,
      // Child start-up through tsx on a loaded machine takes an unpredictable time: a child that is late for the
      // shared start runs at once (the coordinator's tolerance), so the totals do not depend on timing.
      startAtMs: Date.now() + 3000,
      seed: 7,
      outDir: join(dir, 'out'),
      forwardArgs: ['--ci'],
      spawnWorker: forkCli(undefined, output),
    }).catch((err: unknown) => {
      throw new Error(`${(err as Error).message}\n${printed}`);
    });
    expect(results.map((r) => r.shard)).toEqual([
      { index: 0, count: 2 },
      { index: 1, count: 2 },
    ]);
    expect(results.map((r) => r.totals.plannedArrivals)).toEqual([20, 20]);
    expect(merged.mergedShards!.map((s) => `${s.index}/${s.count}`)).toEqual(['0/2', '1/2']);
    expect(merged.totals.plannedArrivals).toBe(40);
    expect(merged.totals.startedArrivals + merged.totals.droppedArrivals).toBe(40);
    expect(merged.categories.UserAuthentication!.count).toBe(merged.totals.startedArrivals);
  }, 120_000);
});
