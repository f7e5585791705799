import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/config/load-scenario.js';
import type { ScenarioVocabulary } from '../../../src/config/scenario-rules.js';
import { InputError } from '../../../src/errors.js';

const vocabulary: ScenarioVocabulary = {
  flowNames: ['password-sign-in', 'srp-sign-in', 'sign-up'],
  stepNames: ['signInPassword', 'getUser'],
  driverNames: ['sdk', 'raw'],
  checkThreshold: (e) => (e.includes('<') || e.includes('>') ? undefined : `expected an operator in "${e}"`),
};

async function problemsOf(text: string, file = 's.yaml'): Promise<string[]> {
  try {
    await parseScenarioText(text, file, { vocabulary, baseDir: '/base' });
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  return [];
}

const minimal = `
name: m
flows: [{ flow: password-sign-in }]
phases: [{ type: constant, duration: 10s, rate: 5 }]
`;

describe('parseScenarioText', () => {
  it('applies defaults to a minimal scenario', async () => {
    const s = await parseScenarioText(minimal, 'm.yaml', { vocabulary, baseDir: '/base' });
    expect(s.target).toEqual({ kind: 'embedded', quotas: 'aws-default', latency: 'realistic', throttleStatus: 400 });
    expect(s.population).toMatchObject({ kind: 'generated', count: 100, usernamePrefix: 'cogcap-', seedRatePerSec: 20, cleanup: true });
    expect(s.flows).toEqual([{ name: 'password-sign-in', weight: 1, builtin: 'password-sign-in' }]);
    expect(s.phases).toEqual([
      { type: 'constant', name: 'constant 1', durationMs: 10_000, spacing: 'uniform', segments: [{ durationMs: 10_000, fromRatePerSec: 5, toRatePerSec: 5 }] },
    ]);
    expect(s).toMatchObject({ durationMs: 10_000, maxInFlight: 1000, lateAfterMs: 10, driver: 'sdk', intervalMs: 1000, callTimeoutMs: 10_000, tags: {} });
    expect(s.seed).toBeUndefined();
  });

  it('normalises every phase type, rates with units, custom flows, thresholds and file paths', async () => {
    const s = await parseScenarioText(
      `
$schema: ../schemas/scenario.schema.json
name: full
tags: { team: identity, build: 42 }
target: { embedded: { quotas: quotas.yaml, latency: zero } }
population: { count: 10, seedRate: 600/m, password: { length: 12, requireSymbols: false } }
spacing: poisson
flows:
  - { flow: srp-sign-in, weight: 3 }
  - name: read-profile
    weight: 1
    steps:
      - { step: signInPassword }
      - { step: getUser, thinkTime: 1.5s, repeat: 2 }
phases:
  - { type: pause, duration: 2s }
  - { type: ramp, duration: 1m, from: 0, to: 60/s, spacing: uniform }
  - { type: spike, name: peak, duration: 10s, rate: 100, baseRate: 10, rise: 2s }
thresholds:
  - "category:UserAuthentication p99 < 250ms"
  - { threshold: "run throttle_rate < 1%", abortOnFail: true, delayAbortEval: 10s }
seed: 7
`,
      'full.yaml',
      { vocabulary, baseDir: '/base' },
    );
    expect(s.tags).toEqual({ team: 'identity', build: '42' });
    expect(s.target).toEqual({ kind: 'embedded', quotas: '/base/quotas.yaml', latency: 'zero', throttleStatus: 400 });
    expect(s.population.seedRatePerSec).toBe(10);
    expect(s.population.password).toEqual({ length: 12, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: false });
    expect(s.flows[1]).toEqual({
      name: 'read-profile',
      weight: 1,
      steps: [
        { step: 'signInPassword', thinkTimeMs: 0, params: {} },
        { step: 'getUser', thinkTimeMs: 1500, params: { repeat: 2 } },
      ],
    });
    expect(s.phases.map((p) => [p.name, p.spacing, p.segments])).toEqual([
      ['pause 1', 'poisson', [{ durationMs: 2000, fromRatePerSec: 0, toRatePerSec: 0 }]],
      ['ramp 2', 'uniform', [{ durationMs: 60_000, fromRatePerSec: 0, toRatePerSec: 60 }]],
      [
        'peak',
        'poisson',
        [
          { durationMs: 2000, fromRatePerSec: 10, toRatePerSec: 100 },
          { durationMs: 6000, fromRatePerSec: 100, toRatePerSec: 100 },
          { durationMs: 2000, fromRatePerSec: 100, toRatePerSec: 10 },
        ],
      ],
    ]);
    expect(s.durationMs).toBe(72_000);
    expect(s.thresholds).toEqual([
      { expression: 'category:UserAuthentication p99 < 250ms', abortOnFail: false, delayAbortEvalMs: 0 },
      { expression: 'run throttle_rate < 1%', abortOnFail: true, delayAbortEvalMs: 10_000 },
    ]);
    expect(s.seed).toBe(7);
  });

  it('scales durations', async () => {
    const s = await parseScenarioText(minimal, 'm.yaml', { vocabulary, durationScale: 0.5 });
    expect(s.durationMs).toBe(5000);
  });

  it('reads JSON when the file ends in .json', async () => {
    const s = await parseScenarioText(
      JSON.stringify({ name: 'j', flows: [{ flow: 'sign-up' }], phases: [{ type: 'constant', duration: '1s', rate: '2/s' }] }),
      'j.json',
      { vocabulary },
    );
    expect(s.phases[0]!.segments[0]!.fromRatePerSec).toBe(2);
  });

  it.each([
    ['unknown top-level key', `${minimal}colour: blue\n`, ['colour: unknown key (not part of the format; check the spelling) (line 5)']],
    [
      'bad duration and rate',
      'name: x\nflows: [{ flow: sign-up }]\nphases:\n  - { type: constant, duration: 30, rate: 10/x }\n',
      [
        'phases[0].duration: expected a duration string such as "30s", "2m" or "500ms" (line 4)',
        'phases[0].rate: expected a rate such as 20, "20/s" or "1200/m" (line 4)',
      ],
    ],
    [
      'unknown phase type and missing field',
      'name: x\nflows: [{ flow: sign-up }]\nphases:\n  - { type: wobble, duration: 1s }\n  - { type: ramp, duration: 1s, from: 1 }\n',
      [
        'phases[0].type: expected a phase with type "constant", "ramp", "spike" or "pause" (line 4)',
        'phases[1].to: missing required rate, e.g. 20 or "20/s" (line 5)',
      ],
    ],
    [
      'two targets',
      `${minimal}target: { embedded: {}, emulator: { url: "http://127.0.0.1:1" } }\n`,
      ['target: expected exactly one of embedded, emulator, aws; found embedded, emulator (line 5)'],
    ],
    [
      'rules: unknown flow, step, driver, threshold, duplicate names, no arrivals',
      `name: x
driver: warp
flows:
  - { flow: pasword-sign-in }
  - { name: c, steps: [{ step: fly }] }
  - { name: c, steps: [{ step: getUser }] }
phases: [{ type: pause, duration: 1s }]
thresholds: ["p99 250ms"]
`,
      [
        'phases: expected at least one phase with a rate > 0 (the scenario would start nothing) (line 7)',
        'flows[0].flow: unknown flow "pasword-sign-in"; expected one of: password-sign-in, sign-up, srp-sign-in (line 4)',
        'flows[1].steps[0].step: unknown step "fly"; expected one of: getUser, signInPassword (line 5)',
        'flows[2]: flow name "c" is already used by flows[1]; give this entry another name (line 6)',
        'driver: unknown driver "warp"; expected one of: raw, sdk (line 2)',
        'thresholds[0]: expected an operator in "p99 250ms" (line 8)',
      ],
    ],
    ['missing name, flows, phases', 'tags: {}\n', ['name: missing required field (expected string)', 'phases: missing required field (expected array)', 'flows: missing required field (expected array)']],
    [
      'schema and name problems in one report',
      'name: x\nflows: [{ flow: nope }]\nphases: [{ type: constant, duration: 1, rate: 1 }]\n',
      [
        'phases[0].duration: expected a duration string such as "30s", "2m" or "500ms" (line 3)',
        'flows[0].flow: unknown flow "nope"; expected one of: password-sign-in, sign-up, srp-sign-in (line 2)',
      ],
    ],
    ['invalid YAML', 'name: [x\n', ['']],
  ])('%s', async (_label, text, expected) => {
    const problems = await problemsOf(text);
    if (expected[0] === '') {
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^: expected valid YAML \(line \d+, column \d+\)/);
    } else {
      expect(problems).toEqual(expected);
    }
  });

  it('names the file in every problem', async () => {
    try {
      await parseScenarioText('name: 1\n', 'dir/bad.yaml', { vocabulary });
      expect.fail('should throw');
    } catch (err) {
      const e = err as InputError;
      expect(e.exitCode).toBe(2);
      expect(e.message).toMatch(/^invalid scenario dir\/bad\.yaml: 3 problems$/);
      expect(e.problems.every((p) => p.file === 'dir/bad.yaml')).toBe(true);
    }
  });
});
