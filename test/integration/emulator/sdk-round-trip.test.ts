import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  InvalidParameterException,
  ListUsersCommand,
  NotAuthorizedException,
  paginateListUsers,
  SignUpCommand,
  ConfirmSignUpCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/start-emulator.js';

describe('emulator over HTTP with the AWS SDK', () => {
  let emu: RunningEmulator;
  let sdk: CognitoIdentityProviderClient;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, codeMode: { kind: 'fixed', code: '123456' } });
    sdk = new CognitoIdentityProviderClient({
      endpoint: emu.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    sdk.destroy();
    await emu.close();
  });

  it('creates a pool, client and users, signs in, refreshes, reads, lists and signs out; errors map to SDK classes', async () => {
    const pool = await sdk.send(new CreateUserPoolCommand({ PoolName: 'sdk' }));
    const poolId = pool.UserPool!.Id!;
    expect(poolId).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    expect(pool.UserPool!.CreationDate).toBeInstanceOf(Date);
    const client = await sdk.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    );
    const clientId = client.UserPoolClient!.ClientId!;
    await sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'alice', MessageAction: 'SUPPRESS' }));
    await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'alice', Password: 'Passw0rd!', Permanent: true }));
    const got = await sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
    expect(got.UserStatus).toBe('CONFIRMED');
    expect(got.UserCreateDate).toBeInstanceOf(Date);
    const auth = await sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD: 'Passw0rd!' } }));
    const tokens = auth.AuthenticationResult!;
    expect(tokens.ExpiresIn).toBe(3600);
    const me = await sdk.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    expect(me.Username).toBe('alice');
    const refreshed = await sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: tokens.RefreshToken }));
    expect(refreshed.AuthenticationResult?.AccessToken).toBeTruthy();

    await sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'bob', Password: 'Passw0rd!' }));
    await sdk.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'bob', ConfirmationCode: '123456' }));
    const names: string[] = [];
    for await (const page of paginateListUsers({ client: sdk, pageSize: 1 }, { UserPoolId: poolId })) names.push(...(page.Users ?? []).map((u) => u.Username!));
    expect(names).toEqual(['alice', 'bob']);
    expect((await sdk.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'username = "bob"' }))).Users).toHaveLength(1);

    const wrong = await sdk
      .send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD: 'wrong' } }))
      .catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(NotAuthorizedException);
    expect((wrong as Error).message).toBe('Incorrect username or password.');
    const ghost = await sdk
      .send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'ghost', PASSWORD: 'x' } }))
      .catch((e: unknown) => e);
    expect(ghost).toBeInstanceOf(UserNotFoundException);
    const bad = await sdk.send(new CreateUserPoolCommand({ PoolName: '' })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidParameterException);
    expect((bad as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);

    await sdk.send(new GlobalSignOutCommand({ AccessToken: tokens.AccessToken }));
    const revoked = await sdk.send(new GetUserCommand({ AccessToken: tokens.AccessToken })).catch((e: unknown) => e);
    expect(revoked).toBeInstanceOf(NotAuthorizedException);
  });
});
