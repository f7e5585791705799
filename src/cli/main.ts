import yargs from 'yargs';
import { COMMANDS } from './commands/index.js';
import type { CliIo } from './command.js';
import { CogcapError, ExitCode, InputError, formatProblems } from '../errors.js';
import { TOOL_VERSION } from '../version.js';

/**
 * Parses `argv`, runs one command and returns its exit code. The only module that touches `process`.
 * Errors: {@link CogcapError} subclasses print their message and hint (no stack trace) and map to their exit
 * code; anything else is an internal fault (exit 70) and prints its stack only with `COGCAP_DEBUG=1`.
 */
export async function runCli(argv: readonly string[], ioOverride?: Partial<CliIo>): Promise<number> {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals): void => {
    signals += 1;
    if (signals === 1) {
      process.stderr.write(`\n${sig}: stopping gracefully (send again to exit at once)\n`);
      controller.abort(new Error(sig));
    } else {
      process.exit(ExitCode.Interrupted);
    }
  };
  const io: CliIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
    ...ioOverride,
  };
  if (!ioOverride?.signal) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  let exitCode: number = ExitCode.Ok;
  try {
    let parser = yargs([...argv])
      .scriptName('cogcap')
      .version(TOOL_VERSION)
      .strict()
      .demandCommand(1, 'Name a command (see cogcap --help).')
      .recommendCommands()
      .wrap(Math.min(120, (io.stdout as { columns?: number }).columns ?? 100))
      .epilogue(
        'Exit codes: 0 ok, 1 a threshold or baseline check failed, 2 invalid input, 3 target unreachable or unsafe, ' +
          '130 interrupted, 70 internal fault.',
      )
      .fail((msg, err) => {
        if (err) throw err;
        throw new InputError(msg ?? 'invalid arguments', [], 'See cogcap --help.');
      });
    for (const cmd of COMMANDS) {
      parser = parser.command(
        cmd.command,
        cmd.describe,
        (y) => {
          let b = cmd.builder(y);
          for (const [ex, desc] of cmd.examples ?? []) b = b.example(ex, desc);
          return b;
        },
        async (args) => {
          exitCode = await cmd.run(args as never, io);
        },
      );
    }
    await parser.parseAsync();
  } catch (err) {
    exitCode = reportError(err, io);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return exitCode;
}

function reportError(err: unknown, io: CliIo): number {
  if (err instanceof CogcapError) {
    io.stderr.write(`error: ${err.message}\n`);
    if (err instanceof InputError && err.problems.length > 0) {
      io.stderr.write(`${formatProblems(err.problems).replace(/^/gm, '  ')}\n`);
    }
    if (err.hint) io.stderr.write(`hint: ${err.hint}\n`);
    return err.exitCode;
  }
  const e = err as Error;
  io.stderr.write(`internal error: ${e?.message ?? String(err)}\n`);
  if (io.env.COGCAP_DEBUG) io.stderr.write(`${e?.stack ?? ''}\n`);
  else io.stderr.write('hint: run again with COGCAP_DEBUG=1 for details, and please report it.\n');
  return ExitCode.Internal;
}
