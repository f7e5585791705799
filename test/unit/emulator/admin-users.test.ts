import { describe, expect, it } from 'vitest';
import { fixture, PASSWORD } from './emulator-fixture.js';

describe('admin user operations', () => {
  it('AdminCreateUser: FORCE_CHANGE_PASSWORD, temporary password policy, taken username; AdminGetUser by alias', async () => {
    const f = fixture();
    const { poolId } = await f.pool({ AliasAttributes: ['email'] });
    const body = { UserPoolId: poolId, Username: 'alice', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'a@example.com' }, { Name: 'email_verified', Value: 'true' }] };
    expect((await f.fail('AdminCreateUser', { ...body, TemporaryPassword: 'weak' })).type).toBe('InvalidPasswordException');
    const u = (await f.ok('AdminCreateUser', body)).User;
    expect(u).toMatchObject({ Username: 'alice', Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(u.Attributes[0].Name).toBe('sub');
    expect(await f.fail('AdminCreateUser', body)).toMatchObject({ type: 'UsernameExistsException', message: 'User account already exists' });
    expect((await f.fail('AdminCreateUser', { ...body, Username: 'alice2' })).type).toBe('AliasExistsException');
    expect((await f.ok('AdminGetUser', { UserPoolId: poolId, Username: 'a@example.com' })).Username).toBe('alice');
    expect(await f.fail('AdminGetUser', { UserPoolId: poolId, Username: 'ghost' })).toMatchObject({ type: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('AdminSetUserPassword permanent/temporary, AdminConfirmSignUp, disable/enable, update attributes, delete', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.ok('SignUp', { ClientId: clientId, Username: 'bob', Password: PASSWORD });
    expect((await f.ok('AdminGetUser', { UserPoolId: poolId, Username: 'bob' })).UserStatus).toBe('UNCONFIRMED');
    await f.ok('AdminConfirmSignUp', { UserPoolId: poolId, Username: 'bob' });
    expect((await f.fail('AdminConfirmSignUp', { UserPoolId: poolId, Username: 'bob' })).message).toBe('User cannot be confirmed. Current status is CONFIRMED');
    await f.ok('AdminSetUserPassword', { UserPoolId: poolId, Username: 'bob', Password: 'Temp0rary!', Permanent: false });
    expect((await f.ok('AdminGetUser', { UserPoolId: poolId, Username: 'bob' })).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect((await f.fail('AdminSetUserPassword', { UserPoolId: poolId, Username: 'bob', Password: 'weak', Permanent: true })).type).toBe('InvalidPasswordException');
    await f.ok('AdminSetUserPassword', { UserPoolId: poolId, Username: 'bob', Password: PASSWORD, Permanent: true });
    await f.ok('AdminDisableUser', { UserPoolId: poolId, Username: 'bob' });
    expect((await f.ok('AdminGetUser', { UserPoolId: poolId, Username: 'bob' })).Enabled).toBe(false);
    await f.ok('AdminEnableUser', { UserPoolId: poolId, Username: 'bob' });
    expect((await f.fail('AdminUpdateUserAttributes', { UserPoolId: poolId, Username: 'bob', UserAttributes: [{ Name: 'custom:tier', Value: 'gold' }] })).type).toBe('InvalidParameterException');
    expect((await f.fail('AdminUpdateUserAttributes', { UserPoolId: poolId, Username: 'bob', UserAttributes: [{ Name: 'sub', Value: 'x' }] })).type).toBe('InvalidParameterException');
    await f.ok('AdminUpdateUserAttributes', { UserPoolId: poolId, Username: 'bob', UserAttributes: [{ Name: 'given_name', Value: 'Bob' }] });
    expect((await f.ok('AdminGetUser', { UserPoolId: poolId, Username: 'bob' })).UserAttributes).toContainEqual({ Name: 'given_name', Value: 'Bob' });
    await f.ok('AdminDeleteUser', { UserPoolId: poolId, Username: 'bob' });
    expect((await f.fail('AdminDeleteUser', { UserPoolId: poolId, Username: 'bob' })).type).toBe('UserNotFoundException');
  });

  it('custom attributes declared in the schema are accepted', async () => {
    const f = fixture();
    const { poolId } = await f.pool({ Schema: [{ Name: 'tier', AttributeDataType: 'String', Mutable: true }] });
    await f.user(poolId, 'c', PASSWORD, { 'custom:tier': 'gold' });
    expect((await f.ok('AdminGetUser', { UserPoolId: poolId, Username: 'c' })).UserAttributes).toContainEqual({ Name: 'custom:tier', Value: 'gold' });
  });

  it('groups: CreateGroup, duplicate, AdminAddUserToGroup, list and remove', async () => {
    const f = fixture();
    const { poolId } = await f.pool();
    await f.user(poolId, 'alice', PASSWORD);
    const g = (await f.ok('CreateGroup', { UserPoolId: poolId, GroupName: 'admins', Precedence: 1, Description: 'd' })).Group;
    expect(g).toMatchObject({ GroupName: 'admins', UserPoolId: poolId, Precedence: 1, Description: 'd' });
    expect(await f.fail('CreateGroup', { UserPoolId: poolId, GroupName: 'admins' })).toMatchObject({ type: 'GroupExistsException', message: 'A group with the name admins already exists.' });
    expect(await f.fail('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'alice', GroupName: 'nope' })).toMatchObject({ type: 'ResourceNotFoundException', message: 'Group not found.' });
    await f.ok('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'alice', GroupName: 'admins' });
    await f.ok('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'alice', GroupName: 'admins' });
    expect((await f.ok('AdminListGroupsForUser', { UserPoolId: poolId, Username: 'alice' })).Groups.map((x: { GroupName: string }) => x.GroupName)).toEqual(['admins']);
    await f.ok('AdminRemoveUserFromGroup', { UserPoolId: poolId, Username: 'alice', GroupName: 'admins' });
    expect((await f.ok('AdminListGroupsForUser', { UserPoolId: poolId, Username: 'alice' })).Groups).toEqual([]);
  });

  it('ListUsers: filters on username, email, sub, prefix and status; pagination covers every user once', async () => {
    const f = fixture();
    const { poolId } = await f.pool();
    for (let i = 0; i < 25; i++) {
      await f.ok('AdminCreateUser', { UserPoolId: poolId, Username: `user${String(i).padStart(2, '0')}`, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: `u${i}@example.com` }] });
    }
    await f.ok('AdminDeleteUser', { UserPoolId: poolId, Username: 'user05' });
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await f.ok('ListUsers', { UserPoolId: poolId, Limit: 10, ...(token ? { PaginationToken: token } : {}) });
      seen.push(...page.Users.map((u: { Username: string }) => u.Username));
      token = page.PaginationToken;
    } while (token);
    expect(seen).toHaveLength(24);
    expect(new Set(seen).size).toBe(24);
    expect(seen).not.toContain('user05');
    const byName = await f.ok('ListUsers', { UserPoolId: poolId, Filter: 'username = "user07"' });
    expect(byName.Users.map((u: { Username: string }) => u.Username)).toEqual(['user07']);
    const sub = byName.Users[0].Attributes.find((a: { Name: string }) => a.Name === 'sub').Value;
    expect((await f.ok('ListUsers', { UserPoolId: poolId, Filter: `sub = "${sub}"` })).Users).toHaveLength(1);
    expect((await f.ok('ListUsers', { UserPoolId: poolId, Filter: 'email = "u9@example.com"' })).Users[0].Username).toBe('user09');
    expect((await f.ok('ListUsers', { UserPoolId: poolId, Filter: 'username ^= "user1"' })).Users).toHaveLength(10);
    expect((await f.ok('ListUsers', { UserPoolId: poolId, Filter: 'cognito:user_status = "FORCE_CHANGE_PASSWORD"', Limit: 60 })).Users).toHaveLength(24);
    const limited = await f.ok('ListUsers', { UserPoolId: poolId, Filter: 'email ^= "u1"', Limit: 3, AttributesToGet: ['email'] });
    expect(limited.Users).toHaveLength(3);
    expect(limited.Users[0].Attributes.map((a: { Name: string }) => a.Name)).toEqual(['email']);
    expect((await f.fail('ListUsers', { UserPoolId: poolId, Filter: 'shoe = "x"' })).message).toBe('Invalid search attribute: shoe');
    expect((await f.fail('ListUsers', { UserPoolId: poolId, Filter: 'username ~ x' })).message).toBe('Error while parsing filter.');
    expect((await f.fail('ListUsers', { UserPoolId: poolId, PaginationToken: 'garbage!' })).type).toBe('InvalidParameterException');
    expect((await f.fail('ListUsers', { UserPoolId: poolId, Limit: 61 })).type).toBe('InvalidParameterException');
  });
});
