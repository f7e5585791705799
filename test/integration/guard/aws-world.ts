import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminCreateUserCommand, CognitoIdentityProviderClient, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { RunningEmulator } from '../../../src/emulator/start-emulator.js';
import { POOL_ID, startTestEmulator } from '../load/emulator-world.js';

export { CLIENT_ID, CLIENT_SECRET, POOL_ID, SECRET_CLIENT_ID } from '../load/emulator-world.js';

/** Static test credentials: the SDK signs with them (SigV4); the emulator does not check signatures. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDCOGCAPTEST0001', secretAccessKey: 'cogcap-test-secret-access-key' };
/** A user that exists before any run and is in no journal: it must survive every cleanup. */
export const BYSTANDER = 'bystander-not-in-any-journal';

/** One request that reached the stand-in of the regional endpoint. */
export interface SeenCall {
  readonly operation: string;
  readonly authorization: string;
  readonly requestBody: string;
  readonly responseBody: string;
}

/** The emulator behind a recording proxy that stands in for https://cognito-idp.<region>.amazonaws.com/. */
export interface AwsStandIn {
  readonly url: string;
  readonly emulator: RunningEmulator;
  readonly calls: SeenCall[];
  /** Usernames in the pool (ListUsers through the SDK, signed). */
  listUsernames(): Promise<string[]>;
  /** Every password and token that crossed the wire (request and response bodies). */
  secretsSeen(): string[];
  close(): Promise<void>;
}

export async function startAwsStandIn(): Promise<AwsStandIn> {
  const emulator = await startTestEmulator();
  const upstream = new URL(emulator.url);
  const calls: SeenCall[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      const headers = { ...req.headers, host: upstream.host };
      const up = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
        (upRes) => {
          const out: Buffer[] = [];
          upRes.on('data', (c: Buffer) => out.push(c));
          upRes.on('end', () => {
            const responseBody = Buffer.concat(out);
            calls.push({
              operation: String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '',
              authorization: String(req.headers.authorization ?? ''),
              requestBody: requestBody.toString('utf8'),
              responseBody: responseBody.toString('utf8'),
            });
            res.writeHead(upRes.statusCode ?? 500, upRes.headers);
            res.end(responseBody);
          });
        },
      );
      up.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      up.end(requestBody);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const admin = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: emulator.url, credentials: TEST_CREDENTIALS });
  await admin.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: BYSTANDER, MessageAction: 'SUPPRESS' }));
  return {
    url,
    emulator,
    calls,
    async listUsernames() {
      const names: string[] = [];
      let token: string | undefined;
      do {
        const page = await admin.send(new ListUsersCommand({ UserPoolId: POOL_ID, Limit: 60, ...(token ? { PaginationToken: token } : {}) }));
        for (const u of page.Users ?? []) names.push(u.Username!);
        token = page.PaginationToken;
      } while (token);
      return names;
    },
    secretsSeen() {
      const found = new Set<string>();
      const keys = /"(Password|TemporaryPassword|ProposedPassword|PASSWORD|NEW_PASSWORD|AccessToken|IdToken|RefreshToken|REFRESH_TOKEN|SECRET_HASH|Session)"\s*:\s*"([^"]{6,})"/g;
      for (const c of calls) for (const body of [c.requestBody, c.responseBody]) for (const m of body.matchAll(keys)) found.add(m[2]!);
      return [...found];
    },
    async close() {
      admin.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await emulator.close();
    },
  };
}

/** Options of {@link writeAwsScenario}. */
export interface AwsScenarioOptions {
  readonly clientId: string;
  readonly clientSecretEnv?: string;
  readonly count: number;
  readonly seedRatePerSec: number;
  readonly flows?: readonly string[];
  readonly durationSec?: number;
  readonly ratePerSec?: number;
}

/** Writes an `aws:` scenario (the stand-in pool, password sign-ins) into a new temporary folder; returns its path. */
export function writeAwsScenario(o: AwsScenarioOptions): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cogcap-aws-'));
  const file = join(dir, 'aws.yaml');
  const flows = (o.flows ?? ['password-sign-in']).map((f) => `  - { flow: ${f}, weight: 1 }`).join('\n');
  writeFileSync(
    file,
    [
      'name: aws-stand-in',
      'target:',
      '  aws:',
      '    region: us-east-1',
      `    userPoolId: ${POOL_ID}`,
      `    clientId: ${o.clientId}`,
      ...(o.clientSecretEnv ? [`    clientSecretEnv: ${o.clientSecretEnv}`] : []),
      'population:',
      `  count: ${o.count}`,
      `  seedRate: ${o.seedRatePerSec}/s`,
      'flows:',
      flows,
      'phases:',
      `  - { type: constant, duration: ${o.durationSec ?? 2}s, rate: ${o.ratePerSec ?? 5} }`,
      'seed: 7',
      '',
    ].join('\n'),
  );
  return { dir, file };
}

/** Environment of a run against the stand-in: static credentials, the endpoint override, no shared config files. */
export function awsStandInEnv(standIn: AwsStandIn, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: standIn.url,
    // Safety net: if a mock were missing, these calls fail on loopback instead of leaving the machine.
    AWS_ENDPOINT_URL_SERVICE_QUOTAS: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_CLOUDWATCH: 'http://127.0.0.1:9',
    AWS_CONFIG_FILE: '/nonexistent/cogcap-test-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/cogcap-test-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extra,
  };
}
