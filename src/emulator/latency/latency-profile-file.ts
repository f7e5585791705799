import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { QUOTA_CATEGORY_NAMES, type QuotaCategory } from '../../cognito/categories.js';
import { zodIssuesToProblems } from '../../config/zod-problems.js';
import { InputError } from '../../errors.js';
import type { TriggerName } from '../layer.js';
import { BUILT_IN_TRIGGER_PROFILES, TRIGGER_NAMES, type TriggerProfile, type TriggerSpec } from '../triggers/trigger-profile.js';
import { latencyDistributionSchema, type LatencyDistribution } from './latency-distribution.js';
import { BUILT_IN_LATENCY_PROFILES, type LatencyProfile } from './latency-profile.js';

/**
 * Latency profile files (JSON or YAML) for `--latency`: service latency per operation and Lambda trigger behaviour.
 * ```yaml
 * extends: realistic            # or zero (default realistic)
 * default: { kind: lognormal, medianMs: 60, p99Ms: 250 }
 * categories: { UserRead: { kind: uniform, minMs: 20, maxMs: 60 } }
 * operations: { InitiateAuth: { kind: fixed, ms: 100 } }
 * triggers:
 *   default: { latency: { kind: fixed, ms: 20 } }
 *   PreSignUp: { latency: { kind: lognormal, medianMs: 40, p99Ms: 6000 }, errorRate: 0.01, invokeErrorRate: 0.001 }
 * ```
 */

const probability = z.number().min(0).max(1, { error: 'expected a probability between 0 and 1' });
const triggerSpec = z.strictObject({
  latency: latencyDistributionSchema.optional(),
  errorRate: probability.optional(),
  invokeErrorRate: probability.optional(),
});
const triggerKey = z.enum(['default', ...TRIGGER_NAMES] as [string, ...string[]], {
  error: `expected default or a trigger name: ${TRIGGER_NAMES.join(', ')}`,
});

/** Schema of a latency profile file. */
export const latencyProfileFileSchema = z.strictObject({
  extends: z.enum(['realistic', 'zero']).optional(),
  default: latencyDistributionSchema.optional(),
  categories: z
    .partialRecord(z.enum(QUOTA_CATEGORY_NAMES, { error: `expected a category name: ${QUOTA_CATEGORY_NAMES.join(', ')}` }), latencyDistributionSchema)
    .optional(),
  operations: z.record(z.string().regex(/^[A-Z][A-Za-z]+$/, { error: 'expected an operation name such as InitiateAuth' }), latencyDistributionSchema).optional(),
  triggers: z.partialRecord(triggerKey, triggerSpec).optional(),
});

/** Service latency and trigger behaviour, as loaded for `--latency`. */
export interface LatencySettings {
  readonly latency: LatencyProfile;
  readonly triggers: TriggerProfile;
}

/** Builds settings from a parsed document; throws InputError listing every problem (file, field path, expectation). */
export function latencySettingsFromDocument(doc: unknown, file?: string): LatencySettings {
  const parsed = latencyProfileFileSchema.safeParse(doc ?? {});
  if (!parsed.success) throw new InputError(`invalid latency profile${file ? ` ${file}` : ''}`, zodIssuesToProblems(parsed.error.issues, file));
  const f = parsed.data;
  const baseName = f.extends ?? 'realistic';
  const base = BUILT_IN_LATENCY_PROFILES[baseName] as LatencyProfile;
  const baseTriggers = BUILT_IN_TRIGGER_PROFILES[baseName] as TriggerProfile;
  const name = file ?? 'custom';
  const latency: LatencyProfile = {
    name,
    default: (f.default as LatencyDistribution | undefined) ?? base.default,
    categories: { ...base.categories, ...(f.categories as Partial<Record<QuotaCategory, LatencyDistribution>> | undefined) },
    operations: { ...base.operations, ...(f.operations as Record<string, LatencyDistribution> | undefined) },
  };
  const merge = (over: z.infer<typeof triggerSpec> | undefined, under: TriggerSpec): TriggerSpec => ({
    latency: (over?.latency as LatencyDistribution | undefined) ?? under.latency,
    errorRate: over?.errorRate ?? under.errorRate,
    invokeErrorRate: over?.invokeErrorRate ?? under.invokeErrorRate,
  });
  const t = f.triggers ?? {};
  const triggerDefault = merge(t.default, baseTriggers.default);
  const perTrigger: Partial<Record<TriggerName, TriggerSpec>> = { ...baseTriggers.triggers };
  for (const [k, v] of Object.entries(t)) if (k !== 'default' && v) perTrigger[k as TriggerName] = merge(v, perTrigger[k as TriggerName] ?? triggerDefault);
  return { latency, triggers: { name, default: triggerDefault, triggers: perTrigger } };
}

/**
 * Resolves `--latency`: `realistic`, `zero`, or the path of a JSON/YAML file.
 * @param read reads a file as UTF-8 (injected; defaults to node:fs)
 */
export async function loadLatencySettings(spec: string, read: (path: string) => Promise<string> = (p) => readFile(p, 'utf8')): Promise<LatencySettings> {
  const builtIn = BUILT_IN_LATENCY_PROFILES[spec];
  if (builtIn) return { latency: builtIn, triggers: BUILT_IN_TRIGGER_PROFILES[spec] as TriggerProfile };
  let text: string;
  try {
    text = await read(spec);
  } catch (err) {
    throw new InputError(`cannot read latency profile ${spec}`, [
      { file: spec, path: '', message: `expected a readable file or one of ${Object.keys(BUILT_IN_LATENCY_PROFILES).join(', ')} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` },
    ]);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new InputError(`invalid latency profile ${spec}`, [{ file: spec, path: '', message: `not valid JSON or YAML: ${(err as Error).message}` }]);
  }
  return latencySettingsFromDocument(doc, spec);
}
