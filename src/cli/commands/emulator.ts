import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand } from '../command.js';
import { InputError } from '../../errors.js';
import { readBootstrapFile } from '../../emulator/bootstrap.js';
import { extensionOptionsFor } from '../../emulator/extension-options.js';
import { startEmulatorWithExtensions } from '../../emulator/oauth/start-emulator-with-extensions.js';
import { limitsAppOptions, limitsFromSpec } from '../../emulator/limits-app-options.js';

/** Arguments of `cogcap emulator`. */
export interface EmulatorArgs {
  port: number;
  host: string;
  region: string;
  state?: string;
  bootstrap?: string;
  fixedCode?: string;
  quotas: string;
  latency: string;
  throttleStatus: number;
  burstSec?: number;
}

/**
 * `cogcap emulator`: serves the Cognito user-pool emulator until SIGINT/SIGTERM. Prints one line with its URL on
 * stdout when ready (bootstrap ids go to stderr); saves `--state` on the way out.
 */
export const emulatorCommand: CliCommand<EmulatorArgs> = {
  command: 'emulator',
  describe: 'Run the Cognito emulator (user pools and identity pools on POST /, OAuth endpoints, JWKS, test IdP, /_cogcap/codes)',
  builder: (y: Argv) =>
    y
      .option('port', { type: 'number', default: 9229, describe: 'TCP port (0 picks a free one)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'Interface to bind' })
      .option('region', { type: 'string', default: 'us-east-1', describe: 'Region of new pool ids and token issuers' })
      .option('state', { type: 'string', describe: 'State file: loaded at start if present, saved atomically on exit' })
      .option('bootstrap', { type: 'string', describe: 'YAML/JSON file of pools, clients, groups and users to create at start' })
      .option('fixed-code', { type: 'string', describe: 'Use this confirmation/reset code instead of random 6-digit codes' })
      .option('quotas', { type: 'string', default: 'aws-default', describe: 'Request-rate quotas: aws-default, unlimited, or a JSON/YAML profile file' })
      .option('latency', { type: 'string', default: 'zero', describe: 'Service and Lambda-trigger latency: zero, realistic, or a JSON/YAML profile file' })
      .option('throttle-status', { type: 'number', default: 400, describe: 'HTTP status of TooManyRequestsException (400 as observed on the wire; the model says 429)' })
      .option('burst-sec', { type: 'number', describe: 'Token-bucket burst allowance in seconds of rate (default 1)' }),
  examples: [
    ['cogcap emulator', 'serve on http://127.0.0.1:9229'],
    ['cogcap emulator --port 0 --bootstrap pools.yaml --fixed-code 123456', 'free port, pre-created pools, predictable codes'],
    ['cogcap emulator --quotas quotas.yaml --latency realistic', 'custom quotas, realistic latency; usage at GET /_cogcap/metrics'],
  ],
  async run(args, io) {
    const problems = [];
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
      problems.push({ path: '--port', message: `expected an integer 0-65535, got ${String(args.port)}` });
    }
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(args.region)) {
      problems.push({ path: '--region', message: `expected a region such as us-east-1, got ${args.region}` });
    }
    if (args.fixedCode !== undefined && !/^\S{1,2048}$/.test(args.fixedCode)) {
      problems.push({ path: '--fixed-code', message: 'expected a non-empty code without spaces' });
    }
    if (!Number.isInteger(args.throttleStatus) || args.throttleStatus < 400 || args.throttleStatus > 599) {
      problems.push({ path: '--throttle-status', message: `expected an HTTP error status 400-599, got ${String(args.throttleStatus)}` });
    }
    if (args.burstSec !== undefined && !(Number.isFinite(args.burstSec) && args.burstSec > 0)) {
      problems.push({ path: '--burst-sec', message: `expected seconds > 0, got ${String(args.burstSec)}` });
    }
    if (problems.length > 0) throw new InputError('invalid emulator options', problems);
    const limits = await limitsFromSpec(
      {
        quotas: args.quotas,
        latency: args.latency,
        throttleStatus: args.throttleStatus,
        ...(args.burstSec !== undefined ? { burstSec: args.burstSec } : {}),
      },
      { now: Date.now, read: (file) => readFile(resolve(io.cwd, file), 'utf8') },
    );
    const bootstrap = args.bootstrap ? await readBootstrapFile(resolve(io.cwd, args.bootstrap)) : undefined;
    let emu;
    try {
      emu = await startEmulatorWithExtensions({
        port: args.port,
        host: args.host,
        region: args.region,
        stateFile: args.state ? resolve(io.cwd, args.state) : undefined,
        bootstrap,
        codeMode: args.fixedCode !== undefined ? { kind: 'fixed', code: args.fixedCode } : { kind: 'random' },
        ...limitsAppOptions(limits),
        extensions: extensionOptionsFor(args),
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
        throw new InputError(`cannot listen on ${args.host}:${args.port} (${code})`, [], 'Pick another --port, or --port 0 for a free one.');
      }
      throw e;
    }
    for (const p of emu.bootstrapped.pools) {
      io.stderr.write(`pool ${p.id} (${p.name}): clients ${p.clientIds.join(', ') || '-'}; ${p.users} users\n`);
    }
    io.stdout.write(`cogcap emulator listening on ${emu.url}\n`);
    await new Promise<void>((done) => {
      if (io.signal.aborted) done();
      else io.signal.addEventListener('abort', () => done(), { once: true });
    });
    await emu.close();
    if (args.state) io.stderr.write(`state saved to ${args.state}\n`);
    return 0;
  },
};
