import type { InputProblem } from '../errors.js';
import { AUTOCANNON_DRIVER, type Scenario } from './scenario.js';

/** Flows are required except with `driver: autocannon` (the schema lets them out for it). */
const FLOWS_MISSING = 'missing required field (expected array)';

/**
 * Names a scenario may refer to, supplied by the registries (flows, steps, drivers) and the threshold parser.
 * A missing vocabulary (undefined) means "not checked here": the runner checks it again when it resolves names.
 */
export interface ScenarioVocabulary {
  readonly flowNames?: readonly string[];
  /** Step names of custom flows (used when `checkStep` is absent). */
  readonly stepNames?: readonly string[];
  /** Checks a step's name and parameters; problems have paths relative to the step object (e.g. `limit`). */
  readonly checkStep?: (name: string, params: Readonly<Record<string, unknown>>) => readonly { path: string; message: string }[];
  readonly driverNames?: readonly string[];
  /** Returns an error message for an invalid threshold expression (flows named in it must be in `knownFlows`). */
  readonly checkThreshold?: (expression: string, knownFlows: readonly string[]) => string | undefined;
}

const list = (names: readonly string[]): string => [...names].sort().join(', ');

/**
 * Cross-field rules of a normalised scenario (pure): every problem at once, each with its field path.
 * Checks: phases have positive durations and some arrivals; flow names are unique and known; custom steps are known;
 * the driver is known; thresholds parse; an AWS client secret has one source; `driver: autocannon` comes with its
 * autocannon section, no flows and an emulator target (other drivers need flows).
 */
export function checkScenarioRules(scenario: Scenario, vocabulary: ScenarioVocabulary = {}, file?: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const problem = (path: string, message: string): void => {
    problems.push({ ...(file ? { file } : {}), path, message });
  };

  scenario.phases.forEach((p, i) => {
    if (p.durationMs <= 0) problem(`phases[${i}].duration`, 'expected a duration > 0');
  });
  const closedLoop = scenario.driver === AUTOCANNON_DRIVER;
  const anyArrivals = scenario.phases.some((p) => p.segments.some((s) => s.durationMs > 0 && (s.fromRatePerSec > 0 || s.toRatePerSec > 0)));
  if (!anyArrivals && !closedLoop) problem('phases', 'expected at least one phase with a rate > 0 (the scenario would start nothing)');
  if (closedLoop) {
    if (!scenario.autocannon) problem('autocannon', 'expected an autocannon section (load, connections) with driver: autocannon');
    if (scenario.flows.length > 0) problem('flows', 'a closed-loop autocannon load sends only autocannon.load: leave flows out');
    if (scenario.target.kind === 'aws') {
      problem('driver', 'the closed-loop autocannon load runs against emulator targets only (it has no rate ceiling and no circuit breaker)');
    }
  } else {
    if (scenario.autocannon) problem('autocannon', 'expected driver: autocannon with an autocannon section');
    if (scenario.flows.length === 0) problem('flows', FLOWS_MISSING);
  }

  const seen = new Map<string, number>();
  scenario.flows.forEach((f, i) => {
    const prev = seen.get(f.name);
    if (prev !== undefined) {
      problem(`flows[${i}]`, `flow name "${f.name}" is already used by flows[${prev}]; give this entry another name`);
    } else {
      seen.set(f.name, i);
    }
    if (f.builtin !== undefined && vocabulary.flowNames && !vocabulary.flowNames.includes(f.builtin)) {
      problem(`flows[${i}].flow`, `unknown flow "${f.builtin}"; expected one of: ${list(vocabulary.flowNames)}`);
    }
    f.steps?.forEach((s, j) => {
      if (vocabulary.checkStep) {
        for (const p of vocabulary.checkStep(s.step, s.params)) problem(`flows[${i}].steps[${j}]${p.path ? `.${p.path}` : ''}`, p.message);
      } else if (vocabulary.stepNames && !vocabulary.stepNames.includes(s.step)) {
        problem(`flows[${i}].steps[${j}].step`, `unknown step "${s.step}"; expected one of: ${list(vocabulary.stepNames)}`);
      }
    });
  });

  if (vocabulary.driverNames && !vocabulary.driverNames.includes(scenario.driver)) {
    problem('driver', `unknown driver "${scenario.driver}"; expected one of: ${list(vocabulary.driverNames)}`);
  }

  if (vocabulary.checkThreshold) {
    scenario.thresholds.forEach((t, i) => {
      const message = vocabulary.checkThreshold!(t.expression, scenario.flows.map((f) => f.name));
      if (message !== undefined) problem(`thresholds[${i}]`, message);
    });
  }

  const t = scenario.target;
  if (t.kind === 'aws' && t.clientSecretEnv && t.clientSecretFile) {
    problem('target.aws', 'expected at most one of clientSecretEnv and clientSecretFile');
  }
  return problems;
}

