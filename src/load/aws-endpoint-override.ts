/**
 * Pointing an `aws:` target at another Cognito endpoint (a local stand-in of the regional endpoint, for testing the
 * AWS code path end to end). The tool honours the AWS SDK's own configuration variables, so every Cognito client of
 * the run (load driver, seeding, cleanup, provisioned-limit reads) goes to the same place:
 *
 * - `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER` (service-specific; Service Quotas and CloudWatch are not affected),
 * - else `AWS_ENDPOINT_URL` (every AWS service),
 * - both ignored when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is `true` (as the SDK does).
 *
 * The resolved URL is recorded in the user journal, so `cogcap cleanup --journal` deletes from the same endpoint
 * later even without the variable. Credentials still come from the standard provider chain and admin calls are
 * SigV4-signed by the SDK; only the URL changes.
 */

/** The SDK's service-specific endpoint variable for Cognito user pools (service id "Cognito Identity Provider"). */
export const COGNITO_ENDPOINT_ENV = 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER';

/** Returns the configured Cognito endpoint URL, or undefined for the regional endpoint. Pure. */
export function awsCognitoEndpointOverride(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true') return undefined;
  const url = env[COGNITO_ENDPOINT_ENV]?.trim() || env.AWS_ENDPOINT_URL?.trim();
  return url ? url : undefined;
}
