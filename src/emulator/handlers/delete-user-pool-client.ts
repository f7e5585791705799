import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requirePoolClient } from './common.js';
import type { CognitoHandler } from './handler.js';

/** DeleteUserPoolClient (its sessions' refresh tokens stop working: the client is gone). */
export const deleteUserPoolClient: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId, ClientId: F.clientId });
  const pool = requirePool(ctx, req.body.UserPoolId as string);
  const client = requirePoolClient(ctx, pool, req.body.ClientId as string);
  ctx.store.clients.delete(client.clientId);
  return {};
};
