import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/config/load-scenario.js';
import type { InputError } from '../../../src/errors.js';

/** `driver: autocannon` with its autocannon section: the closed-loop load in a scenario. */

const base = ['name: ceiling', 'phases: [{ type: constant, duration: 2s, rate: 0 }]'];

async function problemsOf(lines: string[]): Promise<string[]> {
  try {
    await parseScenarioText(lines.join('\n'), 's.yaml');
    return [];
  } catch (err) {
    return (err as InputError).problems.map((p) => `${p.path}: ${p.message}`.replace(/ \(line \d+\)$/, ''));
  }
}

describe('driver: autocannon scenarios', () => {
  it('normalise without flows, with default connections; phase rates of 0 are fine', async () => {
    const s = await parseScenarioText([...base, 'driver: autocannon', 'autocannon: { load: token-refresh }'].join('\n'), 's.yaml');
    expect(s.driver).toBe('autocannon');
    expect(s.autocannon).toEqual({ load: 'token-refresh', connections: 10 });
    expect(s.flows).toEqual([]);
  });

  it.each([
    ['the section is missing', ['driver: autocannon'], ['autocannon: expected an autocannon section (load, connections) with driver: autocannon']],
    [
      'flows are given',
      ['driver: autocannon', 'autocannon: { load: get-user }', 'flows: [{ flow: password-sign-in }]'],
      ['flows: a closed-loop autocannon load sends only autocannon.load: leave flows out'],
    ],
    [
      'the target is AWS',
      ['driver: autocannon', 'autocannon: { load: get-user }', 'target: { aws: { region: eu-west-1, userPoolId: eu-west-1_abc, clientId: abc } }'],
      ['driver: the closed-loop autocannon load runs against emulator targets only (it has no rate ceiling and no circuit breaker)'],
    ],
    ['the section comes with another driver', ['autocannon: { load: get-user }', 'flows: [{ flow: password-sign-in }]', 'phases: [{ type: constant, duration: 2s, rate: 1 }]'], ['autocannon: expected driver: autocannon with an autocannon section']],
    ['another driver has no flows', ['driver: sdk', 'phases: [{ type: constant, duration: 2s, rate: 1 }]'], ['flows: missing required field (expected array)']],
    ['an unknown load', ['driver: autocannon', 'autocannon: { load: sign-up }'], [expect.stringMatching(/^autocannon\.load: /)]],
  ])('are refused when %s', async (_label, extra, expected) => {
    const lines = extra.some((l) => l.startsWith('phases:')) ? [base[0]!, ...extra] : [...base, ...extra];
    expect(await problemsOf(lines)).toEqual(expected);
  });
});
