import http from 'node:http';
import https from 'node:https';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { InputError } from '../../errors.js';
import type { Sample } from '../../metrics/sample.js';
import type { CallMeta, CallResult, Driver, ResolvedTarget } from '../flow.js';
import { buildSample } from './build-sample.js';
import { classifyThrown } from './classify-outcome.js';
import { monotonicClockUs } from './monotonic-clock.js';
import { SDK_COMMANDS } from './sdk-commands.js';

/** Options of the AWS SDK v3 driver. */
export interface SdkDriverOptions {
  readonly target: ResolvedTarget;
  /** Clock in µs since run start (default: monotonic from driver creation). */
  readonly nowUs?: () => number;
  /** Planned in-flight cap: the socket pool is sized above it (`maxSockets = inFlightCap + 64`). */
  readonly inFlightCap?: number;
  /** Socket pool size; default `max(256, inFlightCap + 64)` (the SDK's own default of 50 would queue calls). */
  readonly maxSockets?: number;
  /** No answer within this many ms → outcome `timeout` (default 10,000 ms). */
  readonly requestTimeoutMs?: number;
  /** TCP/TLS connect timeout, ms (default 5,000 ms). */
  readonly connectionTimeoutMs?: number;
  /** Receives every call's Sample (also returned in the CallResult). */
  readonly onSample?: (sample: Sample) => void;
  /**
   * Credentials override. Default: static dummy credentials for emulator targets (the emulator does not check
   * SigV4), the SDK's default provider chain for AWS.
   */
  readonly credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** Dummy credentials for emulator targets (signatures are not verified there). */
const EMULATOR_CREDENTIALS = { accessKeyId: 'cogcap-emulator', secretAccessKey: 'cogcap-emulator' };

const silentLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/**
 * The AWS SDK v3 driver (open model: one request per call, no retries: `maxAttempts: 1`; keep-alive sockets).
 * Outcomes are classified by error type; throttles and errors are results, never exceptions. Unknown operation
 * names throw {@link InputError} (a configuration fault, not a Cognito answer).
 */
export function createSdkDriver(options: SdkDriverOptions): Driver {
  const { target } = options;
  const nowUs = options.nowUs ?? monotonicClockUs();
  if (target.kind !== 'aws' && !target.endpoint) {
    throw new InputError(`target of kind ${target.kind} needs an endpoint URL for the sdk driver`);
  }
  const maxSockets = options.maxSockets ?? Math.max(256, (options.inFlightCap ?? 0) + 64);
  const agentOptions = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  const client = new CognitoIdentityProviderClient({
    region: target.region,
    maxAttempts: 1,
    // AWS targets: the regional endpoint, unless the target carries an override (a test stand-in).
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...(options.credentials
      ? { credentials: options.credentials }
      : target.kind !== 'aws'
        ? { credentials: EMULATOR_CREDENTIALS }
        : {}),
    logger: silentLogger,
    requestHandler: new NodeHttpHandler({
      httpAgent,
      httpsAgent,
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      connectionTimeout: options.connectionTimeoutMs ?? 5_000,
      throwOnRequestTimeout: true,
      logger: silentLogger,
    }),
  });

  return {
    name: 'sdk',
    model: 'open',
    async call(operation: string, input: Record<string, unknown>, meta: CallMeta): Promise<CallResult> {
      const Command = SDK_COMMANDS.get(operation);
      if (!Command) {
        throw new InputError(`unknown Cognito operation ${JSON.stringify(operation)} (the installed AWS SDK has no ${operation}Command)`);
      }
      const command = new Command(input);
      const sentUs = nowUs();
      let result: CallResult;
      try {
        const answer = (await client.send(command)) as unknown as Record<string, unknown>;
        const endUs = nowUs();
        const { $metadata: _metadata, ...output } = answer;
        result = { outcome: 'ok', output, sample: buildSample(operation, meta, sentUs, endUs, 'ok') };
      } catch (err) {
        const endUs = nowUs();
        const { outcome, errorType } = classifyThrown(err);
        result = { outcome, errorType, sample: buildSample(operation, meta, sentUs, endUs, outcome, errorType) };
      }
      options.onSample?.(result.sample);
      return result;
    },
    async close(): Promise<void> {
      client.destroy();
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
