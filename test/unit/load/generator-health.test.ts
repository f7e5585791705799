import { describe, expect, it } from 'vitest';
import { assessSaturation, GeneratorMonitor } from '../../../src/load/generator-health.js';

const ok = { eventLoopLagP99Us: 2000, startLagP99Us: 1500, cpuPercent: 40, started: 1000, late: 3, dropped: 0, due: 1000, maxInFlight: 100 };

describe('assessSaturation', () => {
  it.each([
    ['healthy', ok, false, []],
    ['event-loop lag', { ...ok, eventLoopLagP99Us: 38_000 }, true, ['event-loop lag p99 38.0 ms: the generator is the bottleneck (lower the rate or split it with --workers)']],
    ['start lag', { ...ok, startLagP99Us: 25_000 }, true, ['start lag p99 25.0 ms: arrivals started late because the generator was busy']],
    ['cpu', { ...ok, cpuPercent: 97 }, true, ['generator CPU 97% of a core: the generator is the bottleneck']],
    ['late share', { ...ok, late: 60 }, true, ['6.0% of starts were late']],
    ['drops are the target, not the generator', { ...ok, dropped: 10, due: 1010 }, false, ['10 of 1010 arrivals dropped at the in-flight cap (100): the target answered too slowly for the arrival rate']],
  ])('%s', (_l, input, saturated, warnings) => {
    expect(assessSaturation(input)).toEqual({ saturated, warnings });
  });
});

describe('GeneratorMonitor', () => {
  it('reports CPU, RSS and event-loop lag', async () => {
    const m = new GeneratorMonitor();
    await new Promise((r) => setTimeout(r, 50));
    const s = m.stop();
    expect(s.maxRssBytes).toBeGreaterThan(0);
    expect(s.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(s.eventLoopLag.p99Us).toBeGreaterThanOrEqual(0);
    expect(m.stop()).toEqual(s);
  });
});
