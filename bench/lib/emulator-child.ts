import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The cogcap emulator running in a child process (bench/emulator-server.ts). */
export interface BenchServer {
  readonly url: string;
  readonly pid: number | undefined;
  /** Server process CPU time so far, µs. */
  cpuUs(): Promise<number>;
  /** CPU µs per RSA-2048 signature measured inside the server process (under the current load). */
  rsaCpuUs(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts bench/emulator-server.ts (the emulator on a free 127.0.0.1 port, 64 MiB body limit for bulk seeding) in a
 * child process through tsx. `BENCH_CPU_PROF=<dir>` writes a V8 CPU profile of the emulator process there.
 */
export async function startBenchServer(): Promise<BenchServer> {
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const entry = fileURLToPath(new URL('../emulator-server.ts', import.meta.url));
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', entry], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  const waiters: ((line: string) => void)[] = [];
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    let nl: number;
    while ((nl = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      waiters.shift()?.(line);
    }
  });
  const nextLine = (): Promise<string> => new Promise((resolve) => waiters.push(resolve));
  const ready = await Promise.race([
    nextLine(),
    new Promise<string>((_r, reject) => child.once('exit', (code) => reject(new Error(`emulator exited (${code})`)))),
  ]);
  const url = /READY (\S+)/.exec(ready)![1]!;
  return {
    url,
    pid: child.pid,
    async cpuUs() {
      const line = nextLine();
      child.stdin!.write('cpu\n');
      return Number(/CPU (\d+)/.exec(await line)![1]);
    },
    async rsaCpuUs() {
      const line = nextLine();
      child.stdin!.write('rsa\n');
      return Number(/RSA ([\d.]+)/.exec(await line)![1]);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}
