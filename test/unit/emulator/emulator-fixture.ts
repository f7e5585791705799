import { createEmulatorApp, type EmulatorApp, type EmulatorAppOptions } from '../../../src/emulator/app.js';
import { EmulatorStore } from '../../../src/emulator/store/emulator-store.js';
import { generatePoolKeys } from '../../../src/emulator/tokens/key-ring.js';
import type { PoolSigningKeys } from '../../../src/emulator/tokens/signing-key.js';

let shared: Promise<PoolSigningKeys> | undefined;
/** One pair of RSA keys shared by every pool in a test file (key generation is the slow part of creating pools). */
export const sharedKeys = (): Promise<PoolSigningKeys> => (shared ??= generatePoolKeys());

/** A manual clock starting at 2025-03-04T09:05:07Z. */
export function manualClock(startMs = Date.UTC(2025, 2, 4, 9, 5, 7)): { now: () => number; advance(ms: number): void } {
  let t = startMs;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

/** An in-process emulator with helpers to call operations and expect success or a typed error. */
export interface Fixture {
  app: EmulatorApp;
  ok(op: string, body: Record<string, unknown>): Promise<Record<string, any>>;
  fail(op: string, body: Record<string, unknown>): Promise<{ type: string; message: string; status: number }>;
  /** Creates a pool + client (+ options) and returns their ids. */
  pool(poolBody?: Record<string, unknown>, clientBody?: Record<string, unknown>): Promise<{ poolId: string; clientId: string; clientSecret?: string }>;
  /** Creates a CONFIRMED user with a permanent password. */
  user(poolId: string, username: string, password: string, attributes?: Record<string, string>): Promise<void>;
}

export const PASSWORD = 'Passw0rd!';

export function fixture(options: EmulatorAppOptions = {}): Fixture {
  const app = createEmulatorApp({ store: new EmulatorStore({ keyFactory: sharedKeys }), ...options });
  const f: Fixture = {
    app,
    async ok(op, body) {
      const r = await app.call(op, body);
      if (r.status !== 200) throw new Error(`${op} failed: ${JSON.stringify(r.body)}`);
      return r.body;
    },
    async fail(op, body) {
      const r = await app.call(op, body);
      if (r.status === 200) throw new Error(`${op} unexpectedly succeeded: ${JSON.stringify(r.body)}`);
      return { type: r.body.__type as string, message: r.body.message as string, status: r.status };
    },
    async pool(poolBody = {}, clientBody = {}) {
      const p = await f.ok('CreateUserPool', { PoolName: 'test-pool', ...poolBody });
      const poolId = p.UserPool.Id as string;
      const c = await f.ok('CreateUserPoolClient', {
        UserPoolId: poolId,
        ClientName: 'test-client',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        ...clientBody,
      });
      return { poolId, clientId: c.UserPoolClient.ClientId, clientSecret: c.UserPoolClient.ClientSecret };
    },
    async user(poolId, username, password, attributes = {}) {
      await f.ok('AdminCreateUser', {
        UserPoolId: poolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
      });
      await f.ok('AdminSetUserPassword', { UserPoolId: poolId, Username: username, Password: password, Permanent: true });
    },
  };
  return f;
}
