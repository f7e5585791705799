import { CATEGORY_QUOTAS, QUOTA_CATEGORY_NAMES, type QuotaCategory } from '../cognito/categories.js';
import { TargetError } from '../errors.js';
import type { PlannerAwsClients } from '../aws/aws-clients.js';
import { requireQuotaAcknowledgement } from './acknowledgement.js';
import { runAwsPreflight, type AwsPreflightResult } from './aws-preflight.js';
import { CircuitBreaker, DEFAULT_CIRCUIT_BREAKER_CONFIG, type CircuitBreakerConfig } from './circuit-breaker.js';
import { renderDryRun } from './dry-run-table.js';
import { OutcomeSeconds } from './outcome-seconds.js';
import { planCallsByCategory, type PlannedCallsInput, type PlannedCalls } from './planned-calls.js';
import { assessPreflight, formatRate, type RatesByCategory } from './preflight.js';
import { DEFAULT_AWS_RATE_CEILING_PER_SEC, RateCeilingGate, checkRateCeiling } from './rate-ceiling.js';

/**
 * What the runner calls before and during a run: one entry point that applies every guardrail of a run against a
 * real pool in order (acknowledgement, plan, hard ceiling, preflight) and hands back the runtime guards
 * (ceiling gate, circuit breaker). Runs against the emulator get the plan only.
 */

/** The documented default quota of each category, requests/s (`Uncategorized`: unlimited). */
export function defaultQuotasByCategory(): RatesByCategory {
  const out: Partial<Record<QuotaCategory, number>> = {};
  for (const c of QUOTA_CATEGORY_NAMES) out[c] = CATEGORY_QUOTAS[c].defaultRatePerSec;
  return out;
}

/** What the guards need of a normalised scenario (a subset of `Scenario`). */
export interface GuardedScenario extends PlannedCallsInput {
  readonly target: { readonly kind: 'embedded' | 'emulator' | 'aws'; readonly acknowledgeAccountWideQuotas?: boolean };
}

