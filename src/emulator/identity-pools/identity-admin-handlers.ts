import type { OperationHandler, OperationRequest } from '../layer.js';
import type { IdentityPoolDeps } from './identity-pool-deps.js';
import { identityErrors, requireInt, requireString } from './identity-pool-errors.js';
import { decodeNextToken, encodeNextToken } from './pool-management-handlers.js';

/** ListIdentities, DescribeIdentity and DeleteIdentities (timestamps in epoch seconds, as JSON 1.1 encodes them). */
export function identityAdminHandlers(deps: IdentityPoolDeps): Record<string, OperationHandler> {
  const { store } = deps;
  const describe = (i: { IdentityId: string; logins: Map<string, string>; creationDateMs: number; lastModifiedDateMs: number }) => ({
    IdentityId: i.IdentityId,
    Logins: [...i.logins.keys()],
    CreationDate: i.creationDateMs / 1000,
    LastModifiedDate: i.lastModifiedDateMs / 1000,
  });
  return {
    ListIdentities: async ({ body }: OperationRequest) => {
      const poolId = requireString(body, 'IdentityPoolId');
      const max = requireInt(body, 'MaxResults', 1, 60);
      if (!store.pools.has(poolId)) throw identityErrors.poolNotFound(poolId);
      const start = decodeNextToken(body['NextToken']);
      const all = [...store.identities.values()].filter((i) => i.IdentityPoolId === poolId);
      const page = all.slice(start, start + max).map(describe);
      const next = start + max < all.length ? { NextToken: encodeNextToken(start + max) } : {};
      return { status: 200, body: { IdentityPoolId: poolId, Identities: page, ...next } };
    },
    DescribeIdentity: async ({ body }: OperationRequest) => {
      const id = requireString(body, 'IdentityId');
      const identity = store.identities.get(id);
      if (!identity) throw identityErrors.identityNotFound(id);
      return { status: 200, body: describe(identity) };
    },
    DeleteIdentities: async ({ body }: OperationRequest) => {
      const ids = body['IdentityIdsToDelete'];
      if (!Array.isArray(ids) || ids.length < 1 || ids.length > 60 || ids.some((x) => typeof x !== 'string')) {
        throw identityErrors.invalid('IdentityIdsToDelete must hold 1 to 60 identity ids');
      }
      for (const id of ids as string[]) store.deleteIdentity(id);
      return { status: 200, body: { UnprocessedIdentityIds: [] } };
    },
  };
}
