import { z } from 'zod';
import { DURATION_PATTERN } from './duration.js';
import { RATE_PATTERN } from './rate.js';

/**
 * The scenario file format (YAML or JSON) as zod v4 schemas: the single definition behind validation and the
 * JSON Schema in schemas/scenario.schema.json. Unknown keys are errors everywhere except inside a custom flow step
 * (its extra keys are the step's parameters). Normalisation (defaults resolved, units converted) is in
 * normalize-scenario.ts; cross-field rules in scenario-rules.ts.
 */

/** A duration string such as `30s`, `2m`, `500ms`, `1m30s`. */
export const durationSchema = z
  .string({ error: (iss) => (iss.input === undefined ? 'missing required duration, e.g. "30s"' : 'expected a duration string such as "30s", "2m" or "500ms"') })
  .regex(new RegExp(DURATION_PATTERN), { error: 'expected a duration such as "30s", "2m" or "500ms" (unit required)' })
  .meta({ description: 'Duration: one or more <number><unit> parts, unit ms, s, m or h (e.g. "30s", "1m30s").' });

/** A rate: a number of arrivals per second, or a string with a unit (`20/s`, `1200/m`). */
export const rateSchema = z
  .union(
    [
      z.number().nonnegative({ error: 'expected a rate >= 0 (arrivals per second)' }),
      z.string().regex(new RegExp(RATE_PATTERN), { error: 'expected a rate such as 20, "20/s" or "1200/m"' }),
    ],
    {
      error: (iss) =>
        iss.input === undefined
          ? 'missing required rate, e.g. 20 or "20/s"'
          : 'expected a rate: a number per second, or a string such as "20/s" or "1200/m"',
    },
  )
  .meta({ description: 'Rate: a number (per second) or a string with a unit: "20/s", "1200/m", "3600/h".' });

const spacingSchema = z
  .enum(['uniform', 'poisson'], { error: 'expected "uniform" or "poisson"' })
  .meta({ description: 'Arrival spacing: evenly spaced (uniform) or a seeded Poisson process (poisson).' });

const embeddedTargetSchema = z.strictObject({
  quotas: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Quota profile: "aws-default" (default), "unlimited", or a path to a quota profile file.' }),
  latency: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Latency profile: "realistic" (default), "zero", or a path to a latency profile file.' }),
  throttleStatus: z
    .number()
    .int()
    .min(400)
    .max(599)
    .optional()
    .meta({ description: 'HTTP status of throttled answers (default 400, as Cognito sends).' }),
});

const emulatorTargetSchema = z.strictObject({
  url: z.url({ error: 'expected an http(s) URL such as "http://127.0.0.1:9229"' }),
  userPoolId: z.string().min(1).optional().meta({ description: 'Existing pool; created for the run when omitted.' }),
  clientId: z.string().min(1).optional().meta({ description: 'Existing app client; created when omitted.' }),
});

const awsTargetSchema = z.strictObject({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { error: 'expected an AWS Region such as "eu-west-1"' }),
  userPoolId: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/, { error: 'expected a user pool id such as "eu-west-1_Ab12Cd34E"' }),
  clientId: z.string().min(1),
  clientSecretEnv: z.string().min(1).optional().meta({ description: 'Environment variable holding the app client secret.' }),
  clientSecretFile: z.string().min(1).optional().meta({ description: 'File holding the app client secret.' }),
  acknowledgeAccountWideQuotas: z
    .boolean()
    .optional()
    .meta({ description: 'Must be true to load a real pool: Cognito quotas are shared by every pool in the account and Region.' }),
});

/** Where the run sends its calls: exactly one of `embedded` (default), `emulator` or `aws`. */
export const targetSchema = z
  .strictObject({
    embedded: embeddedTargetSchema.optional().meta({ description: 'Start an emulator inside the run (default).' }),
    emulator: emulatorTargetSchema.optional().meta({ description: 'A running cogcap emulator.' }),
    aws: awsTargetSchema.optional().meta({ description: 'A real Amazon Cognito user pool.' }),
  })
  .superRefine((t, ctx) => {
    const kinds = (['embedded', 'emulator', 'aws'] as const).filter((k) => t[k] !== undefined);
    if (kinds.length > 1) ctx.addIssue({ code: 'custom', message: `expected exactly one of embedded, emulator, aws; found ${kinds.join(', ')}` });
  })
  .meta({ description: 'Target: exactly one of embedded, emulator, aws.' });

const passwordSchema = z.strictObject({
  length: z.number().int().min(8).max(256).optional().meta({ description: 'Generated password length (default 20).' }),
  requireLowercase: z.boolean().optional(),
  requireUppercase: z.boolean().optional(),
  requireNumbers: z.boolean().optional(),
  requireSymbols: z.boolean().optional(),
});

