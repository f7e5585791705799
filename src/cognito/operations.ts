import type { QuotaCategory } from './categories.js';

/**
 * Cognito user-pool API operations (service `cognito-idp`, API 2016-04-18) and how each is charged.
 * Source: ../shared/reference/cognito.md sections 1 and 4.
 */

/** How an operation is charged and authorised. */
export interface OperationInfo {
  /** Operation name as in `X-Amz-Target: AWSCognitoIdentityProviderService.<name>`. */
  readonly name: string;
  /** Quota category the call is charged to (`Uncategorized` when AWS documents none). */
  readonly category: QuotaCategory;
  /** True for admin and pool-management operations, which need SigV4; false for public client operations. */
  readonly signed: boolean;
  /** Counts toward the per-user 10/s read-profile limit. */
  readonly perUserRead: boolean;
  /** Counts toward the per-user 10/s write-profile limit. */
  readonly perUserWrite: boolean;
  /** True for RespondToAuthChallenge and AdminRespondToAuthChallenge (separate 3x challenge budget). */
  readonly challengeResponse: boolean;
}

const byCategory: Record<Exclude<QuotaCategory, 'Uncategorized' | 'IdentityPool'>, readonly string[]> = {
  UserAuthentication: [
    'InitiateAuth',
    'AdminInitiateAuth',
    'RespondToAuthChallenge',
    'AdminRespondToAuthChallenge',
    'GetTokensFromRefreshToken',
    // OAuth 2.0 endpoints of a pool domain (pseudo-operations, reference section 7): refresh grants, code
    // redemption (which also has its own 1x allowance, see src/emulator/quota/charge.ts) and each login step.
    'OAuth2Token.refresh_token',
    'OAuth2Token.authorization_code',
    'OAuth2Login',
  ],
  UserCreation: ['SignUp', 'ConfirmSignUp', 'AdminCreateUser', 'AdminConfirmSignUp'],
  // No API operation: identity-provider responses to the federation endpoints (pseudo-operation).
  UserFederation: ['OAuth2IdpResponse'],
  UserAccountRecovery: [
    'ChangePassword',
    'ConfirmForgotPassword',
    'ForgotPassword',
    'AdminResetUserPassword',
    'AdminSetUserPassword',
  ],
  UserRead: ['AdminGetUser', 'AdminGetUserAuthFactors', 'GetUser'],
  UserUpdate: [
    'AdminAddUserToGroup',
    'AdminDeleteUserAttributes',
    'AdminUpdateUserAttributes',
    'AdminDeleteUser',
    'AdminDisableUser',
    'AdminEnableUser',
    'AdminLinkProviderForUser',
    'AdminDisableProviderForUser',
    'VerifyUserAttribute',
    'DeleteUser',
    'DeleteUserAttributes',
    'UpdateUserAttributes',
    'AdminUserGlobalSignOut',
    'GlobalSignOut',
    'AdminRemoveUserFromGroup',
  ],
  UserToken: ['RevokeToken', 'OAuth2Revoke'],
  UserResourceRead: [
    'AdminGetDevice',
    'AdminListGroupsForUser',
    'AdminListDevices',
    'GetDevice',
    'ListDevices',
    'GetUserAttributeVerificationCode',
    'ResendConfirmationCode',
    'AdminListUserAuthEvents',
  ],
  UserResourceUpdate: [
    'AdminForgetDevice',
    'AdminUpdateAuthEventFeedback',
    'AdminSetUserMFAPreference',
    'AdminDeleteSoftwareToken',
    'AdminSetUserSettings',
    'AdminUpdateDeviceStatus',
    'UpdateDeviceStatus',
    'UpdateAuthEventFeedback',
    'ConfirmDevice',
    'SetUserMFAPreference',
    'SetUserSettings',
    'VerifySoftwareToken',
    'AssociateSoftwareToken',
    'ForgetDevice',
  ],
  UserList: ['ListUsers', 'ListUsersInGroup'],
  UserPoolRead: ['DescribeUserPool', 'ListUserPools'],
  UserPoolUpdate: ['CreateUserPool', 'UpdateUserPool', 'DeleteUserPool'],
  UserPoolResourceRead: [
    'DescribeIdentityProvider',
    'DescribeResourceServer',
    'DescribeUserImportJob',
    'DescribeUserPoolDomain',
    'GetCSVHeader',
    'GetGroup',
    'GetSigningCertificate',
    'GetIdentityProviderByIdentifier',
    'GetUserPoolMfaConfig',
    'ListGroups',
    'ListIdentityProviders',
    'ListResourceServers',
    'ListTagsForResource',
    'ListUserImportJobs',
    'DescribeRiskConfiguration',
    'GetUICustomization',
    'DescribeManagedLoginBranding',
    'DescribeManagedLoginBrandingByClient',
  ],
  UserPoolResourceUpdate: [
    'AddCustomAttributes',
    'CreateGroup',
    'CreateIdentityProvider',
    'CreateResourceServer',
    'CreateUserImportJob',
    'CreateUserPoolDomain',
    'DeleteGroup',
    'DeleteIdentityProvider',
    'DeleteResourceServer',
    'DeleteUserPoolDomain',
    'SetUserPoolMfaConfig',
    'StartUserImportJob',
    'StopUserImportJob',
    'UpdateGroup',
    'UpdateIdentityProvider',
    'UpdateResourceServer',
    'UpdateUserPoolDomain',
    'SetRiskConfiguration',
    'SetUICustomization',
    'TagResource',
    'UntagResource',
    'CreateManagedLoginBranding',
    'UpdateManagedLoginBranding',
    'DeleteManagedLoginBranding',
  ],
  UserPoolClientRead: ['DescribeUserPoolClient', 'ListUserPoolClients'],
  UserPoolClientUpdate: ['CreateUserPoolClient', 'DeleteUserPoolClient', 'UpdateUserPoolClient'],
  ClientAuthentication: ['GetClientToken', 'OAuth2Token.client_credentials'],
  LimitManagement: ['GetProvisionedLimit', 'UpdateProvisionedLimit'],
};

