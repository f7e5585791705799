import { err } from '../errors.js';
import { F, validateInput } from '../validation/validate-input.js';
import { requirePool } from './common.js';
import type { CognitoHandler } from './handler.js';

/** ListUserPoolClients: MaxResults 1-60 (default 60), NextToken = id of the next client. */
export const listUserPoolClients: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId, MaxResults: { type: 'integer' }, NextToken: { type: 'string', min: 1 } });
  const pool = requirePool(ctx, req.body.UserPoolId as string);
  const max = (req.body.MaxResults as number | undefined) ?? 60;
  if (max < 1 || max > 60) throw err.invalidParameter(`1 validation error detected: Value '${max}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 60`);
  const all = [...ctx.store.clients.values()].filter((c) => c.userPoolId === pool.config.id);
  const next = req.body.NextToken as string | undefined;
  const start = next ? all.findIndex((c) => c.clientId === next) : 0;
  if (start < 0) throw err.invalidParameter('Invalid pagination token');
  const out: Record<string, unknown> = {
    UserPoolClients: all.slice(start, start + max).map((c) => ({ ClientId: c.clientId, UserPoolId: c.userPoolId, ClientName: c.clientName })),
  };
  if (start + max < all.length) out.NextToken = all[start + max]!.clientId;
  return out;
};
