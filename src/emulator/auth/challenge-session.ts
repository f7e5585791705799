import type { EmulatorContext } from '../context.js';
import { newOpaqueToken } from '../store/ids.js';
import type { PoolState } from '../store/pool-state.js';
import type { ClientConfig, UserRecord } from '../store/types.js';

/** Starts a challenge that needs a Session (e.g. NEW_PASSWORD_REQUIRED) and returns the opaque Session string. */
export function startChallengeSession(ctx: EmulatorContext, pool: PoolState, client: ClientConfig, user: UserRecord, challengeName: string): string {
  const session = newOpaqueToken(ctx.random, 96);
  ctx.store.challengeSessions.set(
    session,
    { userPoolId: pool.config.id, clientId: client.clientId, username: user.username, challengeName },
    ctx.now(),
  );
  return session;
}

/** The NEW_PASSWORD_REQUIRED challenge answer: `userAttributes` and `requiredAttributes` are JSON strings. */
export function newPasswordRequired(ctx: EmulatorContext, pool: PoolState, client: ClientConfig, user: UserRecord): Record<string, unknown> {
  const userAttributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(user.attributes)) if (k !== 'sub') userAttributes[k] = v;
  const required = requiredAttributes(pool).filter((a) => user.attributes[a] === undefined);
  return {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: startChallengeSession(ctx, pool, client, user, 'NEW_PASSWORD_REQUIRED'),
    ChallengeParameters: {
      USER_ID_FOR_SRP: user.username,
      requiredAttributes: JSON.stringify(required.map((a) => `userAttributes.${a}`)),
      userAttributes: JSON.stringify(userAttributes),
    },
  };
}

/** Attribute names the pool's schema marks `Required: true`. */
export function requiredAttributes(pool: PoolState): string[] {
  const schema = pool.config.extra.Schema;
  if (!Array.isArray(schema)) return [];
  return schema
    .filter((a): a is { Name: string; Required: boolean } => typeof a === 'object' && a !== null && a.Required === true && typeof a.Name === 'string')
    .map((a) => a.Name);
}
