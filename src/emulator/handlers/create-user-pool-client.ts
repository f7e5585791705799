import type { EmulatorContext } from '../context.js';
import { err } from '../errors.js';
import { newClientId, newClientSecret } from '../store/ids.js';
import type { PoolState } from '../store/pool-state.js';
import type { ClientConfig } from '../store/types.js';
import { F, validateInput } from '../validation/validate-input.js';
import { DEFAULT_AUTH_FLOWS } from './auth-flows.js';
import { requirePool } from './common.js';
import type { CognitoHandler } from './handler.js';
import { clientDescription } from './shapes.js';

const UNIT_SEC: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };
const KNOWN = new Set([
  'UserPoolId', 'ClientName', 'GenerateSecret', 'ExplicitAuthFlows', 'AccessTokenValidity', 'IdTokenValidity',
  'RefreshTokenValidity', 'TokenValidityUnits', 'PreventUserExistenceErrors', 'EnableTokenRevocation',
  'RefreshTokenRotation', 'ReadAttributes', 'WriteAttributes',
]);

function validity(body: Record<string, unknown>, member: string, unitKey: string, defaultUnit: string, dflt: number, minSec: number, maxSec: number): number {
  const v = body[member];
  if (v === undefined || v === null) return dflt;
  const units = (body.TokenValidityUnits ?? {}) as Record<string, unknown>;
  const unit = typeof units[unitKey] === 'string' ? (units[unitKey] as string) : defaultUnit;
  const mult = UNIT_SEC[unit];
  if (!mult) throw err.invalidParameter(`Invalid TokenValidityUnits.${unitKey}: ${unit}`);
  const sec = (v as number) * mult;
  if (sec < minSec || sec > maxSec) {
    throw err.invalidParameter(`${member} must be between ${minSec / mult} and ${maxSec / mult} ${unit}.`);
  }
  return sec;
}

/** Builds a client from a CreateUserPoolClient body (also used by `--bootstrap`). */
export function clientConfigFrom(ctx: EmulatorContext, pool: PoolState, body: Record<string, unknown>, ids?: { clientId?: string; clientSecret?: string }): ClientConfig {
  validateInput(body, {
    ClientName: { type: 'string', required: true, min: 1, max: 128, pattern: [/^[\w\s+=,.@-]+$/, '[\\w\\s+=,.@-]+'] },
    GenerateSecret: { type: 'boolean' },
    ExplicitAuthFlows: { type: 'list', items: 'string' },
    AccessTokenValidity: { type: 'integer' },
    IdTokenValidity: { type: 'integer' },
    RefreshTokenValidity: { type: 'integer' },
    TokenValidityUnits: { type: 'structure' },
    PreventUserExistenceErrors: { type: 'string', enum: ['LEGACY', 'ENABLED'] },
    EnableTokenRevocation: { type: 'boolean' },
    RefreshTokenRotation: { type: 'structure' },
    ReadAttributes: { type: 'list', items: 'string' },
    WriteAttributes: { type: 'list', items: 'string' },
  });
  const flows = (body.ExplicitAuthFlows as string[] | undefined) ?? DEFAULT_AUTH_FLOWS;
  const legacy = flows.filter((f) => !f.startsWith('ALLOW_'));
  if (legacy.length > 0 && legacy.length < flows.length) {
    throw err.invalidParameter('Mixing legacy and ALLOW_ prefixed flows is not allowed.');
  }
  const rot = (body.RefreshTokenRotation ?? {}) as Record<string, unknown>;
  const grace = typeof rot.RetryGracePeriodSeconds === 'number' ? rot.RetryGracePeriodSeconds : 0;
  if (grace < 0 || grace > 60) throw err.invalidParameter('RetryGracePeriodSeconds must be between 0 and 60.');
  const nowMs = ctx.now();
  const echo: Record<string, unknown> = {};
  for (const k of ['AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity', 'TokenValidityUnits']) {
    if (body[k] !== undefined) echo[k] = body[k];
  }
  if (echo.RefreshTokenValidity === undefined) echo.RefreshTokenValidity = 30;
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (!KNOWN.has(k)) extra[k] = v;
  const secret = ids?.clientSecret ?? (body.GenerateSecret === true ? newClientSecret(ctx.random) : null);
  return {
    clientId: ids?.clientId ?? newClientId(ctx.random),
    userPoolId: pool.config.id,
    clientName: body.ClientName as string,
    clientSecret: secret,
    explicitAuthFlows: [...flows],
    accessTokenValiditySec: validity(body, 'AccessTokenValidity', 'AccessToken', 'hours', 3600, 300, 86400),
    idTokenValiditySec: validity(body, 'IdTokenValidity', 'IdToken', 'hours', 3600, 300, 86400),
    refreshTokenValiditySec: validity(body, 'RefreshTokenValidity', 'RefreshToken', 'days', 30 * 86400, 3600, 3650 * 86400),
    tokenValidityEcho: echo,
    preventUserExistenceErrors: (body.PreventUserExistenceErrors as 'LEGACY' | 'ENABLED' | undefined) ?? 'LEGACY',
    enableTokenRevocation: body.EnableTokenRevocation !== false,
    refreshTokenRotation: { enabled: rot.Feature === 'ENABLED', gracePeriodSec: grace },
    readAttributes: (body.ReadAttributes as string[] | undefined) ?? null,
    writeAttributes: (body.WriteAttributes as string[] | undefined) ?? null,
    createdAtMs: nowMs,
    modifiedAtMs: nowMs,
    extra,
  };
}

/** CreateUserPoolClient: optional secret, explicit auth flows, token validity, refresh-token rotation. */
export const createUserPoolClient: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { UserPoolId: F.userPoolId });
  const pool = requirePool(ctx, req.body.UserPoolId as string);
  const client = clientConfigFrom(ctx, pool, req.body);
  ctx.store.clients.set(client.clientId, client);
  return { UserPoolClient: clientDescription(client) };
};
