/**
 * Concrete ways to cut demand on a quota, by quota key name (user-pool category or identity-pool operation).
 * Shown for every category whose required capacity exceeds a quota that cannot be raised, and offered as
 * alternatives to an increase for adjustable ones.
 */
export const MITIGATIONS: Readonly<Record<string, string>> = {
  UserAuthentication:
    'Keep sessions alive with refresh tokens instead of new sign-ins; lengthen the access-token lifetime (fewer refreshes); refresh lazily (on expiry, not on a timer); spread sign-in bursts (staggered mobile app wake-ups, jittered retries).',
  UserCreation:
    'Import users in bulk with a user import job (CreateUserImportJob) or migrate them lazily with the migrate-user trigger instead of AdminCreateUser calls; spread sign-up campaigns over time.',
  UserFederation:
    'Keep federated users signed in with refresh tokens instead of a new IdP round trip per session; lengthen session/refresh-token lifetimes for federated clients.',
  UserAccountRecovery:
    'Rate-limit password-reset requests in the app (per user and globally, queue them); avoid forcing password changes for many users at once (spread NEW_PASSWORD_REQUIRED resets over days); use AdminSetUserPassword in batches off-peak.',
  UserRead:
    'Verify JWTs locally (aws-jwt-verify, cached JWKS) and read claims from the ID token instead of calling GetUser; cache profiles in the app for the token lifetime.',
  UserUpdate:
    'Batch attribute changes into one UpdateUserAttributes call; keep fast-changing app data in your own store instead of user attributes; sign out with RevokeToken (UserToken, adjustable) instead of GlobalSignOut; queue admin updates at a fixed rate.',
  UserToken: 'Revoke only on explicit sign-out; let short-lived access tokens expire instead of revoking them.',
  UserResourceRead:
    'Cache device and group lookups for the token lifetime (groups are in the cognito:groups claim); throttle confirmation-code resends in the UI.',
  UserResourceUpdate:
    'Set MFA preferences and device status once at enrolment, not per sign-in; queue admin device and settings updates at a fixed rate.',
  UserList:
    'Keep your own index of users (post-confirmation trigger to DynamoDB/OpenSearch) instead of ListUsers on a request path; cache ListUsersInGroup results.',
  UserPoolRead: 'Read pool configuration once at start-up and cache it; never call DescribeUserPool per request.',
  UserPoolUpdate: 'Change pool configuration through infrastructure deployments, not at run time.',
  UserPoolResourceRead: 'Also limited to 5 req/s per pool per operation: cache groups, resource servers and IdP settings; never read them per request.',
  UserPoolResourceUpdate: 'Also limited to 5 req/s per pool per operation: serialise configuration changes and apply them at deploy time.',
  UserPoolClientRead: 'Also limited to 5 req/s per pool per operation: cache app-client settings at start-up.',
  UserPoolClientUpdate: 'Also limited to 5 req/s per pool per operation: create and update app clients at deploy time, not per tenant request.',
  ClientAuthentication:
    'Cache client-credentials access tokens until just before they expire and share them across instances of a service (one token per client per lifetime); lengthen the access-token lifetime of machine clients (up to 1 day); add more app clients only if each caches.',
  LimitManagement: 'Call GetProvisionedLimit/UpdateProvisionedLimit only from deployment tooling.',
  GetId: 'Cache the identity id on the device (the AWS SDKs do): GetId should run once per identity, not per session.',
  GetCredentialsForIdentity: 'Cache temporary AWS credentials until they expire; lengthen the role session duration.',
  GetOpenIdToken: 'Use the enhanced flow (GetCredentialsForIdentity) and cache credentials until they expire.',
  GetOpenIdTokenForDeveloperIdentity: 'Cache the developer-identity token on the backend for its lifetime (TokenDuration).',
  ListIdentities: 'Page through identities in a background job at a fixed rate.',
  DeleteIdentities: 'Delete identities in batches of 60 from a background job at a fixed rate.',
};

/** The mitigation text for a quota key name, or a generic one. */
export function mitigationFor(name: string): string {
  return MITIGATIONS[name] ?? 'Cache results and spread calls over time; move calls off the request path.';
}
