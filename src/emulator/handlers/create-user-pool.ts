import { DEFAULT_PASSWORD_POLICY } from '../auth/password-policy.js';
import type { EmulatorContext } from '../context.js';
import { err } from '../errors.js';
import { newUserPoolId } from '../store/ids.js';
import { PoolState } from '../store/pool-state.js';
import type { PasswordPolicy, PoolConfig } from '../store/types.js';
import { validateInput } from '../validation/validate-input.js';
import type { CognitoHandler } from './handler.js';
import { poolDescription } from './shapes.js';

const KNOWN = new Set([
  'PoolName', 'Policies', 'UsernameAttributes', 'AliasAttributes', 'AutoVerifiedAttributes', 'UsernameConfiguration',
  'LambdaConfig', 'UserPoolTags', 'DeletionProtection', 'AdminCreateUserConfig', 'MfaConfiguration',
]);

/** Builds a pool configuration from a CreateUserPool body (also used by `--bootstrap`). */
export function poolConfigFrom(ctx: EmulatorContext, body: Record<string, unknown>, id?: string): PoolConfig {
  validateInput(body, {
    PoolName: { type: 'string', required: true, min: 1, max: 128, pattern: [/^[\w\s+=,.@-]+$/, '[\\w\\s+=,.@-]+'] },
    Policies: { type: 'structure' },
    UsernameAttributes: { type: 'list', items: 'string' },
    AliasAttributes: { type: 'list', items: 'string' },
    AutoVerifiedAttributes: { type: 'list', items: 'string' },
    UsernameConfiguration: { type: 'structure' },
    LambdaConfig: { type: 'structure' },
    UserPoolTags: { type: 'map' },
    DeletionProtection: { type: 'string', enum: ['ACTIVE', 'INACTIVE'] },
    AdminCreateUserConfig: { type: 'structure' },
    MfaConfiguration: { type: 'string', enum: ['OFF', 'ON', 'OPTIONAL'] },
    Schema: { type: 'list', items: 'structure' },
  });
  const usernameAttributes = (body.UsernameAttributes as string[] | undefined) ?? [];
  const aliasAttributes = (body.AliasAttributes as string[] | undefined) ?? [];
  if (usernameAttributes.length > 0 && aliasAttributes.length > 0) {
    throw err.invalidParameter('Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.');
  }
  for (const a of usernameAttributes) {
    if (a !== 'email' && a !== 'phone_number') throw err.invalidParameter(`Invalid UsernameAttributes value: ${a}`);
  }
  for (const a of aliasAttributes) {
    if (!['email', 'phone_number', 'preferred_username'].includes(a)) throw err.invalidParameter(`Invalid AliasAttributes value: ${a}`);
  }
  const pp = ((body.Policies as Record<string, unknown> | undefined)?.PasswordPolicy ?? {}) as Record<string, unknown>;
  const policy: PasswordPolicy = { ...DEFAULT_PASSWORD_POLICY };
  for (const k of Object.keys(policy) as (keyof PasswordPolicy)[]) {
    const v = pp[k];
    if (v === undefined) continue;
    if (typeof v !== typeof policy[k]) throw err.serialization(`Invalid type for PasswordPolicy.${k}`);
    (policy as unknown as Record<string, unknown>)[k] = v;
  }
  if (policy.MinimumLength < 6 || policy.MinimumLength > 99) {
    throw err.invalidParameter(
      `1 validation error detected: Value '${policy.MinimumLength}' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value between 6 and 99`,
    );
  }
  const nowMs = ctx.now();
  const poolId = id ?? newUserPoolId(ctx.region, ctx.random);
  const region = poolId.slice(0, poolId.indexOf('_'));
  const schema = Array.isArray(body.Schema) ? (body.Schema as Record<string, unknown>[]) : [];
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (!KNOWN.has(k)) extra[k] = v;
  const caseSensitive = (body.UsernameConfiguration as { CaseSensitive?: unknown } | undefined)?.CaseSensitive;
  const acu = body.AdminCreateUserConfig as { AllowAdminCreateUserOnly?: unknown } | undefined;
  return {
    id: poolId,
    name: body.PoolName as string,
    arn: `arn:aws:cognito-idp:${region}:000000000000:userpool/${poolId}`,
    createdAtMs: nowMs,
    modifiedAtMs: nowMs,
    passwordPolicy: policy,
    usernameAttributes,
    aliasAttributes,
    autoVerifiedAttributes: (body.AutoVerifiedAttributes as string[] | undefined) ?? [],
    caseSensitive: caseSensitive === undefined ? true : caseSensitive === true,
    lambdaConfig: { ...((body.LambdaConfig as Record<string, unknown> | undefined) ?? {}) },
    tags: { ...((body.UserPoolTags as Record<string, string> | undefined) ?? {}) },
    deletionProtection: (body.DeletionProtection as 'ACTIVE' | 'INACTIVE' | undefined) ?? 'INACTIVE',
    allowAdminCreateUserOnly: acu?.AllowAdminCreateUserOnly === true,
    customAttributes: schema
      .map((a) => (typeof a.Name === 'string' ? a.Name.replace(/^custom:/, '') : ''))
      .filter((n) => n !== '' && !['email', 'phone_number', 'name'].includes(n) && !isStandard(n)),
    extra,
  };
}

function isStandard(n: string): boolean {
  return /^(address|birthdate|email|email_verified|family_name|gender|given_name|locale|middle_name|name|nickname|phone_number|phone_number_verified|picture|preferred_username|profile|updated_at|website|zoneinfo|sub)$/.test(n);
}

/** Adds a pool to the store and starts generating its signing keys. */
export function addPool(ctx: EmulatorContext, config: PoolConfig): PoolState {
  const pool = new PoolState(config);
  ctx.store.pools.set(config.id, pool);
  ctx.store.keys.ensure(config.id);
  return pool;
}

/** CreateUserPool: password policy, username attributes or aliases, case sensitivity, triggers; MFA stays off. */
export const createUserPool: CognitoHandler = async (ctx, req) => {
  const pool = addPool(ctx, poolConfigFrom(ctx, req.body));
  return { UserPool: poolDescription(ctx, pool) };
};
