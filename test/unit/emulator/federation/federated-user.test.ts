import { describe, expect, it } from 'vitest';
import { createEmulatorApp } from '../../../../src/emulator/app.js';
import { federatedUsername, findOrCreateFederatedUser, mapAttributes } from '../../../../src/emulator/federation/federated-user.js';
import type { IdentityProvider } from '../../../../src/emulator/federation/identity-provider-store.js';

const provider = (mapping: Record<string, string>): IdentityProvider => ({
  UserPoolId: 'us-east-1_Pool00001',
  ProviderName: 'Corp',
  ProviderType: 'OIDC',
  ProviderDetails: {},
  AttributeMapping: { username: 'sub', ...mapping },
  IdpIdentifiers: [],
  CreationDate: 0,
  LastModifiedDate: 0,
});

describe('federated users', () => {
  it('names users <ProviderName>_<sub>', () => {
    expect(federatedUsername('Corp', 'abc-123')).toBe('Corp_abc-123');
  });

  it.each([
    [{ email: 'email' }, { sub: 's', email: 'a@b.c' }, { email: 'a@b.c' }],
    [{ email: 'mail', name: 'name' }, { mail: 'x@y.z', name: 'X' }, { email: 'x@y.z', name: 'X' }],
    [{ email_verified: 'email_verified' }, { email_verified: true }, { email_verified: 'true' }],
    [{ 'custom:dept': 'dept' }, { other: 1 }, {}],
  ])('maps %j over claims %j', (mapping, claims, expected) => {
    expect(mapAttributes(provider(mapping), claims)).toEqual(expected);
  });

  it('creates an EXTERNAL_PROVIDER user once, updates it on the next sign-in, and never steals an alias', async () => {
    const app = createEmulatorApp();
    const created = await app.call('CreateUserPool', { PoolName: 'p', UsernameAttributes: ['email'] });
    const poolId = (created.body['UserPool'] as { Id: string }).Id;
    await app.call('AdminCreateUser', { UserPoolId: poolId, Username: 'taken@example.com', MessageAction: 'SUPPRESS', TemporaryPassword: 'Temp0rary!x' });
    const pool = app.store.pools.get(poolId)!;
    const p = { ...provider({ email: 'email', name: 'name' }), UserPoolId: poolId };
    const first = findOrCreateFederatedUser(app.context, pool, p, 'sub-1', { sub: 'sub-1', email: 'taken@example.com', name: 'One' });
    expect(first.created).toBe(true);
    expect(first.user.username).toBe('Corp_sub-1');
    expect(first.user.status).toBe('EXTERNAL_PROVIDER');
    expect(first.user.credential).toBeNull();
    expect(first.user.attributes['email']).toBeUndefined();
    expect(first.user.attributes['name']).toBe('One');
    expect(JSON.parse(first.user.attributes['identities']!)).toEqual([
      expect.objectContaining({ userId: 'sub-1', providerName: 'Corp', providerType: 'OIDC', primary: 'true' }),
    ]);
    expect(pool.bySignInName('taken@example.com')?.username).not.toBe('Corp_sub-1');
    const again = findOrCreateFederatedUser(app.context, pool, p, 'sub-1', { sub: 'sub-1', name: 'One Renamed' });
    expect(again.created).toBe(false);
    expect(again.user).toBe(first.user);
    expect(again.user.attributes['name']).toBe('One Renamed');
    const signIn = await app.call('AdminInitiateAuth', { UserPoolId: poolId, ClientId: 'x', AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'Corp_sub-1', PASSWORD: 'x' } });
    expect(signIn.status).toBe(400);
  });
});
