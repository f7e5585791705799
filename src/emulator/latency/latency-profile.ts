import type { QuotaCategory } from '../../cognito/categories.js';
import { categoryOf } from '../../cognito/operations.js';
import { NO_LATENCY, type LatencyDistribution } from './latency-distribution.js';

/**
 * Service latency per operation: an operation's own entry, else its category's, else the default. The latency
 * layer adds a sample after the handler has answered (trigger time, spent inside the handler, adds on top).
 */
export interface LatencyProfile {
  readonly name: string;
  readonly default: LatencyDistribution;
  readonly categories: Readonly<Partial<Record<QuotaCategory, LatencyDistribution>>>;
  readonly operations: Readonly<Record<string, LatencyDistribution>>;
}

/**
 * The distribution that applies to `operation`; `category` overrides the catalogue's (the quota charge's category,
 * e.g. for NEW_PASSWORD_REQUIRED answers and the OAuth endpoints' pseudo-operations).
 */
export function latencyFor(profile: LatencyProfile, operation: string, category: QuotaCategory = categoryOf(operation)): LatencyDistribution {
  return profile.operations[operation] ?? profile.categories[category] ?? profile.default;
}

/** No added latency. */
export const ZERO_LATENCY: LatencyProfile = { name: 'zero', default: NO_LATENCY, categories: {}, operations: {} };

const ln = (medianMs: number, p99Ms: number): LatencyDistribution => ({ kind: 'lognormal', medianMs, p99Ms });

/**
 * A realistic profile. ESTIMATES, not measurements: order-of-magnitude figures consistent with public community
 * reports of Cognito user-pool API latency seen from a client in the same Region (tens of ms for profile reads,
 * ~100 ms for sign-in steps, a few hundred ms for calls that send an email or SMS or create resources), shaped as
 * log-normals with a p99 about 4x the median. Replace them with figures measured against a real pool
 * (`cogcap run` on a real target prints per-operation percentiles) through a `--latency` file.
 */
export const REALISTIC_LATENCY: LatencyProfile = {
  name: 'realistic',
  default: ln(60, 250),
  categories: {
    UserAuthentication: ln(90, 350),
    UserCreation: ln(150, 600),
    UserAccountRecovery: ln(150, 600),
    UserRead: ln(35, 150),
    UserUpdate: ln(60, 250),
    UserToken: ln(40, 180),
    UserResourceRead: ln(40, 180),
    UserResourceUpdate: ln(70, 300),
    UserList: ln(120, 500),
    UserPoolRead: ln(60, 250),
    UserPoolUpdate: ln(250, 1000),
    UserPoolResourceRead: ln(50, 200),
    UserPoolResourceUpdate: ln(100, 400),
    UserPoolClientRead: ln(50, 200),
    UserPoolClientUpdate: ln(120, 500),
    ClientAuthentication: ln(50, 200),
    LimitManagement: ln(80, 300),
  },
  operations: {
    InitiateAuth: ln(80, 320),
    RespondToAuthChallenge: ln(110, 420),
    AdminInitiateAuth: ln(90, 350),
    AdminRespondToAuthChallenge: ln(110, 420),
    GetTokensFromRefreshToken: ln(50, 200),
    SignUp: ln(200, 800),
    ForgotPassword: ln(200, 800),
    ResendConfirmationCode: ln(180, 700),
    GetUserAttributeVerificationCode: ln(180, 700),
    CreateUserPool: ln(400, 1500),
  },
};

/** Built-in latency profiles by name. */
export const BUILT_IN_LATENCY_PROFILES: Readonly<Record<string, LatencyProfile>> = { zero: ZERO_LATENCY, realistic: REALISTIC_LATENCY };
