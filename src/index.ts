/**
 * Programmatic API of cognito-capacity.
 */
export * from './cognito/categories.js';
export * from './cognito/operations.js';
export * from './cognito/srp.js';
export * from './cognito/secret-hash.js';
export * from './errors.js';
export * from './emulator/start-emulator.js';
export { createEmulatorApp, type EmulatorApp, type EmulatorAppOptions } from './emulator/app.js';
export type { CodeMode } from './emulator/context.js';
export type { LockoutTracker } from './emulator/lockout-tracker.js';
export type { BootstrapDocument, BootstrapSummary } from './emulator/bootstrap.js';
export { createLimits, type Limits, type LimitsOptions } from './emulator/limits.js';
export { limitsFromSpec, limitsAppOptions, type LimitsSpec } from './emulator/limits-app-options.js';
export { AWS_DEFAULT_QUOTAS, UNLIMITED_QUOTAS, DEFAULT_BURST_SEC, type QuotaProfile } from './emulator/quota/quota-profile.js';
export { loadQuotaProfile, quotaProfileFromDocument, quotaProfileFromText } from './emulator/quota/quota-profile-file.js';
export { QuotaLimiter, type CategoryBudget } from './emulator/quota/quota-limiter.js';
export { FailedSignInLockout, type LockoutOptions } from './emulator/quota/lockout.js';
export { loadLatencySettings, type LatencySettings } from './emulator/latency/latency-profile-file.js';
export { REALISTIC_LATENCY, ZERO_LATENCY, type LatencyProfile } from './emulator/latency/latency-profile.js';
export type { LatencyDistribution } from './emulator/latency/latency-distribution.js';
export { SimulatedTriggers } from './emulator/triggers/simulated-triggers.js';
export { REALISTIC_TRIGGERS, ZERO_TRIGGERS, type TriggerProfile, type TriggerSpec } from './emulator/triggers/trigger-profile.js';
export { METRICS_PATH, METRICS_RESET_PATH, type MetricsDocument } from './emulator/usage/metrics-route.js';
export { createCognitoExtensions, createEmulatorAppWithExtensions, type CognitoExtensions, type CognitoExtensionsOptions } from './emulator/oauth/cognito-extensions.js';
export { startEmulatorWithExtensions } from './emulator/oauth/start-emulator-with-extensions.js';
export { OAUTH_OPERATIONS, tokenOperation, type OAuthOperation } from './emulator/oauth/oauth-operations.js';
export { createTestIdp, TEST_IDP_PATH, type TestIdp, type TestIdpOptions, type TestIdpUser } from './emulator/federation/test-idp.js';
export { identityPoolQuotaLayer, type IdentityPoolQuotaOptions } from './emulator/identity-pools/identity-pool-quota-layer.js';
export * from './metrics/histogram.js';
export type * from './metrics/sample.js';
export * from './metrics/run-result.js';
export type * from './load/flow.js';
export * from './load/drivers/index.js';
export * from './load/flows/index.js';
export { clientCredentialsFlow, type ClientCredentialsFlowOptions } from './load/flows/client-credentials-flow.js';
export { hostedUiSignInFlow, type HostedUiSignInFlowOptions } from './load/flows/hosted-ui-sign-in-flow.js';
export { federatedSignInFlow, type FederatedSignInFlowOptions } from './load/flows/federated-sign-in-flow.js';
export { identityPoolExchangeFlow, type IdentityPoolExchangeFlowOptions } from './load/flows/identity-pool-exchange-flow.js';
export { OAUTH_FLOW_NAMES, isOAuthFlowName, oauthFlowFor, type OAuthFlowName, type OAuthFlowSettings } from './load/flows/oauth-flow-setup.js';
export { prepareOAuthFlows, oauthSettingsFromScenario, identityOperationQuotaLookup } from './load/oauth-run-setup.js';
export { runApiLoad, ApiLoadTally, type ApiLoadOptions, type ApiLoadResult } from './load/api-load/api-load.js';
export { buildEmulatorTokenPool, readTokenFile, type TokenPool, type EmulatorTokenPoolOptions } from './load/api-load/token-pool.js';
export { extensionOptionsFor } from './emulator/extension-options.js';
export type { HttpFlowContext } from './load/flows/http-flow-context.js';
export * from './load/session-pool.js';
export * from './load/srp-engine.js';
export { createSrpEngine, createSrpWorkerPool, resolveSrpWorkerEntry, type SrpEngineOptions, type SrpInWorkers, type SrpWorkerPoolOptions } from './load/srp-workers.js';
export * from './load/population/index.js';
export { loadWorkload, parseWorkload, parseWorkloadText } from './config/workload-load.js';
export { workloadJsonSchema } from './config/workload-json-schema.js';
export type { Workload, PeakShape, SignInMix, PricingTable } from './planner/workload.js';
export { buildPlan, PLAN_SCHEMA, PLAN_VERSION, type Plan, type PlanInputs, type CalibratedUsage } from './planner/plan.js';
export { computeDemand, type Demand, type DemandLine, type DemandBudget, type DemandDriver } from './planner/operation-demand.js';
export { rollUp, keyRequirement, type KeyPlan, type AllowancePlan, type QuotaStatus } from './planner/category-rollup.js';
export { project, type Projection } from './planner/projection.js';
export { computeCost, type CostPlan } from './planner/cost.js';
export { buildDrafts, type QuotaIncreaseDraft, type IncreasePayload } from './planner/drafts.js';
export { emitScenario, type EmittedScenario, type EmitScenarioOptions } from './planner/scenario-emit.js';
export { QUOTA_KEYS, quotaKey, type QuotaKey } from './planner/quota-keys.js';
export { IDENTITY_OPERATION_QUOTAS, IDENTITY_SERVICE_CODE, type IdentityOperationQuota } from './planner/identity-pool-quotas.js';
export { defaultQuotaTable, type QuotaTable, type CurrentQuota } from './planner/quota-table.js';
export { observeUsage, type ObservedUsage, type UsageSeries } from './planner/calibration.js';
export type { Figure } from './planner/figure.js';
export { resolveQuotas, calibrate } from './aws/quota-sources.js';
export { PLAN_RENDERERS, PLAN_FORMATS, draftFiles, type PlanFormat } from './report/plan-render.js';
export {
  parseThreshold,
  THRESHOLD_SYNTAX_HINT,
  thresholdEntrySchema,
  thresholdListSchema,
  normalizeThresholdEntry,
  normalizeThresholdList,
  evaluateThreshold,
  evaluateThresholds,
  allThresholdsPassed,
  evaluateAbortThresholds,
  markAborted,
  THRESHOLD_METRICS,
  type ParsedThreshold,
  type ThresholdEntry,
  type ThresholdScope,
  type ThresholdSource,
  type LiveThresholdVerdict,
} from './metrics/thresholds/index.js';
export { mergeResults, type MergeOptions } from './metrics/merge.js';
export { compareResults, isComparison, DEFAULT_COMPARE_OPTIONS, type Comparison, type CompareOptions, type CategoryComparison } from './report/compare.js';
export { renderComparisonMarkdown, renderComparisonText } from './report/compare-render.js';
export { renderMarkdown } from './report/markdown.js';
export { renderHtml, type HtmlOptions } from './report/html.js';
export { renderJunit } from './report/junit.js';
export { renderTerminalSummary, type TerminalSummaryOptions } from './report/terminal.js';
export { REPORT_FORMATS, REPORT_FORMAT_NAMES, resolveReportFormats, type ReportFormat } from './report/formats.js';
export { readRunResult, parseRunResult } from './report/read-result.js';
export { writeReports, writeResultFile } from './report/write.js';
export { redactSecrets } from './report/redact.js';
export { loadScenario, parseScenarioText, type LoadScenarioOptions } from './config/load-scenario.js';
export { scenarioJsonSchema, SCENARIO_SCHEMA_ID } from './config/scenario-json-schema.js';
export { scenarioSchema, type ScenarioInput } from './config/scenario-schema.js';
export type * from './config/scenario.js';
export { SCENARIO_DEFAULTS } from './config/scenario.js';
export { describeScenario, expectedArrivals } from './config/describe-scenario.js';
export { parseDurationMs, formatDurationMs } from './config/duration.js';
export { parseRatePerSec } from './config/rate.js';
export { runScenario, newRunId, scenarioHash, type RunOptions, type RunOutput, type RunHooks, type RunHookContext } from './load/run.js';
export { buildTimeline, planArrivals, countPlannedArrivals, rateAtUs, cumulativeAtUs, type Timeline, type PlannedArrival, type ScheduleOptions } from './load/schedule.js';
export { runExecutor, type ExecutorOptions, type ExecutorStats } from './load/executor.js';
export { seededRandom, deriveSeed } from './load/seeded-random.js';
export { Recorder, type RecorderOptions, type RunMeta } from './metrics/recorder.js';
