import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'node:http';
import { postJson } from './json-rpc-client.js';

/** A running cognito-local (peer emulator) with its own data folder. */
export interface CognitoLocal {
  readonly url: string;
  readonly pid: number | undefined;
  /** Its data folder (`.cognito/db/<pool id>.json` per pool). */
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts cognito-local from its installed package folder on 127.0.0.1 (its logs go to /dev/null), in `dataDir`
 * (default: a fresh temporary folder), and waits until it answers (up to `timeoutMs`, default 30 s).
 */
export async function startCognitoLocal(packageDir: string, dataDir = mkdtempSync(join(tmpdir(), 'cogcap-bench-cl-')), timeoutMs = 30_000): Promise<CognitoLocal> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(packageDir, 'lib', 'bin', 'start.js')], {
    cwd: dataDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEBUG: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const url = `http://127.0.0.1:${port}`;
  const agent = new Agent({ keepAlive: false });
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`cognito-local exited (${child.exitCode}): ${stderr.trim()}`);
    try {
      const r = await postJson(url, agent, 'ListUserPools', { MaxResults: 1 });
      if (r.status > 0) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`cognito-local did not answer within ${timeoutMs} ms: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  agent.destroy();
  return {
    url,
    pid: child.pid,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Adds users `from`…`to − 1` (e-mail `emailOf(i)`) to a stopped cognito-local's pool file by cloning its first user
 * (created through its API): the only way to reach 100,000 users in a sane time, since each of its API writes
 * rewrites the whole pool file. Its default pools use the e-mail as username attribute, so each user is stored under
 * its `sub`. Returns the number of users in the pool file afterwards.
 */
export function seedCognitoLocalFile(dataDir: string, poolId: string, from: number, to: number, emailOf: (i: number) => string): number {
  const file = join(dataDir, '.cognito', 'db', `${poolId}.json`);
  const db = JSON.parse(readFileSync(file, 'utf8')) as { Users: Record<string, any> };
  const template = Object.values(db.Users)[0];
  if (!template) throw new Error(`no user to clone in ${file}`);
  for (let i = from; i < to; i++) {
    const sub = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    const Username = template.Username === (template.Attributes as { Name: string; Value: string }[]).find((a) => a.Name === 'sub')?.Value ? sub : emailOf(i);
    db.Users[Username] = {
      ...template,
      Username,
      Attributes: (template.Attributes as { Name: string; Value: string }[]).map((a) =>
        a.Name === 'sub' ? { Name: 'sub', Value: sub } : a.Name === 'email' ? { Name: 'email', Value: emailOf(i) } : a,
      ),
      RefreshTokens: [],
    };
  }
  writeFileSync(file, JSON.stringify(db));
  return Object.keys(db.Users).length;
}

/** Removes a cognito-local data folder. */
export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

/** Pool files in a cognito-local data folder (for diagnostics). */
export function poolFiles(dataDir: string): string[] {
  try {
    return readdirSync(join(dataDir, '.cognito', 'db'));
  } catch {
    return [];
  }
}
