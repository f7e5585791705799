/**
 * Per-operation request-rate quotas of Cognito identity pools (service `cognito-identity`, target prefix
 * `AWSCognitoIdentityService`). Each quota applies to one operation, per account per Region; the defaults are the
 * minimum across Regions (some Regions are higher), all adjustable through the account team.
 * Source: ../shared/reference/cognito.md section 8. Service Quotas codes are not documented there: null.
 */

/** Service Quotas service code of identity pools. */
export const IDENTITY_SERVICE_QUOTA_CODE = 'cognito-identity';

/** JSON 1.1 target prefix of identity pools. */
export const IDENTITY_SERVICE = 'AWSCognitoIdentityService';

/** One identity-pool operation quota. */
export interface IdentityPoolQuota {
  readonly operation: string;
  /** Default requests per second, per account per Region. */
  readonly defaultRatePerSec: number;
  readonly adjustable: boolean;
  /** Service Quotas quota code, unknown (null) for now. */
  readonly quotaCode: string | null;
}

const q = (operation: string, defaultRatePerSec: number): IdentityPoolQuota => ({
  operation,
  defaultRatePerSec,
  adjustable: true,
  quotaCode: null,
});

/** The documented defaults, keyed by operation name. Operations not listed have no documented rate quota. */
export const IDENTITY_POOL_QUOTAS: Readonly<Record<string, IdentityPoolQuota>> = {
  GetId: q('GetId', 25),
  GetOpenIdToken: q('GetOpenIdToken', 200),
  GetCredentialsForIdentity: q('GetCredentialsForIdentity', 200),
  GetOpenIdTokenForDeveloperIdentity: q('GetOpenIdTokenForDeveloperIdentity', 50),
  ListIdentities: q('ListIdentities', 5),
  DeleteIdentities: q('DeleteIdentities', 10),
  TagResource: q('TagResource', 5),
  UntagResource: q('UntagResource', 5),
  ListTagsForResource: q('ListTagsForResource', 10),
};
