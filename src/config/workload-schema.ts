import { z } from 'zod';

/**
 * Schema of a workload file (YAML or JSON): a user base and its activity, from which `cogcap plan` forecasts
 * per-category demand. Unknown keys are errors. Shares are ratios in [0, 1]; units are in the field names.
 * Cross-field rules (exactly one peak shape, mix sums to 1, ...) live in workload-rules.ts.
 */

const share = z.number().min(0).max(1);
const nonNegative = z.number().min(0);
const positive = z.number().positive();

const hour = z.number().int().min(0).max(24);

/** The workload file schema (input form: defaults applied by normalisation). */
export const WorkloadFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference for editors'),
    name: z.string().min(1).describe('Workload name, shown in plans and drafts'),
    description: z.string().optional(),
    region: z.string().min(1).optional().describe('AWS Region the quotas apply to (default us-east-1)'),
    users: z.strictObject({
      monthlyActive: positive.describe('Monthly active users (MAU)'),
      dailyActiveShare: share.optional().describe('Share of MAU active on a day (give this or dailyActive)'),
      dailyActive: positive.optional().describe('Daily active users (give this or dailyActiveShare)'),
    }),
    peak: z
      .strictObject({
        peakToAverage: z.number().min(1).optional().describe('Peak req/s over the 24-hour average req/s'),
        peakHourShare: z.number().gt(0).max(1).optional().describe("Share of a day's calls in the busiest hour"),
        hourlyProfile: z.array(nonNegative).length(24).optional().describe('24 relative weights, hour 0 to 23 (UTC or local: only the shape matters)'),
        activeWindows: z
          .array(z.strictObject({ startHour: hour, endHour: hour }))
          .min(1)
          .optional()
          .describe('Hours when users are active; activity is spread evenly over them'),
        burstFactor: z.number().min(1).optional().describe('Peak second over the busiest-hour average (default 1)'),
      })
      .describe('Exactly one of peakToAverage, peakHourShare, hourlyProfile, activeWindows'),
    sessions: z
      .strictObject({
        perActiveUserPerDay: positive.optional().describe('Sessions per active user per day (default 1)'),
        lengthMin: positive.optional().describe('Average session length, minutes (default 30)'),
        accessTokenLifetimeMin: z.number().min(5).max(1440).optional().describe('Access-token lifetime, minutes (default 60; 5 to 1440)'),
        signInShare: share.optional().describe('Share of sessions starting with a full sign-in; the rest resume with a refresh (default 1)'),
        profileReadsPerSession: nonNegative.optional().describe('GetUser calls per session (default 0)'),
        attributeUpdatesPerSession: nonNegative.optional().describe('UpdateUserAttributes calls per session (default 0)'),
        signOutsPerSession: share.optional().describe('Sign-outs per session (default 0)'),
        signOutApi: z.enum(['RevokeToken', 'GlobalSignOut']).optional().describe('How the app signs out (default RevokeToken)'),
      })
      .optional(),
    signIn: z
      .strictObject({
        api: z.enum(['public', 'admin']).optional().describe('InitiateAuth (public) or AdminInitiateAuth (admin); default public'),
        mix: z
          .strictObject({ password: share.optional(), srp: share.optional(), customAuth: share.optional(), hostedUi: share.optional() })
          .optional()
          .describe('Shares of local sign-ins by method, summing to 1 (default srp: 1)'),
        customAuthRounds: z.number().int().min(1).optional().describe('Challenge answers per custom-auth sign-in (default 1)'),
        mfaShare: share.optional().describe('Share of local sign-ins answering one MFA challenge (default 0)'),
        newPasswordRequiredShare: share.optional().describe('Share of local sign-ins answering NEW_PASSWORD_REQUIRED (default 0)'),
        federatedShare: share.optional().describe('Share of all sign-ins through an external IdP (default 0)'),
        refreshApi: z.enum(['InitiateAuth', 'GetTokensFromRefreshToken', 'TokenEndpoint']).optional().describe('How tokens are refreshed (default InitiateAuth)'),
      })
      .optional(),
    signUps: z
      .strictObject({
        perDay: nonNegative.describe('New users per day'),
        api: z.enum(['public', 'admin']).optional().describe('SignUp (public) or AdminCreateUser (admin); default public'),
        confirmationsPerSignUp: nonNegative.optional().describe('ConfirmSignUp/AdminConfirmSignUp calls per sign-up (default 1 public, 0 admin)'),
        resendsPerSignUp: nonNegative.optional().describe('ResendConfirmationCode calls per sign-up (default 0)'),
      })
      .optional(),
    passwordResets: z.strictObject({ perDay: nonNegative.describe('ForgotPassword + ConfirmForgotPassword pairs per day') }).optional(),
    m2m: z
      .strictObject({
        clients: z.number().int().min(0).describe('Machine-to-machine app clients (service instances that each fetch tokens)'),
        tokenRequestsPerClientPerHour: positive.optional().describe('client_credentials grants per client per hour'),
        tokenLifetimeMin: z.number().min(5).max(1440).optional().describe('Access-token lifetime when clients cache tokens: 60 / lifetime grants per hour'),
        peakToAverage: z.number().min(1).optional().describe('Own peak-to-average ratio (default 1: flat)'),
        scalesWithUsers: z.boolean().optional().describe('Grow with the user base in the projection (default false)'),
      })
      .optional(),
    identityPool: z
      .strictObject({
        sessionShare: share.optional().describe('Share of sessions that exchange tokens for AWS credentials (default 1)'),
        flow: z.enum(['enhanced', 'basic', 'developer']).optional().describe('Authentication flow (default enhanced)'),
        credentialsLifetimeMin: z.number().min(15).max(720).optional().describe('Temporary credentials lifetime, minutes (default 60)'),
        getIdPerDay: nonNegative.optional().describe('GetId calls per day (default signUps.perDay × sessionShare: ids are cached)'),
      })
      .optional(),
    backOffice: z
      .strictObject({
        perDay: z.record(z.string(), nonNegative).describe('Calls per day by operation (cognito-identity:<Op> for identity pools)'),
        peakToAverage: z.number().min(1).optional().describe('Own peak-to-average ratio (default: the user peak)'),
        scalesWithUsers: z.boolean().optional().describe('Grow with the user base (default false)'),
      })
      .optional(),
    growth: z
      .strictObject({
        monthlyRate: z.number().min(-0.99).max(10).optional().describe('Monthly growth of user-driven demand, e.g. 0.08 = 8 % (default 0)'),
        horizonMonths: z.number().int().min(0).max(60).optional().describe('Months to project (default 12)'),
      })
      .optional(),
    headroom: z.number().min(0).max(10).optional().describe('Capacity above the forecast peak, e.g. 0.3 = 30 % (default 0.3)'),
    perUser: z
      .strictObject({
        peakReadsPerSec: nonNegative.optional().describe('Busiest single user: read-profile calls per second'),
        peakWritesPerSec: nonNegative.optional().describe('Busiest single user: write-profile calls per second'),
      })
      .optional(),
    pricing: z
      .strictObject({
        fullMonthPerRps: nonNegative.optional(),
        partMonthPerRps: nonNegative.optional(),
        currency: z.string().min(1).optional(),
      })
      .optional()
      .describe('Override of the provisioned-capacity prices'),
  })
  .describe('cognito-capacity workload: a user base and its activity, for cogcap plan');

/** A parsed workload file (before defaults). */
export type WorkloadFile = z.infer<typeof WorkloadFileSchema>;
