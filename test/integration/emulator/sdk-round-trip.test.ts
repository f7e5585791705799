import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
  NotAuthorizedException,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/start-emulator.js';

describe('emulator over HTTP with the AWS SDK', () => {
  let emu: RunningEmulator;
  let sdk: CognitoIdentityProviderClient;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
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

  it('creates a pool, a client and a user, signs in and reads the user', async () => {
    const pool = await sdk.send(new CreateUserPoolCommand({ PoolName: 'sdk' }));
    const poolId = pool.UserPool!.Id!;
    expect(poolId).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    expect(pool.UserPool!.CreationDate).toBeInstanceOf(Date);
    const client = await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }));
    const clientId = client.UserPoolClient!.ClientId!;
    await sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'alice', MessageAction: 'SUPPRESS' }));
    await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'alice', Password: 'Passw0rd!', Permanent: true }));
    const auth = await sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD: 'Passw0rd!' } }));
    expect(auth.AuthenticationResult?.AccessToken).toBeTruthy();
    const err = await sdk
      .send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD: 'wrong' } }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotAuthorizedException);
    expect((err as Error).message).toBe('Incorrect username or password.');
    void GetUserCommand;
  });
});
