import { describe, expect, it } from 'vitest';
import { fixture } from './emulator-fixture.js';

describe('pools and clients', () => {
  it('CreateUserPool has Cognito defaults and real-looking ids; DescribeUserPool echoes the configuration', async () => {
    const f = fixture({ region: 'eu-west-1' });
    const p = (await f.ok('CreateUserPool', { PoolName: 'app', UsernameAttributes: ['email'], UserPoolTags: { team: 'x' } })).UserPool;
    expect(p.Id).toMatch(/^eu-west-1_[0-9A-Za-z]{9}$/);
    expect(p.Arn).toBe(`arn:aws:cognito-idp:eu-west-1:000000000000:userpool/${p.Id}`);
    expect(p.Policies.PasswordPolicy).toEqual({
      MinimumLength: 8,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 7,
    });
    expect(p.MfaConfiguration).toBe('OFF');
    expect(p.UsernameAttributes).toEqual(['email']);
    const d = (await f.ok('DescribeUserPool', { UserPoolId: p.Id })).UserPool;
    expect(d.UserPoolTags).toEqual({ team: 'x' });
    expect(d.EstimatedNumberOfUsers).toBe(0);
    expect(typeof d.CreationDate).toBe('number');
    expect(await f.fail('DescribeUserPool', { UserPoolId: 'eu-west-1_Nope00000' })).toMatchObject({
      type: 'ResourceNotFoundException',
      message: 'User pool eu-west-1_Nope00000 does not exist.',
    });
  });

  it('rejects username attributes together with aliases, and out-of-range policies', async () => {
    const f = fixture();
    expect((await f.fail('CreateUserPool', { PoolName: 'x', UsernameAttributes: ['email'], AliasAttributes: ['email'] })).message).toBe(
      'Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.',
    );
    expect((await f.fail('CreateUserPool', { PoolName: 'x', Policies: { PasswordPolicy: { MinimumLength: 5 } } })).type).toBe('InvalidParameterException');
  });

  it('ListUserPools pages with NextToken; DeleteUserPool honours deletion protection', async () => {
    const f = fixture();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await f.ok('CreateUserPool', { PoolName: `p${i}` })).UserPool.Id);
    const p1 = await f.ok('ListUserPools', { MaxResults: 2 });
    expect(p1.UserPools.map((p: { Id: string }) => p.Id)).toEqual(ids.slice(0, 2));
    const p2 = await f.ok('ListUserPools', { MaxResults: 2, NextToken: p1.NextToken });
    expect(p2.UserPools.map((p: { Id: string }) => p.Id)).toEqual([ids[2]]);
    expect(p2.NextToken).toBeUndefined();
    expect((await f.fail('ListUserPools', {})).message).toBe("1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null");
    const prot = (await f.ok('CreateUserPool', { PoolName: 'keep', DeletionProtection: 'ACTIVE' })).UserPool.Id;
    expect((await f.fail('DeleteUserPool', { UserPoolId: prot })).type).toBe('InvalidParameterException');
    await f.ok('DeleteUserPool', { UserPoolId: ids[0] });
    expect((await f.fail('DescribeUserPool', { UserPoolId: ids[0] })).type).toBe('ResourceNotFoundException');
  });

  it('CreateUserPoolClient: secret, default flows, token validity units, rotation; describe, list, delete', async () => {
    const f = fixture();
    const poolId = (await f.ok('CreateUserPool', { PoolName: 'p' })).UserPool.Id;
    const plain = (await f.ok('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'plain' })).UserPoolClient;
    expect(plain.ClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(plain.ClientSecret).toBeUndefined();
    expect(plain.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH']);
    expect(plain.PreventUserExistenceErrors).toBe('LEGACY');
    expect(plain.RefreshTokenValidity).toBe(30);
    const sec = (
      await f.ok('CreateUserPoolClient', {
        UserPoolId: poolId,
        ClientName: 'sec',
        GenerateSecret: true,
        AccessTokenValidity: 10,
        TokenValidityUnits: { AccessToken: 'minutes' },
        RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 30 },
      })
    ).UserPoolClient;
    expect(sec.ClientSecret).toMatch(/^[a-z0-9]{51}$/);
    expect(sec.RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: 30 });
    expect(f.app.store.clients.get(sec.ClientId)!.accessTokenValiditySec).toBe(600);
    expect((await f.fail('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'bad', AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'days' } })).type).toBe('InvalidParameterException');
    expect((await f.fail('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'mix', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'USER_PASSWORD_AUTH'] })).type).toBe('InvalidParameterException');
    expect((await f.ok('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: sec.ClientId })).UserPoolClient.ClientSecret).toBe(sec.ClientSecret);
    expect((await f.ok('ListUserPoolClients', { UserPoolId: poolId })).UserPoolClients).toHaveLength(2);
    await f.ok('DeleteUserPoolClient', { UserPoolId: poolId, ClientId: plain.ClientId });
    expect(await f.fail('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: plain.ClientId })).toMatchObject({
      type: 'ResourceNotFoundException',
      message: `User pool client ${plain.ClientId} does not exist.`,
    });
    expect((await f.fail('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: plain.ClientId, AuthParameters: {} })).type).toBe('ResourceNotFoundException');
  });
});
