import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';

describe('cogcap emulator', () => {
  it('prints one line with its URL, serves, and on abort stops cleanly saving --state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cogcap-cli-emu-'));
    try {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let out = '';
      stdout.on('data', (c: Buffer) => (out += c.toString()));
      stderr.resume();
      const controller = new AbortController();
      const done = runCli(['emulator', '--port', '0', '--state', 'state.json', '--fixed-code', '123456'], {
        stdout,
        stderr,
        cwd: dir,
        env: {},
        signal: controller.signal,
      });
      const deadline = Date.now() + 20_000;
      while (!out.includes('\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)![0];
      expect(out.trim().split('\n')).toHaveLength(1);
      const res = await fetch(`${url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.CreateUserPool' },
        body: JSON.stringify({ PoolName: 'cli' }),
      });
      expect(res.status).toBe(200);
      controller.abort();
      expect(await done).toBe(0);
      expect((await stat(join(dir, 'state.json'))).size).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses bad options with exit code 2', async () => {
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await runCli(['emulator', '--port', '70000', '--region', 'mars'], { stdout: new PassThrough(), stderr, cwd: '/', env: {}, signal: new AbortController().signal });
    expect(code).toBe(2);
    expect(err).toMatch(/--port/);
    expect(err).toMatch(/--region/);
  });
});
