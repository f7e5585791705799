import type { ScenarioVocabulary } from './scenario-rules.js';

/**
 * Collects the names a scenario may use from the registries that exist in this build: flows and steps
 * (src/load/flows), drivers (src/load/drivers) and the threshold parser (src/metrics/thresholds). Each part is
 * optional: when a registry cannot be loaded, that check is skipped here and the runner fails later instead.
 */
export async function loadScenarioVocabulary(): Promise<ScenarioVocabulary> {
  const [flows, drivers, thresholds] = await Promise.all([
    tryImport('../load/flows/index.js'),
    tryImport('../load/drivers/index.js'),
    tryImport('../metrics/thresholds/parse-threshold.js'),
  ]);
  const vocabulary: { -readonly [K in keyof ScenarioVocabulary]: ScenarioVocabulary[K] } = {};
  const flowMap = flows?.FLOWS as ReadonlyMap<string, unknown> | undefined;
  if (flowMap instanceof Map) vocabulary.flowNames = [...flowMap.keys()];
  const steps = (flows?.STEPS ?? flows?.STEP_NAMES) as ReadonlyMap<string, unknown> | readonly string[] | undefined;
  if (steps instanceof Map) vocabulary.stepNames = [...steps.keys()];
  else if (Array.isArray(steps)) vocabulary.stepNames = steps as string[];
  const driverNames = (drivers?.DRIVER_NAMES ?? (drivers?.DRIVERS instanceof Map ? [...(drivers.DRIVERS as Map<string, unknown>).keys()] : undefined)) as
    | readonly string[]
    | undefined;
  if (Array.isArray(driverNames)) vocabulary.driverNames = driverNames;
  const parse = thresholds?.parseThreshold as ((expression: string) => unknown) | undefined;
  if (typeof parse === 'function') {
    vocabulary.checkThreshold = (expression) => {
      try {
        parse(expression);
        return undefined;
      } catch (err) {
        return (err as Error).message;
      }
    };
  }
  return vocabulary;
}

async function tryImport(specifier: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_UNSUPPORTED_DIR_IMPORT') return undefined;
    throw err;
  }
}
