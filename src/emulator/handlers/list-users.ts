import { err } from '../errors.js';
import { F, validateInput } from '../validation/validate-input.js';
import { attributeList, epochSec, requirePool } from './common.js';
import type { CognitoHandler } from './handler.js';
import { indexedLookup, matchesFilter, parseUserFilter } from './list-users-filter.js';
import type { UserRecord } from '../store/types.js';

function encodeToken(seq: number): string {
  return Buffer.from(JSON.stringify({ s: seq })).toString('base64');
}

function decodeToken(t: string): number {
  try {
    const v = JSON.parse(Buffer.from(t, 'base64').toString('utf8')) as { s?: unknown };
    if (typeof v.s === 'number' && Number.isInteger(v.s) && v.s >= 0) return v.s;
  } catch {
    // fall through
  }
  throw err.invalidParameter('Invalid pagination token.');
}

/**
 * ListUsers: `Filter` on username, email, sub and other searchable attributes (`=` or `^=`), `Limit` 1-60
 * (default 60), `PaginationToken` (a cursor over creation order: each page costs O(log n + page), not O(n)).
 * Exact username/sub filters (and email in email-as-username pools) use an index; other filters scan from the
 * cursor until the page is full.
 */
export const listUsers: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, {
    UserPoolId: F.userPoolId,
    AttributesToGet: { type: 'list', items: 'string' },
    Limit: { type: 'integer' },
    PaginationToken: { type: 'string', min: 1 },
    Filter: { type: 'string', max: 256 },
  });
  const limit = (b.Limit as number | undefined) ?? 60;
  if (limit < 0 || limit > 60) {
    throw err.invalidParameter(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60`);
  }
  const pool = requirePool(ctx, b.UserPoolId as string);
  const filter = parseUserFilter(b.Filter as string | undefined);
  const only = b.AttributesToGet as string[] | undefined;
  const shape = (u: UserRecord): Record<string, unknown> => ({
    Username: u.username,
    Attributes: attributeList(u.attributes, only).filter((a) => !only || only.includes(a.Name)),
    UserCreateDate: epochSec(u.createdAtMs),
    UserLastModifiedDate: epochSec(u.modifiedAtMs),
    Enabled: u.enabled,
    UserStatus: u.status,
  });
  const indexed = filter ? indexedLookup(pool, filter) : undefined;
  if (indexed) return { Users: indexed.slice(0, limit || 60).map(shape) };
  const fromSeq = b.PaginationToken ? decodeToken(b.PaginationToken as string) : 0;
  const page: UserRecord[] = [];
  const size = limit || 60;
  let nextSeq: number | undefined;
  for (const u of pool.order.from(fromSeq)) {
    if (filter && !matchesFilter(pool, u, filter)) continue;
    if (page.length === size) {
      nextSeq = u.seq;
      break;
    }
    page.push(u);
  }
  const out: Record<string, unknown> = { Users: page.map(shape) };
  if (nextSeq !== undefined) out.PaginationToken = encodeToken(nextSeq);
  return out;
};
