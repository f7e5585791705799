import type { Figure } from './figure.js';
import { rollUp, type KeyPlan } from './category-rollup.js';
import type { ObservedUsage } from './calibration.js';
import { computeCost, type CostPlan } from './cost.js';
import { buildDrafts, type QuotaIncreaseDraft } from './drafts.js';
import { computeDemand, type DemandLine } from './operation-demand.js';
import { project, type Projection } from './projection.js';
import type { QuotaTable } from './quota-table.js';
import type { RunEvidence } from './run-evidence.js';
import { planWarnings } from './warnings.js';
import type { Workload } from './workload.js';

/** Schema identifier of plan JSON. */
export const PLAN_SCHEMA = 'cognito-capacity/plan';
/** Plan JSON version. */
export const PLAN_VERSION = 1;

/** Observed usage of a category with its utilisation of the current quota. */
export interface CalibratedUsage extends ObservedUsage {
  /** observed peak / current quota (null when the category has no quota key). */
  readonly utilisation: number | null;
}

/** A complete capacity plan (plain data; rendered by src/report/plan-*.ts). */
export interface Plan {
  readonly schema: typeof PLAN_SCHEMA;
  readonly version: typeof PLAN_VERSION;
  readonly generatedAt: string;
  readonly workload: { readonly name: string; readonly file?: string; readonly description?: string; readonly region: string; readonly headroom: number };
  /** Where the quotas came from: `default` (catalogue) or `live` (Service Quotas and GetProvisionedLimit). */
  readonly quotaSource: 'default' | 'live';
  readonly basis: Readonly<Record<string, Figure>>;
  readonly lines: readonly DemandLine[];
  readonly keys: readonly KeyPlan[];
  readonly projection: Projection;
  readonly cost: CostPlan;
  readonly drafts: readonly QuotaIncreaseDraft[];
  /** CloudWatch calibration by category, when requested. */
  readonly calibration: { readonly days: number; readonly byCategory: Readonly<Record<string, CalibratedUsage>> } | null;
  /** Capacity-test evidence, when a run result was given. */
  readonly evidence: RunEvidence | null;
  readonly warnings: readonly string[];
}

/** Everything a plan needs besides the workload. */
export interface PlanInputs {
  readonly quotas: QuotaTable;
  readonly quotaSource: 'default' | 'live';
  /** ISO time of generation (injected clock). */
  readonly generatedAt: string;
  readonly workloadFile?: string;
  readonly calibration?: { readonly days: number; readonly observed: Readonly<Record<string, ObservedUsage>> } | null;
  readonly evidence?: RunEvidence | null;
  /** Extra warnings from the quota sources (missing quotas, unavailable APIs). */
  readonly sourceWarnings?: readonly string[];
}

/** Builds the plan of a workload (pure): demand → roll-up → projection → cost → drafts → warnings. */
export function buildPlan(w: Workload, inputs: PlanInputs): Plan {
  const demand = computeDemand(w);
  const keys = rollUp(demand.lines, inputs.quotas, w.headroom);
  const projection = project(w, demand.lines, inputs.quotas, keys.map((k) => k.key.id));
  const cost = computeCost(keys, projection, w.pricing);
  const drafts = buildDrafts(keys, w.region);
  let calibration: Plan['calibration'] = null;
  if (inputs.calibration) {
    const byCategory: Record<string, CalibratedUsage> = {};
    for (const [cat, o] of Object.entries(inputs.calibration.observed)) {
      const q = inputs.quotas[`cognito-idp:${cat}`]?.valueRatePerSec;
      byCategory[cat] = { ...o, utilisation: q ? o.peakRatePerSec / q : null };
    }
    calibration = { days: inputs.calibration.days, byCategory };
  }
  const warnings = [
    ...(inputs.sourceWarnings ?? []),
    ...demand.warnings,
    ...planWarnings(w, demand.lines, keys, inputs.calibration?.observed ?? null),
  ];
  return {
    schema: PLAN_SCHEMA,
    version: PLAN_VERSION,
    generatedAt: inputs.generatedAt,
    workload: {
      name: w.name,
      ...(inputs.workloadFile ? { file: inputs.workloadFile } : {}),
      ...(w.description ? { description: w.description } : {}),
      region: w.region,
      headroom: w.headroom,
    },
    quotaSource: inputs.quotaSource,
    basis: demand.basis,
    lines: demand.lines,
    keys,
    projection,
    cost,
    drafts,
    calibration,
    evidence: inputs.evidence ?? null,
    warnings,
  };
}
