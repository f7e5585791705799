import { z } from 'zod';
import { CognitoServiceError } from '../cognito/service-error.js';
import type { EmulatorContext } from './context.js';
import { parseAttributes } from './handlers/attributes.js';
import { createUser } from './handlers/user-factory.js';
import type { HttpResponse, HttpRoute } from './http-route.js';

const seedSchema = z.strictObject({
  userPoolId: z.string().min(1),
  users: z
    .array(
      z.strictObject({
        username: z.string().min(1),
        password: z.string().min(1),
        attributes: z.record(z.string(), z.string()).optional(),
        status: z.enum(['CONFIRMED', 'UNCONFIRMED', 'FORCE_CHANGE_PASSWORD']).optional(),
      }),
    )
    .max(100_000),
});

/** Body of `POST /_cogcap/users`. */
export type SeedRequest = z.infer<typeof seedSchema>;

/**
 * Emulator-only bulk seeding: `POST /_cogcap/users` with `{"userPoolId", "users": [{username, password,
 * attributes?, status? (default CONFIRMED)}]}` creates the users without going through the API (no quota, no
 * triggers, no password policy: the caller chooses the passwords). Answers `{"created": n, "existing": m}`; users
 * whose name is taken are skipped and counted as existing. 400 for a bad body, 404 for an unknown pool.
 * Cost ≈ 10 µs per user: 100,000 users in about a second (in batches that fit the server's body limit).
 */
export function seedRoute(ctx: EmulatorContext): HttpRoute {
  return async (req): Promise<HttpResponse | undefined> => {
    if (req.path !== '/_cogcap/users' || req.method !== 'POST') return undefined;
    const json = { 'content-type': 'application/json' };
    let parsed: SeedRequest;
    try {
      const r = seedSchema.safeParse(JSON.parse(req.body.toString('utf8')));
      if (!r.success) return { status: 400, headers: json, body: { message: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } };
      parsed = r.data;
    } catch {
      return { status: 400, headers: json, body: { message: 'body must be JSON' } };
    }
    const pool = ctx.store.pools.get(parsed.userPoolId);
    if (!pool) return { status: 404, headers: json, body: { message: `User pool ${parsed.userPoolId} does not exist.` } };
    let created = 0;
    let existing = 0;
    for (const [i, u] of parsed.users.entries()) {
      try {
        const attrs = u.attributes ? parseAttributes(pool, Object.entries(u.attributes).map(([Name, Value]) => ({ Name, Value }))) : {};
        createUser(ctx, pool, { typedUsername: u.username, password: u.password, attributes: attrs, status: u.status ?? 'CONFIRMED', existsMessage: 'exists' });
        created += 1;
      } catch (e) {
        if (e instanceof CognitoServiceError && e.type === 'UsernameExistsException') existing += 1;
        else if (e instanceof CognitoServiceError) {
          return { status: 400, headers: json, body: { message: `users.${i}: ${e.type}: ${e.message}`, created, existing } };
        } else throw e;
      }
    }
    return { status: 200, headers: json, body: { created, existing } };
  };
}
