import { isAbsolute, join } from 'node:path';
import { InputError, type InputProblem } from '../errors.js';

/**
 * Resolves an app client secret from an environment variable or a file, never from the scenario text.
 * The secret is returned to memory only: it never appears in errors, output or files.
 */

/** Where the scenario says the secret lives. */
export interface ClientSecretSource {
  /** Name of an environment variable holding the secret. */
  readonly clientSecretEnv?: string;
  /** Path of a file holding the secret (trailing newline removed), relative to `baseDir`. */
  readonly clientSecretFile?: string;
  /** A literal secret in the scenario: always refused. */
  readonly clientSecret?: unknown;
}

/** The world the resolver may read (injected for tests). */
export interface ClientSecretIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads a whole file as UTF-8 (absolute or relative path as given). */
  readonly readFile: (path: string) => Promise<string>;
  /** Directory that relative file paths are resolved against (the scenario's folder). */
  readonly baseDir?: string;
}

/** Context for error messages. */
export interface ClientSecretContext {
  /** Scenario file, for error messages. */
  readonly file?: string;
  /** Field path of the source object, e.g. `target`. */
  readonly path?: string;
}

/**
 * Returns the secret, or undefined when no source is configured (a client without a secret).
 * Throws {@link InputError} (exit 2) when the scenario holds a literal secret, names both sources, names an
 * unset or empty variable, or names a file that cannot be read or is empty.
 */
export async function resolveClientSecret(
  source: ClientSecretSource,
  io: ClientSecretIo,
  ctx: ClientSecretContext = {},
): Promise<string | undefined> {
  const at = (field: string): string => (ctx.path ? `${ctx.path}.${field}` : field);
  const problem = (field: string, message: string): InputProblem =>
    ctx.file === undefined ? { path: at(field), message } : { file: ctx.file, path: at(field), message };
  if (source.clientSecret !== undefined) {
    throw new InputError(
      'the client secret must not be written in the scenario',
      [problem('clientSecret', 'remove it; name an environment variable (clientSecretEnv) or a file (clientSecretFile) instead')],
      'secrets in scenario files end up in version control and reports',
    );
  }
  if (source.clientSecretEnv !== undefined && source.clientSecretFile !== undefined) {
    throw new InputError('the client secret has two sources', [
      problem('clientSecretEnv', 'give either clientSecretEnv or clientSecretFile, not both'),
    ]);
  }
  if (source.clientSecretEnv !== undefined) {
    const name = source.clientSecretEnv;
    const value = io.env[name];
    if (value === undefined || value.trim() === '') {
      throw new InputError(`the client secret variable ${name} is ${value === undefined ? 'not set' : 'empty'}`, [
        problem('clientSecretEnv', `expected the environment variable ${name} to hold the app client secret`),
      ]);
    }
    return value.trim();
  }
  if (source.clientSecretFile !== undefined) {
    const file = resolvePath(source.clientSecretFile, io.baseDir);
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException)?.code;
      throw new InputError(`cannot read the client secret file ${file}${code ? ` (${code})` : ''}`, [
        problem('clientSecretFile', 'expected a readable file holding the app client secret'),
      ]);
    }
    const value = text.trim();
    if (value === '') {
      throw new InputError(`the client secret file ${file} is empty`, [
        problem('clientSecretFile', 'expected the file to hold the app client secret'),
      ]);
    }
    return value;
  }
  return undefined;
}

function resolvePath(path: string, baseDir: string | undefined): string {
  return baseDir === undefined || isAbsolute(path) ? path : join(baseDir, path);
}