/** The test users: generated (count, naming, password policy, seeding pace) or read from a file. */
export const populationSchema = z.strictObject({
  count: z.number().int().min(0).max(10_000_000).optional().meta({ description: 'Users to seed (default 100).' }),
  usernamePrefix: z
    .string()
    .regex(/^[\w.+@-]*$/, { error: 'expected letters, digits and _ . + @ -' })
    .max(64)
    .optional()
    .meta({ description: 'Prefix of generated usernames (default "cogcap-"); a run-unique part follows.' }),
  usernamePattern: z
    .string()
    .includes('{index}', { error: 'expected a pattern containing {index}, e.g. "{prefix}{run}-{index}"' })
    .optional()
    .meta({ description: 'Username pattern with {prefix}, {run} and {index} placeholders (default "{prefix}{run}-{index}").' }),
  emailDomain: z.string().min(1).optional().meta({ description: 'Domain of generated e-mail addresses (default "example.com").' }),
  password: passwordSchema.optional().meta({ description: 'Policy of generated passwords (never written anywhere).' }),
  seedRate: rateSchema.optional().meta({ description: 'Seeding pace (default 20/s, under the UserCreation quota of 50/s).' }),
  fromFile: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Existing users from a file (CSV username,password or JSON lines) instead of seeding.' }),
  cleanup: z.boolean().optional().meta({ description: 'Delete seeded users after the run (default true).' }),
}).superRefine((p, ctx) => {
  if (p.fromFile !== undefined && p.count !== undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected either count (generated users) or fromFile (existing users), not both' });
  }
});

const stepSchema = z
  .looseObject({
    step: z.string().min(1).meta({ description: 'Step name from the step vocabulary, e.g. "signInPassword".' }),
    thinkTime: durationSchema.optional().meta({ description: 'Pause before this step.' }),
  })
  .meta({ description: 'One step of a custom flow; other keys are the step parameters.' });

/** One entry of the traffic mix: a built-in flow (`flow`) or a custom flow (`name` + `steps`). */
export const flowMixSchema = z
  .strictObject({
    flow: z.string().min(1).optional().meta({ description: 'Name of a built-in or registered flow.' }),
    name: z.string().min(1).optional().meta({ description: 'Name of a custom flow (with steps), or a label.' }),
    weight: z.number().positive({ error: 'expected a weight > 0' }).optional().meta({ description: 'Relative weight (default 1).' }),
    steps: z.array(stepSchema).min(1).optional().meta({ description: 'Steps of a custom flow.' }),
  })
  .superRefine((f, ctx) => {
    if (f.flow !== undefined && f.steps !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected either flow (a built-in flow) or steps (a custom flow), not both' });
    } else if (f.flow === undefined && f.steps === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected flow (a built-in flow name) or name + steps (a custom flow)' });
    } else if (f.steps !== undefined && f.name === undefined) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'expected a name for the custom flow' });
    }
  })
  .meta({ description: 'A built-in flow { flow, weight } or a custom flow { name, weight, steps }.' });

const phaseCommon = {
  name: z.string().min(1).optional(),
  duration: durationSchema,
  spacing: spacingSchema.optional(),
};

/** Load phases, one after another. */
export const phaseSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('constant'), ...phaseCommon, rate: rateSchema }).meta({ description: 'Constant arrival rate.' }),
    z
      .strictObject({ type: z.literal('ramp'), ...phaseCommon, from: rateSchema, to: rateSchema })
      .meta({ description: 'Linear ramp of the arrival rate from `from` to `to`.' }),
    z
      .strictObject({
        type: z.literal('spike'),
        ...phaseCommon,
        rate: rateSchema.meta({ description: 'Peak rate.' }),
        baseRate: rateSchema.optional().meta({ description: 'Rate before and after the peak (default 0).' }),
        rise: durationSchema.optional().meta({ description: 'Time to rise to the peak and to fall back (default 0s).' }),
      })
      .meta({ description: 'Spike: base → peak over `rise`, hold, peak → base over `rise`, all within `duration`.' }),
    z
      .strictObject({ type: z.literal('pause'), name: phaseCommon.name, duration: durationSchema })
      .meta({ description: 'No arrivals.' }),
  ],
  { error: 'expected a phase with type "constant", "ramp", "spike" or "pause"' },
);

const thresholdObjectSchema = z.strictObject({
  threshold: z.string().min(1).meta({ description: 'Threshold expression, e.g. "category:UserAuthentication p99 < 250ms".' }),
  abortOnFail: z.boolean().optional().meta({ description: 'Stop the run as soon as the threshold fails.' }),
  delayAbortEval: durationSchema.optional().meta({ description: 'Grace time before abortOnFail is evaluated.' }),
});

/** A threshold: an expression string, or an object with abort options. */
export const thresholdSchema = z.union([z.string().min(1), thresholdObjectSchema], {
  error: 'expected a threshold string such as "category:UserAuthentication p99 < 250ms" or { threshold, abortOnFail?, delayAbortEval? }',
});