/** Inputs of {@link prepareRunGuards}. */
export interface RunGuardsInput {
  readonly scenario: GuardedScenario;
  /** `--i-understand-quotas-are-account-wide`. */
  readonly acknowledgeFlag?: boolean;
  /** `--max-quota-share` (default 0.8). */
  readonly maxShare?: number;
  /** `--max-rate`: hard ceiling of the whole run's calls/s (default 500 against AWS; none otherwise). */
  readonly maxRatePerSec?: number;
  /** Shard count of a split run (the ceiling gate of each shard admits its share); default 1. */
  readonly shardCount?: number;
  /** AWS clients for the preflight (required for AWS targets). */
  readonly clients?: Pick<PlannerAwsClients, 'serviceQuotas' | 'cognito' | 'cloudWatch'>;
  readonly usageLookbackHours?: number;
  /**
   * Read GetProvisionedLimit (default true). Its LimitManagement quota is 1 request/s per account: in a split run
   * let only shard 0 read it (pass `shard.index === 0`), the others then compare with the Service Quotas values.
   */
  readonly provisioned?: boolean;
  readonly breaker?: CircuitBreakerConfig;
  readonly now: Date;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The guards of a run. */
export interface RunGuards {
  /** Planned calls of the whole run (all shards). */
  readonly plan: PlannedCalls;
  /** Preflight figures (AWS targets). */
  readonly preflight?: AwsPreflightResult;
  /** Ceiling per shard, calls/s; undefined when no ceiling applies. */
  readonly ceilingRatePerSec?: number;
  /** Admit each call with `gate.tryAcquire(nowUs)`; a refused call is not sent (count it as dropped). */
  readonly gate?: RateCeilingGate;
  /** Feed `outcomeSeconds.add(sample)` per sample and, once a second, `breaker.observe(s)` for each drained second. */
  readonly breaker?: CircuitBreaker;
  readonly outcomeSeconds?: OutcomeSeconds;
  readonly warnings: readonly string[];
}

/**
 * Applies the guardrails before a run. For AWS targets: refuses (TargetError, exit 3) without the acknowledgement,
 * when a flow's calls are unknown, when the planned peak exceeds the hard ceiling, or when planned + recent usage
 * exceeds the share of a quota; returns the ceiling gate and circuit breaker. Other targets get the plan only.
 */
export async function prepareRunGuards(input: RunGuardsInput): Promise<RunGuards> {
  const { scenario } = input;
  const aws = scenario.target.kind === 'aws';
  requireQuotaAcknowledgement({
    targetKind: scenario.target.kind,
    ...(input.acknowledgeFlag !== undefined ? { flag: input.acknowledgeFlag } : {}),
    ...(scenario.target.acknowledgeAccountWideQuotas !== undefined ? { scenarioField: scenario.target.acknowledgeAccountWideQuotas } : {}),
  });
  const plan = planCallsByCategory({ phases: scenario.phases, flows: scenario.flows });
  if (!aws) {
    const ceiling = input.maxRatePerSec;
    return {
      plan,
      warnings: [],
      ...(ceiling !== undefined ? { ceilingRatePerSec: ceiling / (input.shardCount ?? 1), gate: new RateCeilingGate(ceiling / (input.shardCount ?? 1)) } : {}),
    };
  }
  if (plan.unknownFlows.length > 0) {
    throw new TargetError(
      `refusing to run against AWS: the calls per arrival of ${plan.unknownFlows.join(', ')} are unknown, so the preflight cannot check the quotas`,
      'add the flow to src/guard/flow-calls.ts, or compose it from known steps',
    );
  }
  const ceiling = input.maxRatePerSec ?? DEFAULT_AWS_RATE_CEILING_PER_SEC;
  const overCeiling = checkRateCeiling(plan.peakTotalRatePerSec, ceiling);
  if (overCeiling) throw new TargetError(`refusing to run: ${overCeiling}`, 'raise it explicitly with --max-rate if the quotas allow it');
  if (!input.clients) throw new Error('prepareRunGuards: AWS targets need AWS clients for the preflight');
  const preflight = await runAwsPreflight({
    clients: input.clients,
    plannedPeakRatePerSecByCategory: plan.peakRatePerSecByCategory,
    plannedPeakChallengeResponseRatePerSec: plan.peakChallengeResponseRatePerSec,
    now: input.now,
    ...(input.maxShare !== undefined ? { maxShare: input.maxShare } : {}),
    ...(input.usageLookbackHours !== undefined ? { usageLookbackHours: input.usageLookbackHours } : {}),
    ...(input.provisioned !== undefined ? { provisioned: input.provisioned } : {}),
    ...(input.sleep ? { sleep: input.sleep } : {}),
  });
  if (!preflight.assessment.ok) {
    throw new TargetError(
      `refusing to run: planned plus current usage would exceed ${Math.round(preflight.assessment.maxShare * 100)}% of ` +
        `${preflight.assessment.refusals.length === 1 ? 'a quota' : 'quotas'} shared by every pool in the account and Region:\n` +
        preflight.assessment.refusals.map((r) => `  ${r.reason}`).join('\n'),
      'lower the rates, run when usage is lower, raise the quota, or set --max-quota-share (cogcap run --dry-run shows the plan)',
    );
  }
  const perShardCeiling = ceiling / (input.shardCount ?? 1);
  return {
    plan,
    preflight,
    ceilingRatePerSec: perShardCeiling,
    gate: new RateCeilingGate(perShardCeiling),
    breaker: new CircuitBreaker(input.breaker ?? DEFAULT_CIRCUIT_BREAKER_CONFIG),
    outcomeSeconds: new OutcomeSeconds(),
    warnings: preflight.warnings,
  };
}

/** Inputs of {@link renderDryRunReport}. */
export interface DryRunReportInput {
  readonly scenario: PlannedCallsInput;
  /** Quotas to compare with (default: the documented defaults). */
  readonly quotas?: RatesByCategory;
  readonly usage?: RatesByCategory;
  readonly quotaSource?: string;
  readonly maxShare?: number;
  readonly perSecond?: boolean;
  readonly maxRatePerSec?: number;
}

/** The `--dry-run` text for a scenario: makes no calls (pure). */
export function renderDryRunReport(input: DryRunReportInput): string {
  const plan = planCallsByCategory(input.scenario);
  const assessment = assessPreflight({
    plannedPeakRatePerSecByCategory: plan.peakRatePerSecByCategory,
    plannedPeakChallengeResponseRatePerSec: plan.peakChallengeResponseRatePerSec,
    quotas: input.quotas ?? defaultQuotasByCategory(),
    recentUsagePeakRatePerSecByCategory: input.usage ?? {},
    ...(input.maxShare !== undefined ? { maxShare: input.maxShare } : {}),
  });
  let text = renderDryRun(plan, assessment, {
    quotaSource: input.quotaSource ?? 'documented defaults (no AWS calls made)',
    ...(input.perSecond !== undefined ? { perSecond: input.perSecond } : {}),
  });
  if (input.maxRatePerSec !== undefined) {
    const over = checkRateCeiling(plan.peakTotalRatePerSec, input.maxRatePerSec);
    text += over ? `REFUSED ${over}\n` : `Hard rate ceiling: ${formatRate(input.maxRatePerSec)} calls/s (ok).\n`;
  }
  return text;
}
