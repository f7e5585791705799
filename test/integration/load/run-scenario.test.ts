import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/config/load-scenario.js';
import { runScenario } from '../../../src/load/run.js';

const dir = mkdtempSync(join(tmpdir(), 'cogcap-run-'));
// A tiny UserAuthentication quota (5/s, 1 s burst) so that 15 sign-ins/s are throttled on any machine.
writeFileSync(join(dir, 'quotas.yaml'), 'extends: aws-default\ncategories:\n  UserAuthentication: 5\n');

const scenarioText = (durationSec: number): string => `
name: it-run
tags: { suite: integration }
target: { embedded: { quotas: quotas.yaml, latency: zero } }
population: { count: 5, seedRate: 50/s }
flows:
  - { flow: password-sign-in, weight: 2 }
  - { flow: profile-read, weight: 1 }
phases: [{ type: constant, duration: ${durationSec}s, rate: 15 }]
maxInFlight: 200
seed: 7
thresholds: ["category:UserAuthentication throttle_rate > 0"]
`;

describe('runScenario against the embedded emulator', () => {
  it('runs end to end: seeds, drives the schedule, measures per category, writes result.json', { timeout: 90_000 }, async () => {
    const scenario = await parseScenarioText(scenarioText(2), 'it-run.yaml', { baseDir: dir });
    const out = join(dir, 'run1');
    const { result, resultFile } = await runScenario(scenario, { outDir: out, env: {} });
    expect(resultFile).toBe(join(out, 'result.json'));
    const onDisk = JSON.parse(readFileSync(resultFile!, 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(result)));
    expect(result).toMatchObject({ schema: 'cognito-capacity/run-result', version: 1, interrupted: false, durationMs: 2000, intervalMs: 1000 });
    expect(result.scenario).toMatchObject({ name: 'it-run', tags: { suite: 'integration' }, seed: 7 });
    expect(result.target).toMatchObject({ kind: 'embedded', quotaProfile: join(dir, 'quotas.yaml'), latencyProfile: 'zero' });
    expect(result.totals.plannedArrivals).toBe(30);
    expect(result.totals.startedArrivals + result.totals.droppedArrivals).toBe(30);
    const auth = result.categories.UserAuthentication!;
    expect(auth.quotaRatePerSec).toBe(5);
    expect(auth.count).toBeGreaterThan(0);
    expect(auth.throttled).toBeGreaterThan(0);
    expect(auth.errorsByType.TooManyRequestsException).toBe(auth.throttled);
    expect(result.operations.InitiateAuth?.category).toBe('UserAuthentication');
    expect(Object.keys(result.flows).sort()).toEqual(['password-sign-in', 'profile-read']);
    expect(result.series.length).toBe(2);
    expect(result.thresholds).toHaveLength(1);
    expect(result.thresholds[0]!.passed).toBe(true);
    // The journal lists usernames only (no passwords), readable by the owner only.
    const journal = readFileSync(join(out, `journal-${result.runId}.jsonl`), 'utf8');
    expect(journal).not.toMatch(/password/i);
  });

  it('stops gracefully on abort and writes partial results', { timeout: 90_000 }, async () => {
    const scenario = await parseScenarioText(scenarioText(20), 'it-run.yaml', { baseDir: dir });
    const out = join(dir, 'run2');
    const ac = new AbortController();
    const running = runScenario(scenario, {
      outDir: out,
      env: {},
      signal: ac.signal,
      hooks: { beforeLoad: async () => void setTimeout(() => ac.abort(), 1500) },
    });
    const { result } = await running;
    expect(result.interrupted).toBe(true);
    expect(result.interruptReason).toBe('stopped by a signal (Ctrl-C)');
    expect(result.totals.plannedArrivals).toBeLessThan(300);
    expect(existsSync(join(out, 'result.json'))).toBe(true);
  });
});
