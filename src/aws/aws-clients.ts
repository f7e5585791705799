import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';

/** The AWS clients the planner uses. */
export interface PlannerAwsClients {
  readonly serviceQuotas: ServiceQuotasClient;
  readonly cloudWatch: CloudWatchClient;
  readonly cognito: CognitoIdentityProviderClient;
}

/**
 * Real SDK clients with the standard credential chain and Region resolution (AWS_REGION, profile, ...); `region`
 * overrides the Region when given. Control-plane calls keep the SDK's standard retries (these are not measured).
 */
export function createPlannerAwsClients(region?: string): PlannerAwsClients {
  const config = region ? { region } : {};
  return {
    serviceQuotas: new ServiceQuotasClient(config),
    cloudWatch: new CloudWatchClient(config),
    cognito: new CognitoIdentityProviderClient(config),
  };
}
