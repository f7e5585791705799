import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CognitoServiceError } from '../cognito/service-error.js';
import { InputError, type InputProblem } from '../errors.js';
import type { EmulatorApp } from './app.js';
import { parseAttributes } from './handlers/attributes.js';
import { clientConfigFrom } from './handlers/create-user-pool-client.js';
import { addPool, poolConfigFrom } from './handlers/create-user-pool.js';
import { createUser } from './handlers/user-factory.js';

const userSchema = z.strictObject({
  username: z.string().min(1),
  password: z.string().min(1),
  attributes: z.record(z.string(), z.string()).optional(),
  status: z.enum(['CONFIRMED', 'UNCONFIRMED', 'FORCE_CHANGE_PASSWORD']).optional(),
  enabled: z.boolean().optional(),
  groups: z.array(z.string()).optional(),
});

const clientSchema = z.looseObject({
  ClientName: z.string().min(1),
  clientId: z.string().regex(/^[\w+]+$/).optional(),
  clientSecret: z.string().min(1).optional(),
});

const poolSchema = z.looseObject({
  id: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/).optional(),
  PoolName: z.string().min(1),
  clients: z.array(clientSchema).optional(),
  groups: z.array(z.strictObject({ GroupName: z.string().min(1), Description: z.string().optional(), Precedence: z.number().int().optional() })).optional(),
  users: z.array(userSchema).optional(),
});

/**
 * `--bootstrap` file (YAML or JSON): pools with their clients, groups and users, created at start.
 * Pool and client entries take CreateUserPool / CreateUserPoolClient members (PascalCase) plus optional fixed
 * `id` (pool), `clientId` and `clientSecret` (client). Users: `username`, `password`, `attributes` (name → value),
 * `status` (default CONFIRMED), `enabled`, `groups`.
 */
export const bootstrapSchema = z.strictObject({ pools: z.array(poolSchema) });

/** A parsed bootstrap document. */
export type BootstrapDocument = z.infer<typeof bootstrapSchema>;

/** What bootstrap created: ids only (never secrets). */
export interface BootstrapSummary {
  pools: { id: string; name: string; clientIds: string[]; users: number }[];
}

/** Reads and validates a bootstrap file; every problem is reported at once as an InputError (exit 2). */
export async function readBootstrapFile(file: string): Promise<BootstrapDocument> {
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(file, 'utf8'));
  } catch (e) {
    throw new InputError(`cannot read bootstrap file ${file}`, [{ file, path: '', message: (e as Error).message }]);
  }
  const r = bootstrapSchema.safeParse(raw);
  if (!r.success) {
    const problems: InputProblem[] = r.error.issues.map((i) => ({ file, path: i.path.map(String).join('.'), message: i.message }));
    throw new InputError(`invalid bootstrap file ${file}`, problems, 'See the emulator section of the README for the format.');
  }
  return r.data;
}

/** Creates the document's pools, clients, groups and users; pools whose id already exists are left as they are. */
export async function applyBootstrap(app: EmulatorApp, doc: BootstrapDocument): Promise<BootstrapSummary> {
  const ctx = app.context;
  const summary: BootstrapSummary = { pools: [] };
  for (const [pi, p] of doc.pools.entries()) {
    const where = `pools.${pi}`;
    try {
      if (p.id && ctx.store.pools.has(p.id)) continue;
      const { id, clients, groups, users, ...body } = p;
      const pool = addPool(ctx, poolConfigFrom(ctx, body, id));
      const clientIds: string[] = [];
      for (const c of clients ?? []) {
        const { clientId, clientSecret, ...cbody } = c;
        const client = clientConfigFrom(ctx, pool, cbody, { clientId, clientSecret });
        ctx.store.clients.set(client.clientId, client);
        clientIds.push(client.clientId);
      }
      const nowMs = ctx.now();
      for (const g of groups ?? []) {
        pool.groups.set(g.GroupName, { groupName: g.GroupName, description: g.Description, precedence: g.Precedence, createdAtMs: nowMs, modifiedAtMs: nowMs });
      }
      for (const u of users ?? []) {
        const attrs = parseAttributes(pool, Object.entries(u.attributes ?? {}).map(([Name, Value]) => ({ Name, Value })));
        const user = createUser(ctx, pool, {
          typedUsername: u.username,
          password: u.password,
          attributes: attrs,
          status: u.status ?? 'CONFIRMED',
          existsMessage: `duplicate user ${u.username}`,
        });
        if (u.enabled === false) user.enabled = false;
        user.groups = [...(u.groups ?? [])];
      }
      summary.pools.push({ id: pool.config.id, name: pool.config.name, clientIds, users: users?.length ?? 0 });
    } catch (e) {
      if (e instanceof CognitoServiceError) throw new InputError('invalid bootstrap document', [{ path: where, message: `${e.type}: ${e.message}` }]);
      throw e;
    }
  }
  await Promise.all(summary.pools.map((p) => ctx.store.keys.get(p.id)));
  return summary;
}
