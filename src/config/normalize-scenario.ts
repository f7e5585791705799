import { isAbsolute, resolve } from 'node:path';
import type { InputProblem } from '../errors.js';
import { parseDurationMs } from './duration.js';
import { parseRatePerSec } from './rate.js';
import type { ScenarioParsed } from './scenario-schema.js';
import {
  SCENARIO_DEFAULTS as D,
  type FlowMixEntry,
  type PhaseConfig,
  type PopulationConfig,
  type RateSegment,
  type Scenario,
  type Spacing,
  type TargetConfig,
} from './scenario.js';

/** Where the scenario came from, for messages and relative paths. */
export interface NormalizeOptions {
  /** File name shown in problems. */
  readonly file?: string;
  /** Folder that relative paths (quota profile, users file) are resolved against (default: cwd). */
  readonly baseDir?: string;
  /** Multiplies every phase duration (e.g. 0.1 for a quick rehearsal); default 1. */
  readonly durationScale?: number;
}

/** Result of normalisation: the scenario, plus structural problems (e.g. two targets at once). */
export interface NormalizeResult {
  readonly scenario: Scenario;
  readonly problems: readonly InputProblem[];
}

// The schema has already checked these strings; the fallbacks only keep the types total.
const ms = (d: string | undefined, fallback: number): number => (d === undefined ? fallback : (parseDurationMs(d) ?? fallback));
const rate = (r: number | string | undefined, fallback: number): number =>
  r === undefined ? fallback : (parseRatePerSec(r) ?? fallback);

/**
 * Applies defaults and converts units of a schema-valid scenario (pure). Structural problems that the schema cannot
 * express are returned with their field paths; the scenario is still returned so that later rules can run too.
 */