const secretClientSchema = z.strictObject({
  clientId: z.string().min(1),
  clientSecretEnv: z.string().min(1).optional().meta({ description: 'Environment variable holding the client secret (never written anywhere).' }),
});

/**
 * Settings of the OAuth, federation and identity-pool flows (`client-credentials`, `hosted-ui-sign-in`,
 * `federated-sign-in`, `identity-pool-exchange`). Required for AWS targets; on emulator targets the run creates
 * the fixtures itself when this section is absent.
 */
export const oauthSchema = z
  .strictObject({
    domain: z
      .url({ error: 'expected the pool domain URL, e.g. "https://myapp.auth.eu-west-1.amazoncognito.com"' })
      .optional()
      .meta({ description: 'OAuth base URL: the user pool domain (default: the emulator URL).' }),
    m2m: secretClientSchema
      .extend({ scope: z.string().min(1).optional().meta({ description: 'Space-separated custom scopes (default: all the client may use).' }) })
      .optional()
      .meta({ description: 'Machine-to-machine client (client_credentials) of flow client-credentials.' }),
    web: secretClientSchema
      .optional()
      .meta({ description: 'App client with the code flow for hosted-ui-sign-in and federated-sign-in (default: the target client).' }),
    redirectUri: z.url().optional().meta({ description: 'Registered callback URL of the web client (never fetched).' }),
    identityProvider: z.string().min(1).optional().meta({ description: 'Identity provider name in the pool (federated-sign-in).' }),
    identityPoolId: z
      .string()
      .regex(/^[\w-]+:[0-9a-f-]+$/, { error: 'expected an identity pool id such as "eu-west-1:0f2c...-..."' })
      .optional()
      .meta({ description: 'Identity pool trusting the target client (identity-pool-exchange).' }),
  })
  .meta({ description: 'OAuth, federation and identity-pool flow settings (AWS targets; emulator targets get fixtures).' });

/** The closed-loop load of `driver: autocannon`. */
export const autocannonSchema = z
  .strictObject({
    load: z
      .enum(['password-sign-in', 'token-refresh', 'get-tokens-from-refresh-token', 'get-user'])
      .meta({
        description:
          'What every request is: password-sign-in (InitiateAuth USER_PASSWORD_AUTH), token-refresh (InitiateAuth REFRESH_TOKEN_AUTH), ' +
          'get-tokens-from-refresh-token, or get-user (GetUser with an access token). Users are signed in first when tokens are needed.',
      }),
    connections: z.number().int().min(1).max(1000).optional().meta({ description: 'Concurrent connections, each with one request in flight (default 10).' }),
    users: z.number().int().min(1).max(10_000).optional().meta({ description: 'Distinct users the requests cycle through (default min(population, 100)).' }),
  })
  .meta({
    description:
      'Closed-loop load (driver: autocannon, emulator targets only): one unsigned operation as fast as the connections allow, ' +
      'for the total duration of the phases (their rates are ignored). Leave flows out.',
  });

/** A whole scenario file. */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'JSON Schema reference for editors (ignored).' }),
    name: z.string().min(1).max(200),
    description: z.string().optional(),
    tags: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .meta({ description: 'Free-form labels copied into the result, e.g. { team: identity, env: staging }.' }),
    target: targetSchema.optional(),
    population: populationSchema.optional(),
    oauth: oauthSchema.optional(),
    flows: z
      .array(flowMixSchema)
      .min(1, { error: 'expected at least one flow' })
      .optional()
      .meta({ description: 'The flow mix (required, except with driver: autocannon).' }),
    phases: z.array(phaseSchema).min(1, { error: 'expected at least one phase' }),
    spacing: spacingSchema.optional().meta({ description: 'Default spacing of every phase (default "uniform").' }),
    maxInFlight: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: 'Flows running at once; an arrival beyond it is dropped and counted (default 1000).' }),
    lateAfter: durationSchema.optional().meta({ description: 'A start later than this is counted late (default "10ms").' }),
    thresholds: z.array(thresholdSchema).optional(),
    driver: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'Driver: "sdk" (default, AWS SDK v3), "raw" (unsigned operations over node:http), or "autocannon" (the closed-loop load of the autocannon section).' }),
    autocannon: autocannonSchema.optional(),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional().meta({ description: 'Random seed (default: chosen per run and recorded).' }),
    intervalMs: z
      .number()
      .int()
      .min(100)
      .max(60_000)
      .optional()
      .meta({ description: 'Interval of the per-interval series, ms (default 1000).' }),
    callTimeout: durationSchema.optional().meta({ description: 'Timeout of one call (default "10s").' }),
  })
  .meta({ title: 'cognito-capacity scenario', description: 'A capacity-test scenario for Amazon Cognito user pools.' });

/** A scenario file as written (before normalisation). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario after schema validation (units still unparsed). */
export type ScenarioParsed = z.output<typeof scenarioSchema>;
