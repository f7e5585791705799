import { timingSafeEqual } from 'node:crypto';
import type { HttpRequest } from '../http-route.js';
import type { PoolState } from '../store/pool-state.js';
import type { ClientConfig } from '../store/types.js';
import type { EmulatorContext } from '../context.js';
import { basicCredentials } from './form-body.js';
import { OAuthError } from './oauth-error.js';

/**
 * Authenticates the client of a token or revoke request: HTTP Basic (`client_id:client_secret`) or `client_id` and
 * `client_secret` in the form body. A client with a secret must present it; a client without one may omit it.
 * Unknown client, wrong or missing secret, or a client of another pool than the path's: `invalid_client`.
 */
export function authenticateClient(
  ctx: EmulatorContext,
  req: HttpRequest,
  form: Record<string, string>,
  pinnedPoolId: string | null,
): { client: ClientConfig; pool: PoolState } {
  const basic = basicCredentials(req);
  if (basic === 'malformed') throw new OAuthError('invalid_client', 'Malformed Authorization header');
  const clientId = basic?.clientId ?? form['client_id'];
  const secret = basic?.clientSecret ?? form['client_secret'];
  if (clientId === undefined || clientId === '') throw new OAuthError('invalid_request', 'client_id is required');
  if (basic && form['client_id'] !== undefined && form['client_id'] !== basic.clientId) {
    throw new OAuthError('invalid_client', 'client_id does not match the Authorization header');
  }
  const client = ctx.store.clients.get(clientId);
  const pool = client ? ctx.store.pools.get(client.userPoolId) : undefined;
  if (!client || !pool || (pinnedPoolId !== null && pinnedPoolId !== client.userPoolId)) throw new OAuthError('invalid_client');
  if (client.clientSecret !== null) {
    if (secret === undefined || !sameString(secret, client.clientSecret)) throw new OAuthError('invalid_client');
  }
  return { client, pool };
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
