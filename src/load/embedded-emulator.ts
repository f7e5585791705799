import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TargetError } from '../errors.js';
import type { EmbeddedEmulatorSpec } from './embedded-emulator-options.js';

/** The embedded emulator as the run sees it. */
export interface EmbeddedEmulator {
  /** Base URL (http://127.0.0.1:<port>). */
  readonly url: string;
  /** Child process id. */
  readonly pid: number | undefined;
  /** Stops the emulator process (idempotent). */
  close(): Promise<void>;
}

/**
 * The entry file next to this module: `embedded-emulator-entry.js` when compiled (dist/), or the `.ts` source run
 * through tsx's loader (tests and `tsx` runs of the sources).
 */
function entry(): { file: string; execArgv: string[] } {
  const js = fileURLToPath(new URL('./embedded-emulator-entry.js', import.meta.url));
  if (existsSync(js)) return { file: js, execArgv: [] };
  const ts = fileURLToPath(new URL('./embedded-emulator-entry.ts', import.meta.url));
  const resolve = (import.meta as { resolve?: (s: string) => string }).resolve;
  const tsx = typeof resolve === 'function' ? resolve('tsx') : 'tsx';
  return { file: ts, execArgv: ['--import', tsx] };
}

/**
 * Starts the emulator in its own process (so it does not disturb the generator's clock) and resolves with its URL.
 * Fails with {@link TargetError} (exit 3) when it does not come up within `timeoutMs` (default 20 s).
 */
export function startEmbeddedEmulator(spec: EmbeddedEmulatorSpec, timeoutMs = 20_000): Promise<EmbeddedEmulator> {
  const { file, execArgv } = entry();
  const child: ChildProcess = fork(file, [], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      if (child.connected) child.send({ type: 'close' });
      else child.kill('SIGTERM');
    }));

  return new Promise<EmbeddedEmulator>((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(new TargetError(`the embedded emulator did not start within ${timeoutMs} ms`, stderr.trim() || undefined));
    }, timeoutMs);
    child.on('message', (msg: { type: string; url?: string; message?: string }) => {
      if (msg.type === 'ready' && msg.url) {
        clearTimeout(timer);
        resolve({ url: msg.url, pid: child.pid, close });
      } else if (msg.type === 'error') {
        clearTimeout(timer);
        void close();
        reject(new TargetError(`the embedded emulator failed to start: ${msg.message ?? 'unknown error'}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new TargetError(`the embedded emulator exited (code ${code}) before it was ready`, stderr.trim().split('\n').slice(-5).join('\n') || undefined));
    });
    child.send({ type: 'start', spec });
  });
}