export function normalizeScenario(input: ScenarioParsed, options: NormalizeOptions = {}): NormalizeResult {
  const problems: InputProblem[] = [];
  const file = options.file;
  const problem = (path: string, message: string): void => {
    problems.push({ ...(file ? { file } : {}), path, message });
  };
  const baseDir = options.baseDir ?? process.cwd();
  const scale = options.durationScale ?? 1;
  const resolvePath = (p: string): string => (isAbsolute(p) ? p : resolve(baseDir, p));

  const defaultSpacing: Spacing = input.spacing ?? D.spacing;
  const phases = input.phases.map((p, i): PhaseConfig => {
    const durationMs = ms(p.duration, 0) * scale;
    const name = p.name ?? `${p.type} ${i + 1}`;
    const spacing = p.type === 'pause' ? defaultSpacing : (p.spacing ?? defaultSpacing);
    let segments: RateSegment[];
    switch (p.type) {
      case 'constant': {
        const r = rate(p.rate, 0);
        segments = [{ durationMs, fromRatePerSec: r, toRatePerSec: r }];
        break;
      }
      case 'ramp':
        segments = [{ durationMs, fromRatePerSec: rate(p.from, 0), toRatePerSec: rate(p.to, 0) }];
        break;
      case 'spike': {
        const peak = rate(p.rate, 0);
        const base = rate(p.baseRate, 0);
        const riseMs = ms(p.rise, 0) * scale;
        if (2 * riseMs > durationMs) {
          problem(`phases[${i}].rise`, `expected rise (${p.rise}) at most half the phase duration (${p.duration})`);
        }
        const rise = Math.min(riseMs, durationMs / 2);
        segments = [
          { durationMs: rise, fromRatePerSec: base, toRatePerSec: peak },
          { durationMs: durationMs - 2 * rise, fromRatePerSec: peak, toRatePerSec: peak },
          { durationMs: rise, fromRatePerSec: peak, toRatePerSec: base },
        ].filter((s) => s.durationMs > 0);
        break;
      }
      case 'pause':
        segments = [{ durationMs, fromRatePerSec: 0, toRatePerSec: 0 }];
        break;
    }
    return { type: p.type, name, durationMs, spacing, segments };
  });

  const t = input.target ?? {};
  const kinds = (['embedded', 'emulator', 'aws'] as const).filter((k) => t[k] !== undefined);
  if (kinds.length > 1) problem('target', `expected exactly one of embedded, emulator, aws; found ${kinds.join(', ')}`);
  let target: TargetConfig;
  if (t.emulator) {
    target = { kind: 'emulator', ...t.emulator };
  } else if (t.aws) {
    const a = t.aws;
    target = {
      kind: 'aws',
      region: a.region,
      userPoolId: a.userPoolId,
      clientId: a.clientId,
      ...(a.clientSecretEnv ? { clientSecretEnv: a.clientSecretEnv } : {}),
      ...(a.clientSecretFile ? { clientSecretFile: resolvePath(a.clientSecretFile) } : {}),
      acknowledgeAccountWideQuotas: a.acknowledgeAccountWideQuotas ?? false,
    };
  } else {
    const e = t.embedded ?? {};
    const quotas = e.quotas ?? D.quotas;
    target = {
      kind: 'embedded',
      quotas: quotas === 'aws-default' || quotas === 'unlimited' ? quotas : resolvePath(quotas),
      latency: e.latency === undefined || e.latency === 'realistic' || e.latency === 'zero' ? (e.latency ?? D.latency) : resolvePath(e.latency),
      throttleStatus: e.throttleStatus ?? D.throttleStatus,
    };
  }

  const pop = input.population ?? {};
  if (pop.fromFile !== undefined && pop.count !== undefined) {
    problem('population', 'expected either count (generated users) or fromFile (existing users), not both');
  }
  const pw = pop.password ?? {};
  const population: PopulationConfig = {
    kind: pop.fromFile !== undefined ? 'file' : 'generated',
    count: pop.count ?? D.populationCount,
    usernamePrefix: pop.usernamePrefix ?? D.usernamePrefix,
    usernamePattern: pop.usernamePattern ?? D.usernamePattern,
    emailDomain: pop.emailDomain ?? D.emailDomain,
    password: {
      length: pw.length ?? D.passwordLength,
      requireLowercase: pw.requireLowercase ?? true,
      requireUppercase: pw.requireUppercase ?? true,
      requireNumbers: pw.requireNumbers ?? true,
      requireSymbols: pw.requireSymbols ?? true,
    },
    seedRatePerSec: rate(pop.seedRate, D.seedRatePerSec),
    ...(pop.fromFile !== undefined ? { fromFile: resolvePath(pop.fromFile) } : {}),
    cleanup: pop.cleanup ?? true,
  };

  const flows = (input.flows ?? []).map((f, i): FlowMixEntry => {
    const weight = f.weight ?? 1;
    if (f.flow !== undefined && f.steps !== undefined) {
      problem(`flows[${i}]`, 'expected either flow (a built-in flow) or steps (a custom flow), not both');
    }
    if (f.steps !== undefined) {
      if (f.name === undefined) problem(`flows[${i}].name`, 'expected a name for the custom flow');
      return {
        name: f.name ?? `custom-${i + 1}`,
        weight,
        steps: f.steps.map(({ step, thinkTime, ...params }) => ({ step, thinkTimeMs: ms(thinkTime, 0), params })),
      };
    }
    if (f.flow === undefined) {
      problem(`flows[${i}]`, 'expected flow (a built-in flow name) or name + steps (a custom flow)');
      return { name: f.name ?? `flow-${i + 1}`, weight };
    }
    return { name: f.name ?? f.flow, weight, builtin: f.flow };
  });

  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.tags ?? {})) tags[k] = String(v);

  const scenario: Scenario = {
    ...(file ? { file } : {}),
    name: input.name,
    ...(input.description !== undefined ? { description: input.description } : {}),
    tags,
    target,
    population,
    ...(input.oauth !== undefined ? { oauth: input.oauth } : {}),
    flows,
    phases,
    durationMs: phases.reduce((s, p) => s + p.durationMs, 0),
    maxInFlight: input.maxInFlight ?? D.maxInFlight,
    lateAfterMs: ms(input.lateAfter, D.lateAfterMs),
    thresholds: (input.thresholds ?? []).map((th) =>
      typeof th === 'string'
        ? { expression: th, abortOnFail: false, delayAbortEvalMs: 0 }
        : { expression: th.threshold, abortOnFail: th.abortOnFail ?? false, delayAbortEvalMs: ms(th.delayAbortEval, 0) },
    ),
    driver: input.driver ?? D.driver,
    ...(input.autocannon !== undefined
      ? { autocannon: { load: input.autocannon.load, connections: input.autocannon.connections ?? 10, ...(input.autocannon.users !== undefined ? { users: input.autocannon.users } : {}) } }
      : {}),
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    intervalMs: input.intervalMs ?? D.intervalMs,
    callTimeoutMs: ms(input.callTimeout, D.callTimeoutMs),
  };
  return { scenario, problems };
}
