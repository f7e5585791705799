import type { QuotaCategory } from '../../cognito/categories.js';
import { InputError, type InputProblem } from '../../errors.js';
import type { FlowDefinition } from '../flow.js';
import type { LoadFlowContext } from './flow-context.js';
import { finishJourney, startJourney, think } from './journey-state.js';
import { STEPS, checkStep, type StepDefinition } from './steps.js';

/** One step of a composed flow (the shape of the scenario's normalised `StepConfig`). */
export interface StepSpec {
  readonly step: string;
  /** Pause before the step (before each repetition), ms (default 0). */
  readonly thinkTimeMs?: number;
  /** The step's parameters, plus `repeat` (default 1). */
  readonly params?: Readonly<Record<string, unknown>>;
}

/** A flow composed from vocabulary steps: a {@link FlowDefinition} that also lists its step names. */
export interface ComposedFlowDefinition extends FlowDefinition {
  /** Step names in order (repeats not expanded). */
  readonly steps: readonly string[];
  /** Every operation the flow may send (see StepDefinition.operations). */
  readonly operations: readonly string[];
}

/** True when the flow signs in with SRP (so SRP maths may need worker threads); false when unknown. */
export function flowUsesSrp(def: FlowDefinition): boolean {
  const steps = (def as Partial<ComposedFlowDefinition>).steps;
  return Array.isArray(steps) && steps.includes('srpSignIn');
}

/**
 * Composes a flow from vocabulary steps. Every problem is reported at once as {@link InputError}
 * (paths `steps[i].<param>`). The flow stops at the first failed step (returns false) or when the run is aborted;
 * a session it holds goes back to the pool unless it was signed out or rejected.
 * Timing: the first call's intended start is the arrival time; each next call's is the previous call's end plus
 * the think time in between.
 */
export function buildCustomFlow(name: string, steps: readonly StepSpec[], describe?: string): ComposedFlowDefinition {
  const problems: InputProblem[] = [];
  if (steps.length === 0) problems.push({ path: 'steps', message: 'expected at least one step' });
  const compiled: { def: StepDefinition; thinkTimeMs: number; repeat: number; params: Record<string, unknown> }[] = [];
  steps.forEach((s, i) => {
    const found = checkStep(s.step, s.params ?? {});
    for (const p of found) problems.push({ path: `steps[${i}]${p.path ? `.${p.path}` : ''}`, message: p.message });
    if (s.thinkTimeMs !== undefined && !(s.thinkTimeMs >= 0)) problems.push({ path: `steps[${i}].thinkTime`, message: 'expected a duration >= 0' });
    const def = STEPS.get(s.step);
    if (!def || found.length > 0) return;
    const { repeat = 1, ...params } = s.params ?? {};
    compiled.push({ def, thinkTimeMs: s.thinkTimeMs ?? 0, repeat: repeat as number, params });
  });
  if (problems.length > 0) throw new InputError(`invalid steps in flow "${name}"`, problems);
  const categories = [...new Set(compiled.flatMap((c) => c.def.categories))] as QuotaCategory[];
  return {
    name,
    describe: describe ?? compiled.map((c) => c.def.name).join(' → '),
    categories,
    steps: compiled.map((c) => c.def.name),
    operations: [...new Set(compiled.flatMap((c) => c.def.operations))],
    async run(ctx) {
      const lctx = ctx as LoadFlowContext;
      const st = startJourney(lctx);
      try {
        for (const c of compiled) {
          for (let r = 0; r < c.repeat; r += 1) {
            await think(lctx, st, c.thinkTimeMs);
            if (ctx.signal.aborted) return false;
            if (!(await c.def.run(lctx, st, c.params))) return false;
          }
        }
        return true;
      } finally {
        finishJourney(lctx, st);
      }
    },
  };
}
