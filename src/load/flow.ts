import type { QuotaCategory } from '../cognito/categories.js';
import type { Outcome, Sample } from '../metrics/sample.js';

/**
 * Contracts between the executor (schedule, in-flight cap, recording) and the user journeys it starts (flows),
 * and between flows and the transport (drivers). Metrics flow one way: driver → Sample → recorder.
 */

/** Where a run sends its calls, resolved from the scenario's target (secrets held in memory only). */
export interface ResolvedTarget {
  readonly kind: 'embedded' | 'emulator' | 'aws';
  /** Endpoint URL for emulator targets; for AWS undefined (the regional endpoint) unless overridden for testing (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER). */
  readonly endpoint?: string;
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  /** App client secret, when the client has one (never printed or written). */
  readonly clientSecret?: string;
}

/** Metadata a flow passes with each call. */
export interface CallMeta {
  /** Flow the call belongs to. */
  readonly flow: string;
  /** When the call was meant to start, µs since run start (arrival time, or previous step end + think time). */
  readonly intendedStartUs: number;
  /** Override of the catalogue category (e.g. NEW_PASSWORD_REQUIRED answers → UserAccountRecovery). */
  readonly category?: QuotaCategory;
}

/** What a driver returns for one call: the classified outcome, the parsed answer, and the sample it recorded. */
export interface CallResult {
  readonly outcome: Outcome;
  /** Error type for non-ok outcomes (`__type`, or `Timeout` / `NetworkError`). */
  readonly errorType?: string;
  /** Parsed response body on success (e.g. `AuthenticationResult`), undefined on error. */
  readonly output?: Record<string, unknown>;
  readonly sample: Sample;
}

/**
 * Sends Cognito operations. Open-model drivers send one call per request with no retries (`maxAttempts: 1`);
 * throttles and errors are outcomes, never exceptions. Drivers report every call as a Sample to `onSample`.
 */
export interface Driver {
  /** Registry name, e.g. `sdk` or `raw`. */
  readonly name: string;
  readonly model: 'open' | 'closed';
  call(operation: string, input: Record<string, unknown>, meta: CallMeta): Promise<CallResult>;
  close(): Promise<void>;
}

/** A test user of the population (password held in memory only, never printed). */
export interface TestUser {
  readonly username: string;
  readonly password: string;
  readonly email?: string;
}

/** Live tokens of a signed-in user, as an app caches them. */
export interface Session {
  readonly user: TestUser;
  readonly accessToken: string;
  readonly idToken: string;
  readonly refreshToken: string;
  /** Access-token expiry, µs since run start. */
  readonly expiresAtUs: number;
}

/** Sessions shared between flows: sign-ins add, refresh/profile/sign-out flows borrow. */
export interface SessionPool {
  add(session: Session): void;
  /** A live session (access token valid for at least `minValidUs` more), or undefined when none. */
  take(nowUs: number, rng: () => number, minValidUs?: number): Session | undefined;
  /** Returns a taken session (possibly with refreshed tokens). */
  put(session: Session): void;
  /** Forgets a session (signed out, revoked). */
  remove(session: Session): void;
  readonly size: number;
}

/** The population flows draw users from. */
export interface Population {
  /** A seeded, confirmed user chosen at random. */
  pick(rng: () => number): TestUser;
  /** A fresh, not yet registered identity for sign-up flows (recorded in the journal before it is used). */
  fresh(): Promise<TestUser>;
  readonly size: number;
}

/** Everything a flow may use for one arrival. */
export interface FlowContext {
  readonly flow: string;
  /** Intended start of this arrival, µs since run start. */
  readonly intendedStartUs: number;
  readonly driver: Driver;
  readonly target: ResolvedTarget;
  readonly population: Population;
  readonly sessions: SessionPool;
  /** Seeded random source in [0, 1). */
  readonly rng: () => number;
  /** Monotonic clock, µs since run start. */
  nowUs(): number;
  /** Resolves after `ms` (think time) or when the run is aborted. */
  sleep(ms: number): Promise<void>;
  readonly signal: AbortSignal;
  /** Emulator-only helpers (confirmation and reset codes); undefined against AWS. */
  readonly emulator?: { getCode(userPoolId: string, username: string, kind: 'signup' | 'forgot' | 'attribute'): Promise<string> };
}

/** A user journey: returns true when every step succeeded. */
export type FlowFn = (ctx: FlowContext) => Promise<boolean>;

/** A registered flow: its name, what it does, and its implementation (register code-defined flows by name). */
export interface FlowDefinition {
  readonly name: string;
  readonly describe: string;
  /** Quota categories the flow charges, for dry runs and the planner. */
  readonly categories: readonly QuotaCategory[];
  readonly run: FlowFn;
}
