import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/config/load-scenario.js';
import { runScenario } from '../../../src/load/run.js';

/**
 * The embedded emulator is seeded in bulk (`POST /_cogcap/users`), not through the API at the scenario's seed rate:
 * 2,000 users at a seed rate of 10/s would take 200 s through the API; in bulk the whole run ends within the timeout.
 */
describe('runScenario seeding of the embedded emulator', () => {
  it('takes the bulk path: 2,000 users at a 10/s seed rate, every one usable', { timeout: 60_000 }, async () => {
    const scenario = await parseScenarioText(
      [
        'name: bulk-seed',
        'target: { embedded: { quotas: unlimited, latency: zero } }',
        'population: { count: 2000, seedRate: 10/s }',
        'flows: [{ flow: password-sign-in }]',
        'phases: [{ type: constant, duration: 1s, rate: 5 }]',
      ].join('\n'),
      'bulk-seed.yaml',
    );
    const lines: string[] = [];
    const out = await runScenario(scenario, {
      outDir: mkdtempSync(join(tmpdir(), 'cogcap-bulk-seed-')),
      writeResult: false,
      progress: 'plain',
      log: { write: (s: string) => lines.push(s) > 0 } as unknown as NodeJS.WritableStream,
    });
    expect(lines.join('')).toContain('seeding 2000 users\n');
    expect(lines.join('')).not.toContain('at 10/s');
    // The sign-ins of seeded users succeed: the users exist with their derived passwords.
    expect(out.result.operations.InitiateAuth!.count).toBeGreaterThan(0);
    expect(out.result.totals.errorRate).toBe(0);
    // Seeding made no API calls that count: only the measured sign-ins are in the result.
    expect(Object.keys(out.result.operations)).toEqual(['InitiateAuth']);
  });
});
