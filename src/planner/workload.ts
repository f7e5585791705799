/**
 * The planner's input: a normalised workload (every default applied, every alternative resolved). Produced from a
 * workload file by src/config/workload-normalize.ts; tests may build one directly. Shares are ratios in [0, 1];
 * rates and counts carry their unit in the name.
 */

/** How the busiest moment of the day relates to the daily average, and where that came from. */
export interface PeakShape {
  /**
   * Share of a day's user-driven calls that fall in the busiest hour (1/24 for flat traffic). Null when the
   * workload gave `peakToAverage` directly.
   */
  readonly busiestHourShare: number | null;
  /** Peak second over the busiest hour's average (intra-hour burstiness); 1 = smooth. */
  readonly burstFactor: number;
  /** Peak-to-average ratio given directly (peak req/s over the 24 h average req/s); null when derived. */
  readonly peakToAverage: number | null;
  /** Which workload field the shape came from, for the derivation text. */
  readonly source: 'peakToAverage' | 'peakHourShare' | 'hourlyProfile' | 'activeWindows' | 'flat';
}

/** Local (user-pool) sign-in method shares; they sum to 1. */
export interface SignInMix {
  /** USER_PASSWORD_AUTH: one InitiateAuth. */
  readonly password: number;
  /** USER_SRP_AUTH: InitiateAuth + one PASSWORD_VERIFIER challenge response. */
  readonly srp: number;
  /** CUSTOM_AUTH: InitiateAuth + `customAuthRounds` challenge responses. */
  readonly customAuth: number;
  /** Hosted UI / managed login: one UserAuthentication request per step, then an authorization-code redemption. */
  readonly hostedUi: number;
}

/** A normalised workload. */
export interface Workload {
  readonly name: string;
  readonly description?: string;
  /** AWS Region the quotas apply to (drafts and CLI commands name it). */
  readonly region: string;
  readonly monthlyActiveUsers: number;
  /** Daily active users (given, or monthlyActiveUsers × dailyActiveShare). */
  readonly dailyActiveUsers: number;
  /** The share it came from, when given as a share. */
  readonly dailyActiveShare: number | null;
  readonly peak: PeakShape;
  readonly sessions: {
    readonly perActiveUserPerDay: number;
    readonly lengthMin: number;
    readonly accessTokenLifetimeMin: number;
    /** Share of sessions that start with a full sign-in; the rest resume with one refresh. */
    readonly signInShare: number;
    readonly profileReadsPerSession: number;
    readonly attributeUpdatesPerSession: number;
    /** Sign-outs per session (0-1). */
    readonly signOutsPerSession: number;
    readonly signOutApi: 'RevokeToken' | 'GlobalSignOut';
  };
  readonly signIn: {
    readonly api: 'public' | 'admin';
    readonly mix: SignInMix;
    readonly customAuthRounds: number;
    /** Share of local sign-ins that answer one MFA challenge. */
    readonly mfaShare: number;
    /** Share of local sign-ins that answer NEW_PASSWORD_REQUIRED (→ UserAccountRecovery). */
    readonly newPasswordRequiredShare: number;
    /** Share of all sign-ins that arrive through an external IdP (UserFederation). */
    readonly federatedShare: number;
    readonly refreshApi: 'InitiateAuth' | 'GetTokensFromRefreshToken' | 'TokenEndpoint';
  };
  readonly signUps: {
    readonly perDay: number;
    readonly api: 'public' | 'admin';
    /** ConfirmSignUp (or AdminConfirmSignUp) calls per sign-up. */
    readonly confirmationsPerSignUp: number;
    /** ResendConfirmationCode calls per sign-up. */
    readonly resendsPerSignUp: number;
  };
  readonly passwordResets: { readonly perDay: number };
  /** Machine-to-machine client-credentials traffic, or null. Flat over the day unless `peakToAverage` > 1. */
  readonly m2m: {
    readonly clients: number;
    readonly tokenRequestsPerClientPerHour: number;
    readonly peakToAverage: number;
    readonly scalesWithUsers: boolean;
  } | null;
  /** Identity-pool use, or null. */
  readonly identityPool: {
    /** Share of sessions that exchange tokens for AWS credentials. */
    readonly sessionShare: number;
    readonly flow: 'enhanced' | 'basic' | 'developer';
    readonly credentialsLifetimeMin: number;
    /** GetId calls per day (new identities: the identity id is cached afterwards). */
    readonly getIdPerDay: number;
  } | null;
  /** Back-office calls per day by operation. */
  readonly backOffice: {
    readonly perDay: Readonly<Record<string, number>>;
    /** Own peak-to-average ratio, or null to follow the user peak shape. */
    readonly peakToAverage: number | null;
    readonly scalesWithUsers: boolean;
  };
  readonly growth: { readonly monthlyRate: number; readonly horizonMonths: number };
  /** Required capacity above the forecast peak, as a share (0.3 = 30 %). */
  readonly headroom: number;
  /** The app's own per-user bursts, checked against the 10/s per-user limits (null = not declared). */
  readonly perUser: { readonly peakReadsPerSec: number | null; readonly peakWritesPerSec: number | null };
  readonly pricing: PricingTable;
}

/** Provisioned-capacity prices (data, overridable in the workload). */
export interface PricingTable {
  /** USD per RPS above the free quota, for a full month. */
  readonly fullMonthPerRps: number;
  /** USD per RPS for part of a month. */
  readonly partMonthPerRps: number;
  readonly currency: string;
  /** Where the prices come from. */
  readonly source: string;
}
