import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';

const io = (cwd: string, signal: AbortSignal) => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = { text: '', err: '' };
  stdout.on('data', (c: Buffer) => (out.text += c.toString()));
  stderr.on('data', (c: Buffer) => (out.err += c.toString()));
  return { streams: { stdout, stderr, cwd, env: {}, signal }, out };
};

describe('cogcap emulator --quotas --throttle-status --latency', () => {
  it('enforces a quota profile file, answers throttles with the chosen status and serves metrics', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cogcap-cli-limits-'));
    try {
      await writeFile(join(dir, 'quotas.yaml'), 'categories:\n  UserPoolRead: 1\n');
      const controller = new AbortController();
      const { streams, out } = io(dir, controller.signal);
      const done = runCli(['emulator', '--port', '0', '--quotas', 'quotas.yaml', '--throttle-status', '429', '--latency', 'zero'], streams);
      const deadline = Date.now() + 20_000;
      while (!out.text.includes('\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out.text)![0];
      const list = () =>
        fetch(`${url}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools' },
          body: JSON.stringify({ MaxResults: 10 }),
        });
      expect((await list()).status).toBe(200);
      const throttled = await list();
      expect(throttled.status).toBe(429);
      expect(await throttled.json()).toEqual({ __type: 'TooManyRequestsException', message: 'Rate exceeded' });
      const metrics = (await (await fetch(`${url}/_cogcap/metrics`)).json()) as { categories: Record<string, unknown>; quotas: Record<string, unknown> };
      expect(metrics.categories.UserPoolRead).toMatchObject({ callCount: 2, throttleCount: 1 });
      expect(metrics.quotas.UserPoolRead).toMatchObject({ ratePerSec: 1 });
      controller.abort();
      expect(await done).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['--quotas', 'missing.yaml'], /missing\.yaml/],
    [['--latency', 'fast'], /fast/],
    [['--throttle-status', '200'], /--throttle-status/],
    [['--burst-sec', '0'], /--burst-sec/],
  ])('refuses %j with exit code 2', async (args, message) => {
    const { streams, out } = io(tmpdir(), new AbortController().signal);
    expect(await runCli(['emulator', '--port', '0', ...args], streams)).toBe(2);
    expect(out.err).toMatch(message);
  });

  it('names the file, field path and expectation of a bad profile', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cogcap-cli-limits-'));
    try {
      await writeFile(join(dir, 'bad.yaml'), 'categories:\n  UserRaed: 5\n');
      const { streams, out } = io(dir, new AbortController().signal);
      expect(await runCli(['emulator', '--port', '0', '--quotas', 'bad.yaml'], streams)).toBe(2);
      expect(out.err).toMatch(/bad\.yaml/);
      expect(out.err).toMatch(/categories\.UserRaed/);
      expect(out.err).toMatch(/unknown category/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
