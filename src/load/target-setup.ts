import { readFile } from 'node:fs/promises';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PasswordPolicy, Scenario } from '../config/scenario.js';
import { TargetError } from '../errors.js';
import { resolveClientSecret } from '../guard/client-secret.js';
import { awsCognitoEndpointOverride } from './aws-endpoint-override.js';
import type { ResultTarget } from '../metrics/run-result.js';
import type { ResolvedTarget } from './flow.js';

/** Region used for emulator targets (pool ids look like `us-east-1_...`). */
export const EMULATOR_REGION = 'us-east-1';

const EMULATOR_CREDENTIALS = { accessKeyId: 'cogcap-emulator', secretAccessKey: 'cogcap-emulator' };
const silentLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** A target ready for the run, and how to undo what the setup created. */
export interface PreparedTarget {
  readonly resolved: ResolvedTarget;
  /** The target as written into the result (no secrets). */
  readonly result: ResultTarget;
  /** True when the setup created the pool (its deletion then removes every test user too). */
  readonly createdPool: boolean;
  /** Deletes what the setup created (a pool on a running emulator); no-op otherwise. */
  teardown(): Promise<void>;
}

/** The pool's password policy: the generated passwords always satisfy it. */
function poolPasswordPolicy(p: PasswordPolicy): Record<string, unknown> {
  return {
    MinimumLength: Math.min(p.length, 99),
    RequireLowercase: p.requireLowercase,
    RequireUppercase: p.requireUppercase,
    RequireNumbers: p.requireNumbers,
    RequireSymbols: p.requireSymbols,
  };
}

/**
 * Resolves the scenario's target for the run. For the embedded emulator (`emulatorUrl` given) and for a running
 * emulator without ids, creates a pool (password policy from the population) and an app client (password, SRP,
 * refresh and admin auth flows; token revocation on) through the AWS SDK. For AWS, reads the client secret from
 * its environment variable or file (never the scenario text); credentials come from the SDK's standard provider chain.
 * Unreachable targets fail with {@link TargetError} (exit 3).
 */
export async function prepareTarget(
  scenario: Scenario,
  options: { readonly runId: string; readonly emulatorUrl?: string; readonly env: NodeJS.ProcessEnv },
): Promise<PreparedTarget> {
  const t = scenario.target;
  if (t.kind === 'aws') {
    const clientSecret = await resolveClientSecret(
      { ...(t.clientSecretEnv ? { clientSecretEnv: t.clientSecretEnv } : {}), ...(t.clientSecretFile ? { clientSecretFile: t.clientSecretFile } : {}) },
      { env: options.env, readFile: (p) => readFile(p, 'utf8') },
      { ...(scenario.file ? { file: scenario.file } : {}), path: 'target.aws' },
    );
    // A test stand-in of the regional endpoint (the SDK's AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER); see aws-endpoint-override.ts.
    const endpoint = awsCognitoEndpointOverride(options.env);
    return {
      resolved: {
        kind: 'aws',
        region: t.region,
        userPoolId: t.userPoolId,
        clientId: t.clientId,
        ...(endpoint ? { endpoint } : {}),
        ...(clientSecret ? { clientSecret } : {}),
      },
      result: { kind: 'aws', region: t.region, userPoolId: t.userPoolId, clientId: t.clientId },
      createdPool: false,
      teardown: async () => {},
    };
  }
  const endpoint = t.kind === 'emulator' ? t.url : options.emulatorUrl;
  if (!endpoint) throw new TargetError('the embedded emulator is not running');
  const base: ResultTarget =
    t.kind === 'embedded' ? { kind: 'embedded', url: endpoint, quotaProfile: t.quotas, latencyProfile: t.latency } : { kind: 'emulator', url: endpoint };
  if (t.kind === 'emulator' && t.userPoolId && t.clientId) {
    return {
      resolved: { kind: 'emulator', endpoint, region: regionOf(t.userPoolId), userPoolId: t.userPoolId, clientId: t.clientId },
      result: { ...base, userPoolId: t.userPoolId, clientId: t.clientId },
      createdPool: false,
      teardown: async () => {},
    };
  }
  const region = t.kind === 'emulator' && t.userPoolId ? regionOf(t.userPoolId) : EMULATOR_REGION;
  const client = new CognitoIdentityProviderClient({ region, endpoint, credentials: EMULATOR_CREDENTIALS, maxAttempts: 3, logger: silentLogger });
  try {
    let userPoolId = t.kind === 'emulator' ? t.userPoolId : undefined;
    let createdPool = false;
    if (!userPoolId) {
      const pool = await client.send(
        new CreateUserPoolCommand({
          PoolName: `cogcap-${options.runId}`,
          Policies: { PasswordPolicy: poolPasswordPolicy(scenario.population.password) },
          AutoVerifiedAttributes: ['email'],
        }),
      );
      userPoolId = pool.UserPool?.Id;
      if (!userPoolId) throw new TargetError(`the emulator at ${endpoint} did not return a pool id`);
      createdPool = true;
    }
    const appClient = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: `cogcap-${options.runId}`,
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'],
        EnableTokenRevocation: true,
      }),
    );
    const clientId = appClient.UserPoolClient?.ClientId;
    if (!clientId) throw new TargetError(`the emulator at ${endpoint} did not return a client id`);
    const poolId = userPoolId;
    return {
      resolved: { kind: t.kind, endpoint, region, userPoolId: poolId, clientId },
      result: { ...base, userPoolId: poolId, clientId },
      createdPool,
      teardown: async () => {
        try {
          if (createdPool && t.kind === 'emulator') await client.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
        } finally {
          client.destroy();
        }
      },
    };
  } catch (err) {
    client.destroy();
    if (err instanceof TargetError) throw err;
    throw new TargetError(`cannot set up a pool on the emulator at ${endpoint}: ${(err as Error).name}: ${(err as Error).message}`);
  }
}

function regionOf(userPoolId: string): string {
  return userPoolId.split('_')[0] || EMULATOR_REGION;
}
