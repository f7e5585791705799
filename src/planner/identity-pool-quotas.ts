/**
 * Cognito Identity (identity pools, Service Quotas service code `cognito-identity`) per-operation request-rate
 * quotas. Defaults: ../shared/reference/cognito.md section 8 (the minimum across Regions; some Regions are higher).
 * Quota codes: not in the reference; taken from two independent public dumps of ListAWSDefaultServiceQuotas for
 * `cognito-identity` that agree with each other (quota names "Rate of <Operation> requests"). No code is known for
 * DeleteIdentities. Because no AWS page lists the codes, live lookups also match by quota name at run time.
 */

/** Service Quotas service code of identity pools. */
export const IDENTITY_SERVICE_CODE = 'cognito-identity';

/** One identity-pool operation quota. */
export interface IdentityOperationQuota {
  /** Operation name (`X-Amz-Target: AWSCognitoIdentityService.<name>`). */
  readonly operation: string;
  /** Default quota, requests per second per account per Region (minimum across Regions). */
  readonly defaultRatePerSec: number;
  /** Adjustable (through the account team / Service Quotas). */
  readonly adjustable: boolean;
  /** Service Quotas code, or null when none is known (resolve by name at run time). */
  readonly quotaCode: string | null;
}

const q = (operation: string, defaultRatePerSec: number, quotaCode: string | null): IdentityOperationQuota => ({
  operation,
  defaultRatePerSec,
  adjustable: true,
  quotaCode,
});

/** Identity-pool operation quotas, keyed by operation. */
export const IDENTITY_OPERATION_QUOTAS: Readonly<Record<string, IdentityOperationQuota>> = {
  GetId: q('GetId', 25, 'L-A38ADA84'),
  GetOpenIdToken: q('GetOpenIdToken', 200, 'L-E97D135E'),
  GetCredentialsForIdentity: q('GetCredentialsForIdentity', 200, 'L-5AE9F13D'),
  GetOpenIdTokenForDeveloperIdentity: q('GetOpenIdTokenForDeveloperIdentity', 50, 'L-0BF99E8D'),
  ListIdentities: q('ListIdentities', 5, 'L-DBF99350'),
  DeleteIdentities: q('DeleteIdentities', 10, null),
  TagResource: q('TagResource', 5, 'L-DAF3EAFF'),
  UntagResource: q('UntagResource', 5, 'L-0D31D6D2'),
  ListTagsForResource: q('ListTagsForResource', 10, 'L-50C9AAB8'),
};

/** The Service Quotas quota name of an identity-pool operation quota. */
export function identityQuotaName(operation: string): string {
  return `Rate of ${operation} requests`;
}
