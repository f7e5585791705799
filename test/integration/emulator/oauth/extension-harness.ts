import type { AddressInfo } from 'node:net';
import type { EmulatorApp } from '../../../../src/emulator/app.js';
import type { Layer } from '../../../../src/emulator/layer.js';
import { createEmulatorAppWithExtensions, type CognitoExtensions, type CognitoExtensionsOptions } from '../../../../src/emulator/oauth/cognito-extensions.js';
import { createEmulatorServer } from '../../../../src/emulator/server.js';

/** A running emulator with the OAuth, federation and identity-pool extensions, on 127.0.0.1 port 0. */
export interface ExtendedEmulator {
  readonly app: EmulatorApp;
  readonly extensions: CognitoExtensions;
  readonly url: string;
  close(): Promise<void>;
}

export async function startExtendedEmulator(options: { layers?: Layer[]; extensions?: CognitoExtensionsOptions } = {}): Promise<ExtendedEmulator> {
  const { app, extensions } = createEmulatorAppWithExtensions({ layers: options.layers ?? [], extensions: options.extensions ?? {} });
  const server = createEmulatorServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    app,
    extensions,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Calls an operation in-process and returns its body, failing the test on an error answer. */
export async function must(app: EmulatorApp, operation: string, body: Record<string, unknown>, service?: string): Promise<Record<string, any>> {
  const res = await app.call(operation, body, service);
  if (res.status !== 200) throw new Error(`${operation} failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

export const CALLBACK = 'http://localhost:3000/callback';
export const PASSWORD = 'Passw0rd!x';

/** A pool with a resource server, an M2M client, a hosted-UI client (with secret) and a confirmed user `alice`. */
export async function seedOAuthPool(app: EmulatorApp): Promise<{ poolId: string; m2m: { id: string; secret: string }; web: { id: string; secret: string } }> {
  const pool = await must(app, 'CreateUserPool', { PoolName: 'oauth-pool' });
  const poolId = pool['UserPool'].Id as string;
  await must(app, 'CreateResourceServer', {
    UserPoolId: poolId,
    Identifier: 'https://api.example.com',
    Name: 'api',
    Scopes: [
      { ScopeName: 'read', ScopeDescription: 'read' },
      { ScopeName: 'write', ScopeDescription: 'write' },
    ],
  });
  const m2m = await must(app, 'CreateUserPoolClient', {
    UserPoolId: poolId,
    ClientName: 'm2m',
    GenerateSecret: true,
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthScopes: ['https://api.example.com/read', 'https://api.example.com/write'],
    AllowedOAuthFlowsUserPoolClient: true,
  });
  const web = await must(app, 'CreateUserPoolClient', {
    UserPoolId: poolId,
    ClientName: 'web',
    GenerateSecret: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email', 'profile', 'https://api.example.com/read'],
    AllowedOAuthFlowsUserPoolClient: true,
    CallbackURLs: [CALLBACK],
    SupportedIdentityProviders: ['COGNITO'],
    ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
  });
  await must(app, 'AdminCreateUser', {
    UserPoolId: poolId,
    Username: 'alice',
    TemporaryPassword: 'Temp0rary!x',
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: 'alice@example.com' },
      { Name: 'email_verified', Value: 'true' },
    ],
  });
  await must(app, 'AdminSetUserPassword', { UserPoolId: poolId, Username: 'alice', Password: PASSWORD, Permanent: true });
  return {
    poolId,
    m2m: { id: m2m['UserPoolClient'].ClientId, secret: m2m['UserPoolClient'].ClientSecret },
    web: { id: web['UserPoolClient'].ClientId, secret: web['UserPoolClient'].ClientSecret },
  };
}

export const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** POSTs a form; returns status and parsed JSON (or text). */
export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body, headers: res.headers };
}

/** GET without following redirects. */
export async function getManual(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { redirect: 'manual', headers });
}
