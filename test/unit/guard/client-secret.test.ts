import { describe, expect, it } from 'vitest';
import { resolveClientSecret } from '../../../src/guard/client-secret.js';
import { InputError } from '../../../src/errors.js';

const SECRET = 's3cr3t-value-abc';
const files: Record<string, string> = { '/etc/cogcap/secret': `${SECRET}\n`, '/scen/secret.txt': SECRET, '/scen/empty': '\n' };
const io = {
  env: { CLIENT_SECRET: SECRET, EMPTY: '' },
  baseDir: '/scen',
  readFile: async (path: string): Promise<string> => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return text;
  },
};

describe('resolveClientSecret', () => {
  it.each([
    [{}, undefined],
    [{ clientSecretEnv: 'CLIENT_SECRET' }, SECRET],
    [{ clientSecretFile: '/etc/cogcap/secret' }, SECRET],
    [{ clientSecretFile: 'secret.txt' }, SECRET],
  ])('%j → resolved', async (source, expected) => {
    expect(await resolveClientSecret(source, io)).toBe(expected);
  });

  it.each([
    [{ clientSecret: SECRET }, 'must not be written in the scenario', 'target.clientSecret'],
    [{ clientSecretEnv: 'CLIENT_SECRET', clientSecretFile: 'x' }, 'two sources', 'target.clientSecretEnv'],
    [{ clientSecretEnv: 'MISSING' }, 'variable MISSING is not set', 'target.clientSecretEnv'],
    [{ clientSecretEnv: 'EMPTY' }, 'variable EMPTY is empty', 'target.clientSecretEnv'],
    [{ clientSecretFile: 'nope' }, 'cannot read the client secret file /scen/nope (ENOENT)', 'target.clientSecretFile'],
    [{ clientSecretFile: 'empty' }, 'file /scen/empty is empty', 'target.clientSecretFile'],
  ])('%j → InputError "%s"', async (source, message, path) => {
    const err = await resolveClientSecret(source, io, { file: 's.yaml', path: 'target' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.message).toContain(message);
    expect(e.problems[0]).toMatchObject({ file: 's.yaml', path });
    // The secret never appears in what is printed.
    expect(`${e.message} ${e.hint ?? ''} ${JSON.stringify(e.problems)}`).not.toContain(SECRET);
  });
});