/** Newer operations that no documented category covers: charged to `Uncategorized`, never silently free. */
const uncategorized: readonly string[] = [
  'GetUserAuthFactors',
  'StartWebAuthnRegistration',
  'CompleteWebAuthnRegistration',
  'ListWebAuthnCredentials',
  'DeleteWebAuthnCredential',
  'AddUserPoolClientSecret',
  'ListUserPoolClientSecrets',
  'DeleteUserPoolClientSecret',
  'ListGroupsForUser',
  // OAuth endpoints AWS documents no category for (counted, never silently free).
  'OAuth2Authorize',
  'OAuth2UserInfo',
  'OAuth2Token',
];

/** Operations that clients call without SigV4 (ClientId, token or Session in the body). */
const unsigned = new Set<string>([
  'InitiateAuth',
  'RespondToAuthChallenge',
  'SignUp',
  'ConfirmSignUp',
  'ResendConfirmationCode',
  'ForgotPassword',
  'ConfirmForgotPassword',
  'GetUser',
  'UpdateUserAttributes',
  'DeleteUser',
  'DeleteUserAttributes',
  'ChangePassword',
  'GlobalSignOut',
  'RevokeToken',
  'GetTokensFromRefreshToken',
  'GetDevice',
  'ListDevices',
  'ForgetDevice',
  'ConfirmDevice',
  'UpdateDeviceStatus',
  'SetUserMFAPreference',
  'SetUserSettings',
  'VerifySoftwareToken',
  'AssociateSoftwareToken',
  'VerifyUserAttribute',
  'GetUserAttributeVerificationCode',
  'UpdateAuthEventFeedback',
  'GetUserAuthFactors',
  'StartWebAuthnRegistration',
  'CompleteWebAuthnRegistration',
  'ListWebAuthnCredentials',
  'DeleteWebAuthnCredential',
  'OAuth2Token',
  'OAuth2Token.refresh_token',
  'OAuth2Token.authorization_code',
  'OAuth2Token.client_credentials',
  'OAuth2Login',
  'OAuth2IdpResponse',
  'OAuth2Revoke',
  'OAuth2Authorize',
  'OAuth2UserInfo',
]);

const perUserRead = new Set(['GetUser', 'GetDevice', 'InitiateAuth', 'RespondToAuthChallenge', 'AdminInitiateAuth']);
const perUserWrite = new Set(['UpdateUserAttributes', 'SetUserSettings', 'AdminLinkProviderForUser']);
const challengeResponses = new Set(['RespondToAuthChallenge', 'AdminRespondToAuthChallenge']);

function info(name: string, category: QuotaCategory): OperationInfo {
  return {
    name,
    category,
    signed: !unsigned.has(name),
    perUserRead: perUserRead.has(name),
    perUserWrite: perUserWrite.has(name),
    challengeResponse: challengeResponses.has(name),
  };
}

/** Every catalogued operation, keyed by name. */
export const OPERATIONS: ReadonlyMap<string, OperationInfo> = new Map<string, OperationInfo>([
  ...Object.entries(byCategory).flatMap(([category, names]) =>
    names.map((name) => [name, info(name, category as QuotaCategory)] as const),
  ),
  ...uncategorized.map((name) => [name, info(name, 'Uncategorized')] as const),
]);

/**
 * The operation's catalogue entry; an operation that is not catalogued is reported as `Uncategorized`
 * (signed, no per-user limits) so that it is still charged somewhere.
 */
export function operationInfo(name: string): OperationInfo {
  return OPERATIONS.get(name) ?? info(name, 'Uncategorized');
}

/** The quota category an operation is charged to (before special rules such as NEW_PASSWORD_REQUIRED). */
export function categoryOf(operation: string): QuotaCategory {
  return operationInfo(operation).category;
}

/**
 * Per-user hourly limits of the code operations (LimitExceededException beyond them). ForgotPassword and
 * ConfirmForgotPassword share a risk-based 5-20 budget; the emulator uses the documented lower bound by default.
 */
export const PER_USER_HOURLY_LIMITS: Readonly<Record<string, number>> = {
  ForgotPassword: 5,
  ConfirmForgotPassword: 5,
  ResendConfirmationCode: 5,
  ConfirmSignUp: 15,
  ChangePassword: 5,
  GetUserAttributeVerificationCode: 5,
  VerifyUserAttribute: 15,
};
