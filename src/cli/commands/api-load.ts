import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand } from '../command.js';
import { parseDurationMs } from '../../config/duration.js';
import { InputError } from '../../errors.js';
import { runApiLoad, type ApiLoadOptions, type ApiLoadResult } from '../../load/api-load/api-load.js';
import { buildEmulatorTokenPool, readTokenFile, type TokenPool } from '../../load/api-load/token-pool.js';

/** Arguments of `cogcap api-load`. */
export interface ApiLoadArgs {
  url: string;
  method: string;
  body?: string;
  header?: string[];
  tokensFile?: string;
  emulator?: string;
  users: number;
  tokenUse: string;
  connections: number;
  duration: string;
  amount?: number;
  rate?: number;
  timeout: string;
  out?: string;
  json: boolean;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;

const ms = (us: number): string => `${(us / 1000).toFixed(us < 10_000 ? 2 : 1)} ms`;
const pct = (n: number, d: number): string => (d > 0 ? `${((100 * n) / d).toFixed(1)}%` : '0%');

/** The human summary of an API load (no token in it). */
export function formatApiLoad(url: string, r: ApiLoadResult): string {
  const lines = [
    `api load ${url}: ${r.requests} requests in ${(r.durationMs / 1000).toFixed(1)} s (${r.ratePerSec.toFixed(1)}/s, ${r.model}), ${r.tokens} tokens`,
    `  2xx ${r.ok} (${pct(r.ok, r.requests)})  401 ${r.unauthorized} (${pct(r.unauthorized, r.requests)})  403 ${r.forbidden} (${pct(r.forbidden, r.requests)})  429 ${r.throttled} (${pct(r.throttled, r.requests)})  other ${r.otherErrors}  timeouts ${r.timeouts}  network ${r.networkErrors}`,
    `  latency p50 ${ms(r.latency.p50Us)}  p90 ${ms(r.latency.p90Us)}  p99 ${ms(r.latency.p99Us)}  max ${ms(r.latency.maxUs)}`,
    `  by status: ${Object.entries(r.statusCounts).map(([s, n]) => `${s}=${n}`).join(' ') || '-'}`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `cogcap api-load`: drives the team's own HTTP API with real user-pool tokens (`Authorization: Bearer`, rotated over
 * a token pool) at high rates with autocannon, and reports the answers by status (2xx, 401, 403, 429) with latency.
 * Token pool: `--emulator <url>` (creates a pool and `--users` signed-in users on a cogcap emulator, deleted after)
 * or `--tokens-file` (one token per line, e.g. tokens of AWS users). Exit 0 when every request got an answer
 * (any status), 1 when some got none (timeouts, connection errors), 2 on bad options, 3 when the emulator fails.
 */
export const apiLoadCommand: CliCommand<ApiLoadArgs> = {
  command: 'api-load',
  describe: 'Load your own protected HTTP API with real pool tokens (Bearer), counting 2xx/401/403/429 and latency',
  builder: (y: Argv) =>
    y
      .option('url', { type: 'string', demandOption: true, describe: 'API endpoint, e.g. https://api.example.com/orders' })
      .option('method', { type: 'string', default: 'GET', describe: `HTTP method (${METHODS.join(', ')})` })
      .option('body', { type: 'string', describe: 'Request body (sent as is; content-type application/json unless --header sets one)' })
      .option('header', { type: 'string', array: true, describe: 'Extra header "name: value" (repeatable; never authorization)' })
      .option('tokens-file', { type: 'string', describe: 'Token pool: a file with one token per line' })
      .option('emulator', { type: 'string', describe: 'Token pool: a cogcap emulator URL (a pool and --users users are created, deleted after)' })
      .option('users', { type: 'number', default: 20, describe: 'Users (tokens) to create with --emulator' })
      .option('token-use', { type: 'string', default: 'access', describe: 'Tokens to send with --emulator: access or id' })
      .option('connections', { type: 'number', default: 10, describe: 'Concurrent connections (closed loop)' })
      .option('duration', { type: 'string', default: '10s', describe: 'Run length, e.g. 30s' })
      .option('amount', { type: 'number', describe: 'Total requests instead of a duration' })
      .option('rate', { type: 'number', describe: 'Cap on the overall request rate, requests/s (default: as fast as the API answers)' })
      .option('timeout', { type: 'string', default: '10s', describe: 'Per-request timeout' })
      .option('out', { type: 'string', describe: 'Also write the result as JSON to this file' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the result as JSON instead of the summary' }),
  examples: [
    ['cogcap api-load --url http://127.0.0.1:8080/orders --emulator http://127.0.0.1:9229 --users 50 --connections 20 --duration 30s', 'tokens from 50 emulator users'],
    ['cogcap api-load --url https://api.example.com/orders --tokens-file tokens.txt --rate 500 --duration 1m --out api.json', 'tokens of AWS users, capped at 500 requests/s'],
  ],
  async run(args, io) {
    const problems: InputError['problems'][number][] = [];
    let url: URL | undefined;
    try {
      url = new URL(args.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push({ path: '--url', message: 'expected an http or https URL' });
    } catch {
      problems.push({ path: '--url', message: `expected a URL, got ${args.url}` });
    }
    const method = args.method.toUpperCase();
    if (!(METHODS as readonly string[]).includes(method)) problems.push({ path: '--method', message: `expected one of ${METHODS.join(', ')}` });
    if ((args.tokensFile === undefined) === (args.emulator === undefined)) {
      problems.push({ path: '--tokens-file', message: 'expected exactly one token source: --tokens-file or --emulator' });
    }
    if (args.tokenUse !== 'access' && args.tokenUse !== 'id') problems.push({ path: '--token-use', message: 'expected access or id' });
    if (!Number.isInteger(args.connections) || args.connections < 1 || args.connections > 10_000) problems.push({ path: '--connections', message: 'expected an integer 1-10000' });
    if (!Number.isInteger(args.users) || args.users < 1 || args.users > 10_000) problems.push({ path: '--users', message: 'expected an integer 1-10000' });
    if (args.amount !== undefined && !(Number.isInteger(args.amount) && args.amount > 0)) problems.push({ path: '--amount', message: 'expected an integer > 0' });
    if (args.rate !== undefined && !(Number.isFinite(args.rate) && args.rate > 0)) problems.push({ path: '--rate', message: 'expected requests/s > 0' });
    const durationMs = parseDurationMs(args.duration);
    if (durationMs === undefined || durationMs < 1000) problems.push({ path: '--duration', message: 'expected a duration of at least 1s, e.g. 30s' });
    const timeoutMs = parseDurationMs(args.timeout);
    if (timeoutMs === undefined || timeoutMs < 1000) problems.push({ path: '--timeout', message: 'expected a duration of at least 1s' });
    const headers: Record<string, string> = {};
    for (const h of args.header ?? []) {
      const i = h.indexOf(':');
      if (i <= 0) problems.push({ path: '--header', message: `expected "name: value", got ${h}` });
      else if (h.slice(0, i).trim().toLowerCase() === 'authorization') problems.push({ path: '--header', message: 'the authorization header comes from the token pool' });
      else headers[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim();
    }
    if (problems.length > 0) throw new InputError('invalid api-load options', problems);

    let pool: TokenPool | undefined;
    try {
      pool = args.tokensFile
        ? await readTokenFile(resolve(io.cwd, args.tokensFile))
        : await buildEmulatorTokenPool({ endpoint: args.emulator!, users: args.users, tokenUse: args.tokenUse as 'access' | 'id' });
      io.stderr.write(`token pool: ${pool.tokens.length} tokens${pool.userPoolId ? ` (emulator pool ${pool.userPoolId})` : ''}\n`);
      const options: ApiLoadOptions = {
        url: url!.toString(),
        method: method as ApiLoadOptions['method'],
        ...(args.body !== undefined ? { body: args.body } : {}),
        headers,
        tokens: pool.tokens,
        connections: args.connections,
        ...(args.amount !== undefined ? { amount: args.amount } : { durationSec: Math.round(durationMs! / 1000) }),
        ...(args.rate !== undefined ? { ratePerSec: args.rate } : {}),
        timeoutSec: Math.round(timeoutMs! / 1000),
        signal: io.signal,
      };
      const result = await runApiLoad(options);
      const doc = { url: `${url!.origin}${url!.pathname}`, method, ...result };
      if (args.out) {
        const file = resolve(io.cwd, args.out);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
      }
      io.stdout.write(args.json ? `${JSON.stringify(doc, null, 2)}\n` : formatApiLoad(doc.url, result));
      return result.timeouts + result.networkErrors > 0 ? 1 : 0;
    } finally {
      await pool?.cleanup();
    }
  },
};
