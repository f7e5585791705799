import { describe, expect, it } from 'vitest';
import { runExecutor, type ExecutorStats } from '../../../src/load/executor.js';
import type { PlannedArrival } from '../../../src/load/schedule.js';
import { buildTimeline, planArrivals } from '../../../src/load/schedule.js';
import type { ArrivalEvent } from '../../../src/metrics/sample.js';
import { ManualClock } from './manual-clock.js';

const every = (n: number, gapUs: number): PlannedArrival[] =>
  Array.from({ length: n }, (_, index) => ({ index, offsetUs: index * gapUs, flowIndex: 0, phaseIndex: 0 }));

function harness(arrivals: PlannedArrival[], flowMs: number | ((a: PlannedArrival) => Promise<boolean>), extra: { maxInFlight?: number; signal?: AbortSignal; drainTimeoutMs?: number } = {}) {
  const mc = new ManualClock();
  const events: { index: number; event: ArrivalEvent; lagUs: number; atUs: number }[] = [];
  const ends: { index: number; ok: boolean; endUs: number; error: boolean }[] = [];
  const done: Promise<ExecutorStats> = runExecutor({
    arrivals: arrivals[Symbol.iterator](),
    nowUs: mc.clock,
    timers: mc.timerApi,
    maxInFlight: extra.maxInFlight ?? 100,
    lateAfterUs: 10_000,
    ...(extra.signal ? { signal: extra.signal } : {}),
    drainTimeoutMs: extra.drainTimeoutMs ?? 30_000,
    start: typeof flowMs === 'function' ? flowMs : () => mc.sleep(flowMs).then(() => true),
    onArrival: (a, event, lagUs) => events.push({ index: a.index, event, lagUs, atUs: mc.nowUs }),
    onFlowEnd: (a, ok, endUs, error) => ends.push({ index: a.index, ok, endUs, error: error !== undefined }),
  });
  return { mc, events, ends, done };
}

describe('runExecutor (manual clock)', () => {
  it('starts arrival n exactly at its offset', async () => {
    const h = harness(every(10, 100_000), 5);
    await h.mc.advanceTo(2_000_000);
    const stats = await h.done;
    expect(h.events.map((e) => e.atUs)).toEqual(every(10, 100_000).map((a) => a.offsetUs));
    expect(h.events.every((e) => e.event === 'started' && e.lagUs === 0)).toBe(true);
    expect(stats).toMatchObject({ due: 10, started: 10, late: 0, dropped: 0, completed: 10, failed: 0, abandoned: 0, stopped: false, peakInFlight: 1 });
  });

  it('drops (and counts) arrivals beyond the in-flight cap instead of queueing them', async () => {
    // Arrivals every 100 ms, flows take 250 ms, cap 2: drops at 200, 500 and 800 ms (hand-traced).
    const h = harness(every(10, 100_000), 250, { maxInFlight: 2 });
    await h.mc.advanceTo(5_000_000);
    const stats = await h.done;
    expect(h.events.filter((e) => e.event === 'dropped').map((e) => e.atUs)).toEqual([200_000, 500_000, 800_000]);
    expect(stats).toMatchObject({ due: 10, started: 7, dropped: 3, completed: 7, peakInFlight: 2 });
  });

  it('counts starts later than the threshold as late, with their lag, when the loop stalls', async () => {
    const h = harness(every(5, 10_000), 1);
    await h.mc.advanceTo(0); // arrival 0 on time
    h.mc.stall(35_000); // the loop is blocked for 35 ms: arrivals at 10, 20, 30 ms start at 35 ms
    await h.mc.advanceTo(100_000);
    await h.done;
    expect(h.events.map((e) => [e.index, e.event, e.lagUs])).toEqual([
      [0, 'started', 0],
      [1, 'late', 25_000],
      [2, 'late', 15_000],
      [3, 'started', 5_000],
      [4, 'started', 0],
    ]);
  });

  it('does not drift over a long run (20,000 arrivals at 1,000/s)', async () => {
    const tl = buildTimeline([{ type: 'constant', name: 'c', durationMs: 20_000, spacing: 'uniform', segments: [{ durationMs: 20_000, fromRatePerSec: 1000, toRatePerSec: 1000 }] }]);
    const mc = new ManualClock();
    let maxLag = 0;
    let lastAt = 0;
    const stats = runExecutor({
      arrivals: planArrivals(tl, { seed: 1, weights: [1] }),
      nowUs: mc.clock,
      timers: mc.timerApi,
      maxInFlight: 10,
      start: () => Promise.resolve(true),
      onArrival: (_a, _e, lagUs) => {
        maxLag = Math.max(maxLag, lagUs);
        lastAt = mc.nowUs;
      },
    });
    await mc.advanceTo(21_000_000);
    expect(await stats).toMatchObject({ due: 20_000, started: 20_000, late: 0, dropped: 0 });
    expect(maxLag).toBe(0);
    expect(lastAt).toBe(19_999_000);
  });

  it('stops starting arrivals on abort and drains in-flight flows', async () => {
    const ac = new AbortController();
    const h = harness(every(10, 100_000), 200, { signal: ac.signal });
    await h.mc.advanceTo(350_000);
    ac.abort();
    await h.mc.advanceTo(1_000_000);
    const stats = await h.done;
    expect(stats).toMatchObject({ due: 4, started: 4, completed: 4, stopped: true, abandoned: 0, endOfArrivalsUs: 350_000 });
  });

  it('abandons flows that outlive the drain timeout', async () => {
    const h = harness(every(1, 0), () => new Promise<boolean>(() => {}), { drainTimeoutMs: 1000 });
    await h.mc.advanceTo(2_000_000);
    expect(await h.done).toMatchObject({ started: 1, completed: 0, abandoned: 1 });
  });

  it('counts a flow that throws as failed, with its error', async () => {
    const h = harness(every(2, 1000), (a) => {
      if (a.index === 0) throw new Error('bug');
      return Promise.reject(new Error('async bug'));
    });
    await h.mc.advanceTo(10_000);
    expect(await h.done).toMatchObject({ started: 2, completed: 2, failed: 2, flowErrors: 2 });
    expect(h.ends.every((e) => e.error && !e.ok)).toBe(true);
  });
});

describe('runExecutor (real time, tolerant)', () => {
  it('starts every arrival of 1 s at 200/s, on the real clock', async () => {
    const tl = buildTimeline([{ type: 'constant', name: 'c', durationMs: 1000, spacing: 'uniform', segments: [{ durationMs: 1000, fromRatePerSec: 200, toRatePerSec: 200 }] }]);
    const origin = performance.now();
    const stats = await runExecutor({
      arrivals: planArrivals(tl, { seed: 1, weights: [1] }),
      nowUs: () => (performance.now() - origin) * 1000,
      maxInFlight: 1000,
      start: () => new Promise((r) => setTimeout(() => r(true), 5)),
    });
    const elapsedMs = performance.now() - origin;
    expect(stats.due).toBe(200);
    expect(stats.started + stats.dropped).toBe(200);
    expect(stats.completed).toBe(stats.started);
    expect(elapsedMs).toBeGreaterThanOrEqual(995);
    expect(elapsedMs).toBeLessThan(10_000);
  });
});
