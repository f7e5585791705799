import { timingSafeEqual } from 'node:crypto';
import { secretHash } from '../../cognito/secret-hash.js';
import { codeDeliveryDetails } from '../auth/codes.js';
import type { EmulatorContext } from '../context.js';
import { err } from '../errors.js';
import type { PoolState } from '../store/pool-state.js';
import type { ClientConfig, UserRecord } from '../store/types.js';

/** The pool, or ResourceNotFoundException. */
export function requirePool(ctx: EmulatorContext, userPoolId: string): PoolState {
  const pool = ctx.store.pools.get(userPoolId);
  if (!pool) throw err.poolNotFound(userPoolId);
  return pool;
}

/** The client (and its pool), or ResourceNotFoundException. */
export function requireClient(ctx: EmulatorContext, clientId: string): { client: ClientConfig; pool: PoolState } {
  const client = ctx.store.clients.get(clientId);
  const pool = client ? ctx.store.pools.get(client.userPoolId) : undefined;
  if (!client || !pool) throw err.clientNotFound(clientId);
  return { client, pool };
}

/** A client of a given pool (admin operations name both). */
export function requirePoolClient(ctx: EmulatorContext, pool: PoolState, clientId: string): ClientConfig {
  const client = ctx.store.clients.get(clientId);
  if (!client || client.userPoolId !== pool.config.id) throw err.clientNotFound(clientId);
  return client;
}

/** The user named by what was typed (username or alias), or UserNotFoundException "User does not exist.". */
export function requireUser(pool: PoolState, name: string): UserRecord {
  const user = pool.bySignInName(name);
  if (!user) throw err.userNotFound();
  return user;
}

/**
 * Checks SECRET_HASH for a client with a secret (missing or wrong → NotAuthorizedException "Unable to verify secret
 * hash for client <id>"); a client without a secret ignores it. `username` is what the client hashed.
 */
export function checkSecretHash(client: ClientConfig, username: string, given: unknown): void {
  if (!client.clientSecret) return;
  if (typeof given !== 'string' || given.length === 0) throw err.secretHash(client.clientId);
  const expected = Buffer.from(secretHash(username, client.clientId, client.clientSecret));
  const g = Buffer.from(given);
  if (g.length !== expected.length || !timingSafeEqual(g, expected)) throw err.secretHash(client.clientId);
}

/**
 * The client, its pool and the user a public (unsigned) user operation names in `Username` (undefined when no such
 * user), after the SECRET_HASH check over the typed name: the common start of the code operations.
 */
export function publicUserTarget(
  ctx: EmulatorContext,
  body: Record<string, unknown>,
): { client: ClientConfig; pool: PoolState; user: UserRecord | undefined } {
  const { client, pool } = requireClient(ctx, body.ClientId as string);
  checkSecretHash(client, body.Username as string, body.SecretHash);
  return { client, pool, user: pool.bySignInName(body.Username as string) };
}

/**
 * Answer of a code-sending operation (ForgotPassword, ResendConfirmationCode) for an unknown user: a plausible
 * CodeDeliveryDetails with PreventUserExistenceErrors ENABLED, else UserNotFoundException.
 */
export function unknownUserCodeDelivery(client: ClientConfig, username: string): { CodeDeliveryDetails: unknown } {
  if (client.preventUserExistenceErrors !== 'ENABLED') throw err.userNotFound();
  return { CodeDeliveryDetails: codeDeliveryDetails({ email: `${username}@example.com` }) };
}

/** Like {@link checkSecretHash}, accepting a hash over any of several names (typed alias or internal username). */
export function checkSecretHashAny(client: ClientConfig, usernames: readonly string[], given: unknown): void {
  if (!client.clientSecret) return;
  for (const u of usernames) {
    try {
      checkSecretHash(client, u, given);
      return;
    } catch {
      // try the next name
    }
  }
  throw err.secretHash(client.clientId);
}

/** Cognito's `AttributeType` list. */
export function attributeList(attributes: Record<string, string>, only?: readonly string[] | null): { Name: string; Value: string }[] {
  const out: { Name: string; Value: string }[] = [];
  for (const [Name, Value] of Object.entries(attributes)) {
    if (only && Name !== 'sub' && !only.includes(Name)) continue;
    out.push({ Name, Value });
  }
  return out;
}

/** Epoch seconds, as AWS JSON 1.1 encodes timestamps. */
export function epochSec(ms: number): number {
  return ms / 1000;
}

/** The AdminGetUser / ListUsers shape of a user. */
export function userType(user: UserRecord): Record<string, unknown> {
  return {
    Username: user.username,
    Attributes: attributeList(user.attributes),
    UserCreateDate: epochSec(user.createdAtMs),
    UserLastModifiedDate: epochSec(user.modifiedAtMs),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** Reads an optional string member (already type-checked by validateInput). */
export function optString(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  return typeof v === 'string' ? v : undefined;
}

/** Reads a string map member such as AuthParameters (values already type-checked). */
export function stringMap(body: Record<string, unknown>, name: string): Record<string, string> {
  const v = body[name];
  if (typeof v !== 'object' || v === null) return {};
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}
