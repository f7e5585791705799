import type { OperationHandler, OperationRequest } from '../layer.js';
import type { IdentityPoolDeps } from './identity-pool-deps.js';
import { identityErrors, requireInt, requireString } from './identity-pool-errors.js';
import type { CognitoIdentityProviderEntry, IdentityPool } from './identity-pool-store.js';

/**
 * Identity-pool management: CreateIdentityPool, DescribeIdentityPool, UpdateIdentityPool, ListIdentityPools,
 * DeleteIdentityPool, SetIdentityPoolRoles, GetIdentityPoolRoles. Responses mirror the Cognito Identity API shapes.
 */
export function poolManagementHandlers(deps: IdentityPoolDeps): Record<string, OperationHandler> {
  const { store } = deps;
  const getPool = (body: Record<string, unknown>): IdentityPool => {
    const id = requireString(body, 'IdentityPoolId');
    const pool = store.pools.get(id);
    if (!pool) throw identityErrors.poolNotFound(id);
    return pool;
  };
  const ok = (body: unknown) => ({ status: 200, body });

  return {
    CreateIdentityPool: async ({ body }: OperationRequest) => {
      const name = requireString(body, 'IdentityPoolName');
      if (!/^[\w ]{1,128}$/.test(name)) throw identityErrors.invalid(`Invalid IdentityPoolName: ${name}`);
      if (typeof body['AllowUnauthenticatedIdentities'] !== 'boolean') throw identityErrors.missing('AllowUnauthenticatedIdentities');
      const pool: IdentityPool = { IdentityPoolId: `${deps.region}:${deps.uuid()}`, ...poolFields(body, name) };
      store.pools.set(pool.IdentityPoolId, pool);
      return ok(pool);
    },
    DescribeIdentityPool: async ({ body }: OperationRequest) => ok(getPool(body)),
    UpdateIdentityPool: async ({ body }: OperationRequest) => {
      const pool = getPool(body);
      const name = requireString(body, 'IdentityPoolName');
      if (typeof body['AllowUnauthenticatedIdentities'] !== 'boolean') throw identityErrors.missing('AllowUnauthenticatedIdentities');
      const updated: IdentityPool = { IdentityPoolId: pool.IdentityPoolId, ...poolFields(body, name) };
      store.pools.set(pool.IdentityPoolId, updated);
      return ok(updated);
    },
    ListIdentityPools: async ({ body }: OperationRequest) => {
      const max = requireInt(body, 'MaxResults', 1, 60);
      const start = decodeNextToken(body['NextToken']);
      const all = [...store.pools.values()];
      const page = all.slice(start, start + max).map((p) => ({ IdentityPoolId: p.IdentityPoolId, IdentityPoolName: p.IdentityPoolName }));
      const next = start + max < all.length ? encodeNextToken(start + max) : undefined;
      return ok(next === undefined ? { IdentityPools: page } : { IdentityPools: page, NextToken: next });
    },
    DeleteIdentityPool: async ({ body }: OperationRequest) => {
      const pool = getPool(body);
      store.deletePool(pool.IdentityPoolId);
      return ok({});
    },
    SetIdentityPoolRoles: async ({ body }: OperationRequest) => {
      const pool = getPool(body);
      const roles = body['Roles'];
      if (typeof roles !== 'object' || roles === null || Array.isArray(roles)) throw identityErrors.missing('Roles');
      for (const [k, v] of Object.entries(roles)) {
        if ((k !== 'authenticated' && k !== 'unauthenticated') || typeof v !== 'string' || !v.startsWith('arn:')) {
          throw identityErrors.invalid(`Invalid role: ${k}`);
        }
      }
      const mappings = body['RoleMappings'];
      store.roles.set(pool.IdentityPoolId, {
        Roles: roles as Record<string, string>,
        ...(typeof mappings === 'object' && mappings !== null ? { RoleMappings: mappings as Record<string, unknown> } : {}),
      });
      return ok({});
    },
    GetIdentityPoolRoles: async ({ body }: OperationRequest) => {
      const pool = getPool(body);
      const roles = store.roles.get(pool.IdentityPoolId);
      return ok({ IdentityPoolId: pool.IdentityPoolId, Roles: roles?.Roles ?? {}, ...(roles?.RoleMappings ? { RoleMappings: roles.RoleMappings } : {}) });
    },
  };
}

function poolFields(body: Record<string, unknown>, name: string): Omit<IdentityPool, 'IdentityPoolId'> {
  const providers = body['CognitoIdentityProviders'];
  if (providers !== undefined && (!Array.isArray(providers) || providers.some((p) => typeof p?.ProviderName !== 'string'))) {
    throw identityErrors.invalid('CognitoIdentityProviders must be a list of {ProviderName, ClientId, ServerSideTokenCheck}');
  }
  const copy = <T>(key: string): Record<string, T> => (body[key] === undefined ? {} : { [key]: body[key] as T });
  return {
    IdentityPoolName: name,
    AllowUnauthenticatedIdentities: body['AllowUnauthenticatedIdentities'] as boolean,
    ...copy<boolean>('AllowClassicFlow'),
    ...copy<Record<string, string>>('SupportedLoginProviders'),
    ...copy<string>('DeveloperProviderName'),
    ...copy<string[]>('OpenIdConnectProviderARNs'),
    ...(providers === undefined ? {} : { CognitoIdentityProviders: providers as CognitoIdentityProviderEntry[] }),
    ...copy<string[]>('SamlProviderARNs'),
    ...copy<Record<string, string>>('IdentityPoolTags'),
  };
}

/** Page offset from a NextToken (base64 of the offset); 0 when absent, InvalidParameterException when malformed. */
export function decodeNextToken(token: unknown): number {
  if (token === undefined || token === null) return 0;
  const n = typeof token === 'string' ? Number(Buffer.from(token, 'base64url').toString('utf8')) : Number.NaN;
  if (!Number.isInteger(n) || n < 0) throw identityErrors.invalid('Invalid NextToken');
  return n;
}

/** NextToken for a page offset. */
export function encodeNextToken(offset: number): string {
  return Buffer.from(String(offset)).toString('base64url');
}
