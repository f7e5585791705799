import { err } from '../errors.js';
import { validateInput } from '../validation/validate-input.js';
import type { CognitoHandler } from './handler.js';
import { poolSummary } from './shapes.js';

/** ListUserPools: `MaxResults` 1-60 (required), `NextToken` = id of the next pool in creation order. */
export const listUserPools: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, {
    MaxResults: { type: 'integer', required: true },
    NextToken: { type: 'string', min: 1, max: 131072 },
  });
  const max = req.body.MaxResults as number;
  if (max < 1 || max > 60) {
    throw err.invalidParameter(
      `1 validation error detected: Value '${max}' at 'maxResults' failed to satisfy constraint: Member must have value ${max < 1 ? 'greater than or equal to 1' : 'less than or equal to 60'}`,
    );
  }
  const next = req.body.NextToken as string | undefined;
  const pools = [...ctx.store.pools.values()];
  let start = 0;
  if (next !== undefined) {
    start = pools.findIndex((p) => p.config.id === next);
    if (start < 0) throw err.invalidParameter('Invalid pagination token');
  }
  const page = pools.slice(start, start + max);
  const out: Record<string, unknown> = { UserPools: page.map(poolSummary) };
  if (start + max < pools.length) out.NextToken = pools[start + max]!.config.id;
  return out;
};
