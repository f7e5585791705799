import type { EmulatorContext } from '../context.js';
import type { PoolState } from '../store/pool-state.js';
import type { ClientConfig } from '../store/types.js';
import { epochSec } from './common.js';

/** DescribeUserPool's `UserPool` (UserPoolType). */
export function poolDescription(_ctx: EmulatorContext, pool: PoolState): Record<string, unknown> {
  const c = pool.config;
  const out: Record<string, unknown> = {
    ...c.extra,
    Id: c.id,
    Name: c.name,
    Arn: c.arn,
    Policies: { PasswordPolicy: { ...c.passwordPolicy } },
    DeletionProtection: c.deletionProtection,
    LambdaConfig: { ...c.lambdaConfig },
    LastModifiedDate: epochSec(c.modifiedAtMs),
    CreationDate: epochSec(c.createdAtMs),
    AutoVerifiedAttributes: [...c.autoVerifiedAttributes],
    MfaConfiguration: 'OFF',
    EstimatedNumberOfUsers: pool.users.size,
    UserPoolTags: { ...c.tags },
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: c.allowAdminCreateUserOnly },
    UsernameConfiguration: { CaseSensitive: c.caseSensitive },
  };
  if (c.usernameAttributes.length > 0) out.UsernameAttributes = [...c.usernameAttributes];
  if (c.aliasAttributes.length > 0) out.AliasAttributes = [...c.aliasAttributes];
  return out;
}

/** ListUserPools' short form (UserPoolDescriptionType). */
export function poolSummary(pool: PoolState): Record<string, unknown> {
  const c = pool.config;
  return {
    Id: c.id,
    Name: c.name,
    LambdaConfig: { ...c.lambdaConfig },
    LastModifiedDate: epochSec(c.modifiedAtMs),
    CreationDate: epochSec(c.createdAtMs),
  };
}

/** DescribeUserPoolClient's `UserPoolClient` (UserPoolClientType). */
export function clientDescription(c: ClientConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...c.extra,
    ...c.tokenValidityEcho,
    UserPoolId: c.userPoolId,
    ClientName: c.clientName,
    ClientId: c.clientId,
    LastModifiedDate: epochSec(c.modifiedAtMs),
    CreationDate: epochSec(c.createdAtMs),
    ExplicitAuthFlows: [...c.explicitAuthFlows],
    PreventUserExistenceErrors: c.preventUserExistenceErrors,
    EnableTokenRevocation: c.enableTokenRevocation,
    RefreshTokenRotation: {
      Feature: c.refreshTokenRotation.enabled ? 'ENABLED' : 'DISABLED',
      RetryGracePeriodSeconds: c.refreshTokenRotation.gracePeriodSec,
    },
  };
  if (c.clientSecret) out.ClientSecret = c.clientSecret;
  if (c.readAttributes) out.ReadAttributes = [...c.readAttributes];
  if (c.writeAttributes) out.WriteAttributes = [...c.writeAttributes];
  return out;
}
