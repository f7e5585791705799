import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/config/load-scenario.js';

const dir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
// Workload files (the planner's input) live beside the scenarios; every other YAML/JSON file is a scenario.
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && !f.startsWith('workload'));

describe('shipped scenarios', () => {
  it('include the documented examples', () => {
    for (const name of ['default', 'smoke', 'steady-mixed', 'launch-day-ramp', 'signin-storm', 'signup-surge']) {
      expect(files).toContain(`${name}.yaml`);
    }
  });
  it.each(files)('%s is valid', async (file) => {
    const s = await loadScenario(file, { cwd: dir });
    expect(s.durationMs).toBeGreaterThan(0);
  });
  it('keep the smoke test and the default scenario short', async () => {
    expect((await loadScenario('smoke.yaml', { cwd: dir })).durationMs).toBeLessThanOrEqual(10_000);
    expect((await loadScenario('default.yaml', { cwd: dir })).durationMs).toBe(20_000);
  });
  it('include the closed-loop GetUser ceiling (driver: autocannon, no flows, an emulator target)', async () => {
    expect(files).toContain('raw-getuser-ceiling.yaml');
    const s = await loadScenario('raw-getuser-ceiling.yaml', { cwd: dir });
    expect(s.driver).toBe('autocannon');
    expect(s.autocannon).toEqual({ load: 'get-user', connections: 20, users: 50 });
    expect(s.flows).toEqual([]);
    expect(s.target.kind).toBe('embedded');
  });
  it('drive the sign-in storm beyond the UserAuthentication quota of 120/s', async () => {
    const s = await loadScenario('signin-storm.yaml', { cwd: dir });
    const peak = Math.max(...s.phases.flatMap((p) => p.segments.map((x) => x.toRatePerSec)));
    expect(peak).toBeGreaterThan(120);
  });
});
