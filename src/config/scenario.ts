/**
 * A normalised scenario: defaults applied, durations in ms, rates per second, phases as piecewise-linear rate
 * segments. What the runner, the schedule and later the guardrails (issue 7) and shards (issue 8) consume.
 */

/** Arrival spacing within a phase. */
export type Spacing = 'uniform' | 'poisson';

/** The embedded emulator, started by the run in its own process. */
export interface EmbeddedTargetConfig {
  readonly kind: 'embedded';
  /** `aws-default` (default), `unlimited`, or a quota profile file path (resolved against the scenario's folder). */
  readonly quotas: string;
  /** `realistic` (default), `zero`, or a latency profile file path (resolved against the scenario's folder). */
  readonly latency: string;
  /** HTTP status of throttles (default 400). */
  readonly throttleStatus: number;
}

/** A running emulator. */
export interface EmulatorTargetConfig {
  readonly kind: 'emulator';
  readonly url: string;
  readonly userPoolId?: string;
  readonly clientId?: string;
}

/** A real user pool. The secret itself is never held here: only where to read it. */
export interface AwsTargetConfig {
  readonly kind: 'aws';
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly clientSecretEnv?: string;
  readonly clientSecretFile?: string;
  readonly acknowledgeAccountWideQuotas: boolean;
}

/** The target of a run. */
export type TargetConfig = EmbeddedTargetConfig | EmulatorTargetConfig | AwsTargetConfig;

/** Policy of generated passwords. */
export interface PasswordPolicy {
  readonly length: number;
  readonly requireLowercase: boolean;
  readonly requireUppercase: boolean;
  readonly requireNumbers: boolean;
  readonly requireSymbols: boolean;
}

/** The test users. */
export interface PopulationConfig {
  /** `generated`: seeded by the run; `file`: existing users read from `fromFile`. */
  readonly kind: 'generated' | 'file';
  /** Users to seed (generated), default 100. */
  readonly count: number;
  readonly usernamePrefix: string;
  /** Pattern with `{prefix}`, `{run}`, `{index}`. */
  readonly usernamePattern: string;
  readonly emailDomain: string;
  readonly password: PasswordPolicy;
  /** Seeding pace, users per second (default 20). */
  readonly seedRatePerSec: number;
  /** Users file, resolved against the scenario's folder (kind `file`). */
  readonly fromFile?: string;
  /** Delete seeded users after the run (default true). */
  readonly cleanup: boolean;
}

/** One step of a custom flow: its name, think time before it, and its parameters. */
export interface StepConfig {
  readonly step: string;
  /** Think time before the step, ms (default 0). */
  readonly thinkTimeMs: number;
  /** Every other key of the step object. */
  readonly params: Readonly<Record<string, unknown>>;
}

/** One entry of the traffic mix. */
export interface FlowMixEntry {
  /** Name the flow is reported under. */
  readonly name: string;
  readonly weight: number;
  /** Built-in or registered flow name (`flow:` in the file); undefined for custom flows. */
  readonly builtin?: string;
  /** Steps of a custom flow. */
  readonly steps?: readonly StepConfig[];
}

/** A piece of a phase over which the arrival rate changes linearly. */
export interface RateSegment {
  readonly durationMs: number;
  readonly fromRatePerSec: number;
  readonly toRatePerSec: number;
}

/** One phase. */
export interface PhaseConfig {
  readonly type: 'constant' | 'ramp' | 'spike' | 'pause';
  /** Name for progress and reports (default `<type> <index>`). */
  readonly name: string;
  readonly durationMs: number;
  readonly spacing: Spacing;
  /** The phase's rate as consecutive linear segments (a spike has up to three). Durations sum to `durationMs`. */
  readonly segments: readonly RateSegment[];
}

/** A threshold as written, with its abort options. */
export interface ThresholdConfig {
  readonly expression: string;
  readonly abortOnFail: boolean;
  /** Grace time before abort-on-fail is evaluated, ms. */
  readonly delayAbortEvalMs: number;
}

/** Settings of the OAuth, federation and identity-pool flows (secrets: only the names of their variables). */
export interface OAuthScenarioConfig {
  /** OAuth base URL (the pool domain); default the emulator URL. */
  readonly domain?: string;
  readonly m2m?: { readonly clientId: string; readonly clientSecretEnv?: string; readonly scope?: string };
  readonly web?: { readonly clientId: string; readonly clientSecretEnv?: string };
  readonly redirectUri?: string;
  readonly identityProvider?: string;
  readonly identityPoolId?: string;
}

/** A validated, normalised scenario. */
export interface Scenario {
  /** File it came from (as given), when it came from a file. */
  readonly file?: string;
  readonly name: string;
  readonly description?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly target: TargetConfig;
  readonly population: PopulationConfig;
  /** OAuth / federation / identity-pool flow settings, when given. */
  readonly oauth?: OAuthScenarioConfig;
  readonly flows: readonly FlowMixEntry[];
  readonly phases: readonly PhaseConfig[];
  /** Total duration of the phases, ms. */
  readonly durationMs: number;
  readonly maxInFlight: number;
  /** Start lag beyond which a start counts as late, ms (default 10). */
  readonly lateAfterMs: number;
  readonly thresholds: readonly ThresholdConfig[];
  /** Driver name (default `sdk`); {@link AUTOCANNON_DRIVER} runs the closed-loop load of {@link Scenario.autocannon}. */
  readonly driver: string;
  /** The closed-loop load of `driver: autocannon` (flows are then empty; phase rates are ignored, durations count). */
  readonly autocannon?: AutocannonScenarioConfig;
  /** Random seed; undefined means the run picks one and records it. */
  readonly seed?: number;
  readonly intervalMs: number;
  /** Timeout of one call, ms (default 10000). */
  readonly callTimeoutMs: number;
}

/** The driver name of the closed-loop autocannon load (not a per-call driver of the registry). */
export const AUTOCANNON_DRIVER = 'autocannon';

/** What a closed-loop autocannon load sends (see `RAW_LOAD_KINDS`). */
export interface AutocannonScenarioConfig {
  /** `password-sign-in`, `token-refresh`, `get-tokens-from-refresh-token` or `get-user`. */
  readonly load: 'password-sign-in' | 'token-refresh' | 'get-tokens-from-refresh-token' | 'get-user';
  /** Concurrent connections, each with one request in flight (default 10). */
  readonly connections: number;
  /** Distinct users (request bodies) the connections cycle through (default min(population, 100)). */
  readonly users?: number;
}

/** Defaults of optional scenario fields. */
export const SCENARIO_DEFAULTS = {
  populationCount: 100,
  usernamePrefix: 'cogcap-',
  usernamePattern: '{prefix}{run}-{index}',
  emailDomain: 'example.com',
  passwordLength: 20,
  seedRatePerSec: 20,
  maxInFlight: 1000,
  lateAfterMs: 10,
  driver: 'sdk',
  intervalMs: 1000,
  callTimeoutMs: 10_000,
  spacing: 'uniform' as Spacing,
  quotas: 'aws-default',
  latency: 'realistic',
  throttleStatus: 400,
} as const;
