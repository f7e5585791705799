import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulatorApp } from '../../../../src/emulator/app.js';
import { applyBootstrap, readBootstrapFile } from '../../../../src/emulator/bootstrap.js';
import { EmulatorStore } from '../../../../src/emulator/store/emulator-store.js';
import { loadStoreFile, saveStoreFile } from '../../../../src/emulator/store/snapshot.js';
import { InputError } from '../../../../src/errors.js';
import { sharedKeys } from '../emulator-fixture.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tmp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'cogcap-emu-'));
  dirs.push(d);
  return d;
}

const BOOT = `
pools:
  - id: us-east-1_Boot12345
    PoolName: boot
    UsernameAttributes: [email]
    clients:
      - ClientName: web
        clientId: bootclient0000000000000001
        ExplicitAuthFlows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
    groups:
      - GroupName: admins
    users:
      - username: alice@example.com
        password: Passw0rd!
        attributes: { email_verified: "true", name: Alice }
        groups: [admins]
      - username: bob@example.com
        password: Passw0rd!
        status: FORCE_CHANGE_PASSWORD
`;

describe('bootstrap and state snapshots', () => {
  it('bootstraps pools, clients, groups and users; a saved state restores users, keys and sessions', async () => {
    const d = await tmp();
    await writeFile(join(d, 'boot.yaml'), BOOT);
    const doc = await readBootstrapFile(join(d, 'boot.yaml'));
    const app = createEmulatorApp({ store: new EmulatorStore({ keyFactory: sharedKeys }) });
    const summary = await applyBootstrap(app, doc);
    expect(summary).toEqual({ pools: [{ id: 'us-east-1_Boot12345', name: 'boot', clientIds: ['bootclient0000000000000001'], users: 2 }] });
    const signIn = (a: typeof app, username: string) =>
      a.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'bootclient0000000000000001', AuthParameters: { USERNAME: username, PASSWORD: 'Passw0rd!' } });
    const s = await signIn(app, 'alice@example.com');
    expect(s.status).toBe(200);
    expect((await signIn(app, 'bob@example.com')).body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const file = join(d, 'state', 'emu.json');
    await saveStoreFile(app.store, file, Date.now());
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readdir(join(d, 'state'))).filter((n) => n.includes('.tmp-'))).toEqual([]);
    expect(await readFile(file, 'utf8')).not.toContain('Passw0rd!');
    const restored = createEmulatorApp({ store: (await loadStoreFile(file))! });
    expect((await signIn(restored, 'alice@example.com')).status).toBe(200);
    expect((await signIn(restored, 'bob@example.com')).body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const tokens = s.body.AuthenticationResult as { AccessToken: string; RefreshToken: string };
    const me = await restored.call('GetUser', { AccessToken: tokens.AccessToken });
    expect(me.body.UserAttributes).toContainEqual({ Name: 'name', Value: 'Alice' });
    const refreshed = await restored.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'bootclient0000000000000001', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken } });
    expect(refreshed.status).toBe(200);
    const listed = await restored.call('ListUsers', { UserPoolId: 'us-east-1_Boot12345' });
    expect((listed.body.Users as unknown[]).length).toBe(2);
    // bootstrapping again over restored state leaves existing pools alone
    expect((await applyBootstrap(restored, doc)).pools).toEqual([]);
    expect(await loadStoreFile(join(d, 'missing.json'))).toBeUndefined();
  });

  it('reports every problem of a bad bootstrap file with its path', async () => {
    const d = await tmp();
    await writeFile(join(d, 'bad.yaml'), 'pools:\n  - PoolName: x\n    users:\n      - username: u\n        color: red\n');
    const e = await readBootstrapFile(join(d, 'bad.yaml')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    const paths = (e as InputError).problems.map((p) => p.path);
    expect(paths).toContain('pools.0.users.0.password');
    expect(paths).toContain('pools.0.users.0');
    const app = createEmulatorApp({ store: new EmulatorStore({ keyFactory: sharedKeys }) });
    const weak = await applyBootstrap(app, { pools: [{ PoolName: 'p', UsernameAttributes: ['email'], users: [{ username: 'not-an-email', password: 'x' }] }] }).catch((x: unknown) => x);
    expect(weak).toBeInstanceOf(InputError);
    expect((weak as InputError).problems[0]).toMatchObject({ path: 'pools.0' });
  });
});
