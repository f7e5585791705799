import { err } from '../errors.js';
import { F, validateInput } from '../validation/validate-input.js';
import { epochSec, requirePool } from './common.js';
import type { CognitoHandler } from './handler.js';
import type { GroupRecord } from '../store/types.js';

/** GroupType shape. */
export function groupType(poolId: string, g: GroupRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    GroupName: g.groupName,
    UserPoolId: poolId,
    LastModifiedDate: epochSec(g.modifiedAtMs),
    CreationDate: epochSec(g.createdAtMs),
  };
  if (g.description !== undefined) out.Description = g.description;
  if (g.precedence !== undefined) out.Precedence = g.precedence;
  if (g.roleArn !== undefined) out.RoleArn = g.roleArn;
  return out;
}

/** CreateGroup. */
export const createGroup: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, {
    GroupName: F.groupName,
    UserPoolId: F.userPoolId,
    Description: { type: 'string', max: 2048 },
    RoleArn: { type: 'string', min: 20, max: 2048 },
    Precedence: { type: 'integer' },
  });
  const pool = requirePool(ctx, b.UserPoolId as string);
  const name = b.GroupName as string;
  if (pool.groups.has(name)) throw err.groupExists(name);
  const nowMs = ctx.now();
  const g: GroupRecord = {
    groupName: name,
    description: b.Description as string | undefined,
    precedence: b.Precedence as number | undefined,
    roleArn: b.RoleArn as string | undefined,
    createdAtMs: nowMs,
    modifiedAtMs: nowMs,
  };
  pool.groups.set(name, g);
  return { Group: groupType(pool.config.id, g) };
};
