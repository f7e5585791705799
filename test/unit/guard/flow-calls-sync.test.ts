import { describe, expect, it } from 'vitest';
import { BUILT_IN_FLOW_STEPS, STEP_CALLS, callsPerArrivalOf, countCalls } from '../../../src/guard/flow-calls.js';
import type { QuotaCategory } from '../../../src/cognito/categories.js';

// The call tables must cover every step and built-in flow of src/load/flows, charging the categories they declare.
const flows = (await import('../../../src/load/flows/index.js').catch(() => undefined)) as
  | {
      STEPS: ReadonlyMap<string, { categories: readonly QuotaCategory[] }>;
      FLOWS: ReadonlyMap<string, { categories: readonly QuotaCategory[] }>;
    }
  | undefined;

describe.skipIf(!flows)('flow call tables match src/load/flows', () => {
  it('names every step of the vocabulary with its categories', () => {
    for (const [name, def] of flows!.STEPS) {
      expect(STEP_CALLS[name], `step ${name}`).toBeDefined();
      const calls = countCalls(STEP_CALLS[name]!);
      // Challenge responses are charged to UserAuthentication's challenge allowance.
      const charged = [...Object.keys(calls.byCategory), ...(calls.challengeResponses > 0 ? ['UserAuthentication'] : [])].filter((c, i, a) => a.indexOf(c) === i).sort();
      expect(charged, `step ${name}`).toEqual([...def.categories].sort());
    }
  });
  it('names every built-in flow, charging at least its declared categories', () => {
    for (const [name, def] of flows!.FLOWS) {
      expect(BUILT_IN_FLOW_STEPS[name], `flow ${name}`).toBeDefined();
      const charged = Object.keys(callsPerArrivalOf({ name })?.byCategory ?? {});
      for (const c of def.categories) expect(charged, `flow ${name}`).toContain(c);
    }
  });
});
