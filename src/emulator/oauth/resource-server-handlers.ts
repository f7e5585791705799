import { CognitoServiceError } from '../../cognito/service-error.js';
import { requirePool } from '../handlers/common.js';
import type { EmulatorContext } from '../context.js';
import type { OperationHandler, OperationRequest, OperationResponse } from '../layer.js';
import type { ResourceServer, ResourceServerScope, ResourceServerStore } from './resource-server-store.js';

const invalid = (message: string) => new CognitoServiceError('InvalidParameterException', message);
const IDENTIFIER = /^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/;
const NAME = /^[\w\s+=,.@-]{1,256}$/;
const SCOPE_NAME = /^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]{1,256}$/;

function field(body: Record<string, unknown>, name: string, pattern: RegExp): string {
  const v = body[name];
  if (typeof v !== 'string') throw invalid(`1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
  if (!pattern.test(v)) throw invalid(`1 validation error detected: Value '${v}' at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern.source}`);
  return v;
}

function scopes(body: Record<string, unknown>): ResourceServerScope[] {
  const v = body['Scopes'];
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > 100) throw invalid('Scopes must be a list of at most 100 scopes');
  const seen = new Set<string>();
  return v.map((s: unknown) => {
    const o = (typeof s === 'object' && s !== null ? s : {}) as Record<string, unknown>;
    const ScopeName = field(o, 'ScopeName', SCOPE_NAME);
    const ScopeDescription = field(o, 'ScopeDescription', /^.{1,256}$/s);
    if (seen.has(ScopeName)) throw invalid(`Duplicate scope name ${ScopeName}`);
    seen.add(ScopeName);
    return { ScopeName, ScopeDescription };
  });
}

const ok = (body: unknown): OperationResponse => ({ status: 200, body });

/**
 * CreateResourceServer, DescribeResourceServer, ListResourceServers, UpdateResourceServer, DeleteResourceServer
 * (service `AWSCognitoIdentityProviderService`), keyed by operation name. Custom scopes are `<Identifier>/<ScopeName>`.
 */
export function resourceServerHandlers(ctx: EmulatorContext, store: ResourceServerStore): Record<string, OperationHandler> {
  const existing = (req: OperationRequest): ResourceServer => {
    const poolId = field(req.body, 'UserPoolId', /^[\w-]+_[0-9a-zA-Z]+$/);
    requirePool(ctx, poolId);
    const id = field(req.body, 'Identifier', IDENTIFIER);
    const server = store.get(poolId, id);
    if (!server) throw new CognitoServiceError('ResourceNotFoundException', `Resource server ${id} does not exist.`);
    return server;
  };
  const build = (req: OperationRequest): ResourceServer => {
    const poolId = field(req.body, 'UserPoolId', /^[\w-]+_[0-9a-zA-Z]+$/);
    requirePool(ctx, poolId);
    return { UserPoolId: poolId, Identifier: field(req.body, 'Identifier', IDENTIFIER), Name: field(req.body, 'Name', NAME), Scopes: scopes(req.body) };
  };
  return {
    CreateResourceServer: async (req) => {
      const server = build(req);
      if (store.get(server.UserPoolId, server.Identifier)) {
        throw invalid(`A resource server with identifier ${server.Identifier} already exists in this user pool.`);
      }
      store.put(server);
      return ok({ ResourceServer: server });
    },
    DescribeResourceServer: async (req) => ok({ ResourceServer: existing(req) }),
    UpdateResourceServer: async (req) => {
      existing(req);
      const server = build(req);
      store.put(server);
      return ok({ ResourceServer: server });
    },
    DeleteResourceServer: async (req) => {
      const server = existing(req);
      store.delete(server.UserPoolId, server.Identifier);
      return ok({});
    },
    ListResourceServers: async (req) => {
      const poolId = field(req.body, 'UserPoolId', /^[\w-]+_[0-9a-zA-Z]+$/);
      requirePool(ctx, poolId);
      const max = typeof req.body['MaxResults'] === 'number' ? req.body['MaxResults'] : 50;
      if (!Number.isInteger(max) || max < 1 || max > 50) throw invalid('MaxResults must be between 1 and 50');
      const start = typeof req.body['NextToken'] === 'string' ? Number(req.body['NextToken']) : 0;
      if (!Number.isInteger(start) || start < 0) throw invalid('Invalid NextToken');
      const all = store.list(poolId);
      const next = start + max < all.length ? { NextToken: String(start + max) } : {};
      return ok({ ResourceServers: all.slice(start, start + max), ...next });
    },
  };
}