/**
 * The name checks of {@link checkScenarioRules} on a document that failed the schema (best effort): unknown flows,
 * steps, drivers and invalid thresholds are reported together with the schema's problems, so that one run of
 * `cogcap validate` shows every problem.
 */
export function checkRawVocabulary(value: unknown, vocabulary: ScenarioVocabulary, file?: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const problem = (path: string, message: string): void => {
    problems.push({ ...(file ? { file } : {}), path, message });
  };
  if (typeof value !== 'object' || value === null) return problems;
  const doc = value as Record<string, unknown>;
  const flows = Array.isArray(doc.flows) ? (doc.flows as unknown[]) : [];
  const names: string[] = [];
  flows.forEach((f, i) => {
    if (typeof f !== 'object' || f === null) return;
    const e = f as Record<string, unknown>;
    if (typeof e.name === 'string') names.push(e.name);
    else if (typeof e.flow === 'string') names.push(e.flow);
    if (typeof e.flow === 'string' && vocabulary.flowNames && !vocabulary.flowNames.includes(e.flow)) {
      problem(`flows[${i}].flow`, `unknown flow "${e.flow}"; expected one of: ${list(vocabulary.flowNames)}`);
    }
    if (Array.isArray(e.steps)) {
      (e.steps as unknown[]).forEach((s, j) => {
        if (typeof s !== 'object' || s === null || typeof (s as { step?: unknown }).step !== 'string') return;
        const { step, thinkTime: _t, ...params } = s as Record<string, unknown>;
        const found = vocabulary.checkStep
          ? vocabulary.checkStep(step as string, params)
          : vocabulary.stepNames && !vocabulary.stepNames.includes(step as string)
            ? [{ path: 'step', message: `unknown step "${String(step)}"; expected one of: ${list(vocabulary.stepNames)}` }]
            : [];
        for (const p of found) problem(`flows[${i}].steps[${j}]${p.path ? `.${p.path}` : ''}`, p.message);
      });
    }
  });
  if (doc.flows === undefined && doc.driver !== AUTOCANNON_DRIVER) problem('flows', FLOWS_MISSING);
  if (typeof doc.driver === 'string' && vocabulary.driverNames && !vocabulary.driverNames.includes(doc.driver)) {
    problem('driver', `unknown driver "${doc.driver}"; expected one of: ${list(vocabulary.driverNames)}`);
  }
  if (Array.isArray(doc.thresholds) && vocabulary.checkThreshold) {
    (doc.thresholds as unknown[]).forEach((t, i) => {
      const text = typeof t === 'string' ? t : typeof t === 'object' && t !== null ? (t as { threshold?: unknown }).threshold : undefined;
      if (typeof text !== 'string') return;
      const message = vocabulary.checkThreshold!(text, names);
      if (message !== undefined) problem(typeof t === 'string' ? `thresholds[${i}]` : `thresholds[${i}].threshold`, message);
    });
  }
  return problems;
}
