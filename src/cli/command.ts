import type { Argv } from 'yargs';

/** The world a command may touch: injected so that commands are testable in-process. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Aborted on the first SIGINT/SIGTERM; a second signal exits at once. */
  readonly signal: AbortSignal;
}

/**
 * One `cogcap` sub-command (one file each under src/cli/commands). `run` returns the exit code; it throws
 * {@link CogcapError} subclasses for documented failures. Commands are thin: parse, call, render.
 */
export interface CliCommand<A = Record<string, unknown>> {
  /** yargs command string, e.g. `run <scenario>`. */
  readonly command: string;
  readonly describe: string;
  readonly builder: (y: Argv) => Argv;
  readonly examples?: readonly (readonly [string, string])[];
  readonly run: (args: A, io: CliIo) => Promise<number>;
}
