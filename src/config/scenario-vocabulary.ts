import { DRIVERS } from '../load/drivers/driver-registry.js';
import { FLOWS } from '../load/flows/flow-registry.js';
import { checkStep } from '../load/flows/steps.js';
import { InputError } from '../errors.js';
import { parseThreshold } from '../metrics/thresholds/parse-threshold.js';
import type { ScenarioVocabulary } from './scenario-rules.js';
import { AUTOCANNON_DRIVER } from './scenario.js';

/**
 * The names a scenario may use, from the registries of this build: flows (including code-registered ones at the
 * time of the call), custom-flow steps and their parameters, drivers, and the threshold parser.
 */
export function loadScenarioVocabulary(): ScenarioVocabulary {
  return {
    flowNames: [...FLOWS.keys()],
    driverNames: [...DRIVERS.keys(), AUTOCANNON_DRIVER],
    checkStep: (name, params) => checkStep(name, params),
    checkThreshold: (expression, knownFlows) => {
      try {
        parseThreshold(expression, '', { knownFlows });
        return undefined;
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        return err.problems.map((p) => p.message).join('; ') || err.message;
      }
    },
  };
}
