import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';

const SCENARIO = `name: Peak sign-in
target:
  emulator:
    url: http://127.0.0.1:9229
population:
  count: 50
flows:
  - flow: srp-sign-in
phases:
  - type: constant
    rate: 100
    duration: 10s
`;

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(args, { stdout, stderr, cwd, env: {}, signal: new AbortController().signal });
  return { code, out, err };
}

describe('cogcap k8s', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cogcap-k8s-'));
    await writeFile(join(dir, 'peak.yaml'), SCENARIO);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('prints a ConfigMap and a 10-shard Indexed Job', async () => {
    const startAt = new Date(Date.now() + 600_000).toISOString();
    const { code, out, err } = await cli(
      ['k8s', 'peak.yaml', '--shards', '10', '--image', 'cogcap:test', '--start-at', startAt, '--seed', '7', '--namespace', 'load', '--i-understand-quotas-are-account-wide'],
      dir,
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const [configMap, job] = parseAllDocuments(out).map((d) => d.toJS()) as Record<string, any>[];
    expect(configMap!.data['scenario.yaml']).toBe(SCENARIO);
    expect(job!.spec).toMatchObject({ completionMode: 'Indexed', completions: 10, parallelism: 10 });
    const args = job!.spec.template.spec.containers[0].args as string[];
    expect(args.slice(0, 8)).toEqual(['run', '/etc/cogcap/scenario.yaml', '--shard', '$(JOB_COMPLETION_INDEX)/10', '--start-at', startAt, '--seed', '7']);
    expect(args).toContain('--i-understand-quotas-are-account-wide');
    expect(out).toContain('kubectl wait -n load --for=condition=complete');
  });

  it.each([
    [['--shards', '0'], 'invalid shard count'],
    [['--shards', '100'], 'cannot be split over 100 shards'],
    [['--shards', '2', '--start-at', '2020-01-01T00:00:00Z'], 'in the past'],
  ])('%j exits 2: %s', async (extra, message) => {
    const { code, err } = await cli(['k8s', 'peak.yaml', '--image', 'cogcap:test', ...extra], dir);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
