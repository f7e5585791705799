import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InputError, TargetError } from '../../errors.js';

/** Tokens of signed-in users, ready for an API load (held in memory only, never printed or written). */
export interface TokenPool {
  readonly tokens: readonly string[];
  /** Pool the tokens come from, when the pool was built here. */
  readonly userPoolId?: string;
  /** JWKS URL that verifies the tokens (emulator pools). */
  readonly jwksUrl?: string;
  /** `iss` claim of the tokens (emulator pools). */
  readonly issuer?: string;
  /** Deletes what was created (the emulator pool); no-op for a file. */
  cleanup(): Promise<void>;
}

/** Options of {@link buildEmulatorTokenPool}. */
export interface EmulatorTokenPoolOptions {
  /** Emulator base URL, e.g. `http://127.0.0.1:9229`. */
  readonly endpoint: string;
  /** Users to create and sign in (default 10, at most 10,000). */
  readonly users?: number;
  /** `access` (default) or `id` tokens. */
  readonly tokenUse?: 'access' | 'id';
  /** Sign-ins in flight at once while building the pool (default 4, well under the UserAuthentication quota). */
  readonly concurrency?: number;
}

const IDP = 'AWSCognitoIdentityProviderService';

async function call(endpoint: string, operation: string, body: Record<string, unknown>): Promise<Record<string, any>> {
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${IDP}.${operation}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    throw new TargetError(`cannot reach the emulator at ${endpoint}: ${(err as Error).message}`, 'Start one with: cogcap emulator');
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, any>;
  if (res.status !== 200) throw new TargetError(`${operation} failed on ${endpoint}: ${String(json['__type'] ?? res.status)}`);
  return json;
}

/**
 * Builds a token pool on a cogcap emulator: a new user pool and app client (USER_PASSWORD_AUTH), `users` confirmed
 * users with random passwords, each signed in once. `cleanup()` deletes the pool. Throttled sign-ins are retried
 * after a short pause (the pool is built before the load, its pace does not matter).
 */
export async function buildEmulatorTokenPool(options: EmulatorTokenPoolOptions): Promise<TokenPool> {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const users = options.users ?? 10;
  if (!Number.isInteger(users) || users < 1 || users > 10_000) throw new InputError('invalid users', [{ path: '--users', message: `expected 1-10000, got ${users}` }]);
  const suffix = randomBytes(3).toString('hex');
  const pool = await call(endpoint, 'CreateUserPool', { PoolName: `cogcap-api-load-${suffix}` });
  const userPoolId = pool['UserPool'].Id as string;
  const cleanup = async (): Promise<void> => {
    await call(endpoint, 'DeleteUserPool', { UserPoolId: userPoolId }).catch(() => {});
  };
  try {
    const client = await call(endpoint, 'CreateUserPoolClient', {
      UserPoolId: userPoolId,
      ClientName: 'cogcap-api-load',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    const clientId = client['UserPoolClient'].ClientId as string;
    const tokens: string[] = new Array(users);
    const one = async (i: number): Promise<void> => {
      const username = `api-${suffix}-${i}`;
      const password = `Aa1!${randomBytes(12).toString('base64url')}`;
      await call(endpoint, 'AdminCreateUser', { UserPoolId: userPoolId, Username: username, MessageAction: 'SUPPRESS' });
      await call(endpoint, 'AdminSetUserPassword', { UserPoolId: userPoolId, Username: username, Password: password, Permanent: true });
      for (let attempt = 0; ; attempt += 1) {
        try {
          const auth = await call(endpoint, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } });
          const r = auth['AuthenticationResult'];
          tokens[i] = options.tokenUse === 'id' ? r.IdToken : r.AccessToken;
          return;
        } catch (err) {
          if (attempt >= 20 || !/TooManyRequests/.test((err as Error).message)) throw err;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    };
    let nextIndex = 0;
    const worker = async (): Promise<void> => {
      while (nextIndex < users) await one(nextIndex++);
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, users) }, worker));
    const issuerPath = `${endpoint}/${userPoolId}`;
    return { tokens, userPoolId, jwksUrl: `${issuerPath}/.well-known/jwks.json`, issuer: await issuerOf(endpoint, userPoolId, issuerPath), cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** The pool's issuer from its discovery document (falls back to `<endpoint>/<poolId>`). */
async function issuerOf(endpoint: string, userPoolId: string, fallback: string): Promise<string> {
  try {
    const res = await fetch(`${endpoint}/${userPoolId}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
    const doc = (await res.json()) as { issuer?: string };
    return doc.issuer ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * Reads a token pool from a file: one token per line (blank lines and `#` comments ignored), e.g. tokens of users
 * signed in against AWS. {@link InputError} when the file is missing or holds no token; the tokens are never echoed.
 */
export async function readTokenFile(path: string): Promise<TokenPool> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read the tokens file ${path}`, [{ path: '--tokens-file', message: (err as NodeJS.ErrnoException).code ?? 'unreadable' }]);
  }
  const tokens = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (tokens.length === 0) throw new InputError(`no token in ${path}`, [{ path: '--tokens-file', message: 'expected one token per line' }]);
  return { tokens, cleanup: async () => {} };
}
