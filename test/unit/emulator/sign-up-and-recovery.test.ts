import { describe, expect, it } from 'vitest';
import { secretHash } from '../../../src/cognito/secret-hash.js';
import type { HttpRequest } from '../../../src/emulator/http-route.js';
import { fixture, manualClock, PASSWORD, type Fixture } from './emulator-fixture.js';

async function codes(f: Fixture, poolId: string, username: string): Promise<any> {
  const req: HttpRequest = {
    method: 'GET',
    path: '/_cogcap/codes',
    query: new URLSearchParams({ userPoolId: poolId, username }),
    headers: {},
    body: Buffer.alloc(0),
    baseUrl: 'http://x',
    receivedAtMs: 0,
  };
  const r = await f.app.handle(req);
  return { status: r.status, ...(typeof r.body === 'string' ? JSON.parse(r.body) : (r.body as object)) };
}

describe('sign-up and recovery', () => {
  it('SignUp → code at /_cogcap/codes → ConfirmSignUp → sign-in, with Cognito errors on the way', async () => {
    const clock = manualClock();
    const f = fixture({ now: clock.now });
    const { poolId, clientId } = await f.pool({ AutoVerifiedAttributes: ['email'], AliasAttributes: ['email'] });
    const up = { ClientId: clientId, Username: 'alice', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }] };
    expect((await f.fail('SignUp', { ...up, Password: 'short' })).message).toBe('Password did not conform with policy: Password not long enough');
    expect((await f.fail('SignUp', { ...up, Password: 'alllowercase1!' })).message).toBe('Password did not conform with policy: Password must have uppercase characters');
    expect((await f.fail('SignUp', { ...up, Password: 'ALLUPPER1!' })).message).toBe('Password did not conform with policy: Password must have lowercase characters');
    expect((await f.fail('SignUp', { ...up, Password: 'NoNumbers!' })).message).toBe('Password did not conform with policy: Password must have numeric characters');
    expect((await f.fail('SignUp', { ...up, Password: 'NoSymbols1' })).message).toBe('Password did not conform with policy: Password must have symbol characters');
    expect((await f.fail('SignUp', { ...up, UserAttributes: [{ Name: 'shoe_size', Value: '9' }] })).type).toBe('InvalidParameterException');
    const r = await f.ok('SignUp', up);
    expect(r.UserConfirmed).toBe(false);
    expect(r.UserSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.CodeDeliveryDetails).toEqual({ Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(await f.fail('SignUp', up)).toMatchObject({ type: 'UsernameExistsException', message: 'User already exists' });
    const c = await codes(f, poolId, 'alice');
    expect(c).toMatchObject({ status: 200, userPoolId: poolId, username: 'alice', forgotPassword: null });
    expect(c.signUp.code).toMatch(/^\d{6}$/);
    const wrong = c.signUp.code === '000000' ? '111111' : '000000';
    expect(await f.fail('ConfirmSignUp', { ClientId: clientId, Username: 'alice', ConfirmationCode: wrong })).toMatchObject({
      type: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
    expect((await f.fail('ConfirmSignUp', { ClientId: clientId, Username: 'nobody', ConfirmationCode: '123456' })).type).toBe('UserNotFoundException');
    // resend replaces the code
    await f.ok('ResendConfirmationCode', { ClientId: clientId, Username: 'alice' });
    const c2 = await codes(f, poolId, 'alice');
    await f.ok('ConfirmSignUp', { ClientId: clientId, Username: 'alice', ConfirmationCode: c2.signUp.code });
    expect((await f.fail('ConfirmSignUp', { ClientId: clientId, Username: 'alice', ConfirmationCode: c2.signUp.code })).message).toBe('User cannot be confirmed. Current status is CONFIRMED');
    expect((await f.fail('ResendConfirmationCode', { ClientId: clientId, Username: 'alice' })).message).toBe('User is already confirmed.');
    const u = await f.ok('AdminGetUser', { UserPoolId: poolId, Username: 'alice' });
    expect(u.UserStatus).toBe('CONFIRMED');
    expect(u.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
    // the verified email is now a sign-in alias
    const s = await f.ok('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice@example.com', PASSWORD } });
    expect(s.AuthenticationResult).toBeDefined();
    // sign-up codes expire after 24 h
    await f.ok('SignUp', { ...up, Username: 'bob', UserAttributes: [{ Name: 'email', Value: 'bob@example.com' }] });
    const cb = await codes(f, poolId, 'bob');
    clock.advance(24 * 3600_000 + 1);
    expect((await f.fail('ConfirmSignUp', { ClientId: clientId, Username: 'bob', ConfirmationCode: cb.signUp.code })).type).toBe('ExpiredCodeException');
    expect((await codes(f, poolId, 'nobody')).status).toBe(404);
    expect((await codes(f, 'us-east-1_Nope00000', 'alice')).status).toBe(404);
  });

  it('--fixed-code mode issues the fixed code; SignUp with a secret needs SecretHash; admin-only pools refuse SignUp', async () => {
    const f = fixture({ codeMode: { kind: 'fixed', code: '123456' } });
    const { clientId, clientSecret } = await f.pool({}, { GenerateSecret: true });
    const up = { ClientId: clientId, Username: 'alice', Password: PASSWORD };
    expect((await f.fail('SignUp', up)).message).toBe(`Unable to verify secret hash for client ${clientId}`);
    await f.ok('SignUp', { ...up, SecretHash: secretHash('alice', clientId, clientSecret!) });
    await f.ok('ConfirmSignUp', { ClientId: clientId, Username: 'alice', ConfirmationCode: '123456', SecretHash: secretHash('alice', clientId, clientSecret!) });
    const g = fixture();
    const admin = await g.pool({ AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    expect(await g.fail('SignUp', { ClientId: admin.clientId, Username: 'x', Password: PASSWORD })).toMatchObject({ type: 'NotAuthorizedException', message: 'SignUp is not permitted for this user pool' });
  });

  it('ForgotPassword needs a verified email; ConfirmForgotPassword checks the code, then the policy', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.user(poolId, 'alice', PASSWORD, { email: 'alice@example.com' });
    expect((await f.fail('ForgotPassword', { ClientId: clientId, Username: 'alice' })).message).toBe(
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    );
    expect((await f.fail('ForgotPassword', { ClientId: clientId, Username: 'ghost' })).type).toBe('UserNotFoundException');
    await f.ok('AdminUpdateUserAttributes', { UserPoolId: poolId, Username: 'alice', UserAttributes: [{ Name: 'email_verified', Value: 'true' }] });
    const r = await f.ok('ForgotPassword', { ClientId: clientId, Username: 'alice' });
    expect(r.CodeDeliveryDetails.DeliveryMedium).toBe('EMAIL');
    const code = (await codes(f, poolId, 'alice')).forgotPassword.code as string;
    const confirm = { ClientId: clientId, Username: 'alice', ConfirmationCode: code, Password: 'N3wPassw0rd!' };
    expect((await f.fail('ConfirmForgotPassword', { ...confirm, ConfirmationCode: code === '999999' ? '000000' : '999999' })).type).toBe('CodeMismatchException');
    expect((await f.fail('ConfirmForgotPassword', { ...confirm, Password: 'weak' })).type).toBe('InvalidPasswordException');
    await f.ok('ConfirmForgotPassword', confirm);
    expect((await f.fail('ConfirmForgotPassword', confirm)).type).toBe('ExpiredCodeException');
    expect((await f.fail('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD } })).type).toBe('NotAuthorizedException');
    expect((await f.ok('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD: 'N3wPassw0rd!' } })).AuthenticationResult).toBeDefined();
  });

  it('PreventUserExistenceErrors ENABLED hides unknown users in ForgotPassword, ResendConfirmationCode and ConfirmSignUp', async () => {
    const f = fixture();
    const { clientId } = await f.pool({}, { PreventUserExistenceErrors: 'ENABLED' });
    expect((await f.ok('ForgotPassword', { ClientId: clientId, Username: 'ghost' })).CodeDeliveryDetails).toBeDefined();
    expect((await f.ok('ResendConfirmationCode', { ClientId: clientId, Username: 'ghost' })).CodeDeliveryDetails).toBeDefined();
    expect((await f.fail('ConfirmSignUp', { ClientId: clientId, Username: 'ghost', ConfirmationCode: '123456' })).type).toBe('CodeMismatchException');
  });

  it('self-service: GetUser, UpdateUserAttributes (email change → unverified + code), ChangePassword, DeleteUser', async () => {
    const f = fixture({ codeMode: { kind: 'fixed', code: '654321' } });
    const { poolId, clientId } = await f.pool({ AutoVerifiedAttributes: ['email'] });
    await f.user(poolId, 'alice', PASSWORD, { email: 'alice@example.com', email_verified: 'true' });
    const t = (await f.ok('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD } })).AuthenticationResult;
    const me = await f.ok('GetUser', { AccessToken: t.AccessToken });
    expect(me.Username).toBe('alice');
    expect(me.UserAttributes.map((a: { Name: string }) => a.Name)).toEqual(['sub', 'email', 'email_verified']);
    const up = await f.ok('UpdateUserAttributes', { AccessToken: t.AccessToken, UserAttributes: [{ Name: 'email', Value: 'new@example.com' }, { Name: 'name', Value: 'Al' }] });
    expect(up.CodeDeliveryDetailsList).toEqual([{ Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }]);
    expect((await codes(f, poolId, 'alice')).attributes.email.code).toBe('654321');
    const after = await f.ok('GetUser', { AccessToken: t.AccessToken });
    expect(after.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'false' });
    expect((await f.fail('UpdateUserAttributes', { AccessToken: t.AccessToken, UserAttributes: [{ Name: 'email_verified', Value: 'true' }] })).type).toBe('NotAuthorizedException');
    expect((await f.fail('ChangePassword', { AccessToken: t.AccessToken, PreviousPassword: 'Wr0ng!pass', ProposedPassword: 'N3wPassw0rd!' })).message).toBe('Incorrect username or password.');
    expect((await f.fail('ChangePassword', { AccessToken: t.AccessToken, PreviousPassword: PASSWORD, ProposedPassword: 'weak' })).type).toBe('InvalidPasswordException');
    await f.ok('ChangePassword', { AccessToken: t.AccessToken, PreviousPassword: PASSWORD, ProposedPassword: 'N3wPassw0rd!' });
    await f.ok('DeleteUser', { AccessToken: t.AccessToken });
    expect((await f.fail('AdminGetUser', { UserPoolId: poolId, Username: 'alice' })).type).toBe('UserNotFoundException');
  });
});
