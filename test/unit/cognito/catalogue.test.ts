import { describe, expect, it } from 'vitest';
import { CATEGORY_QUOTAS, QUOTA_CATEGORY_NAMES } from '../../../src/cognito/categories.js';
import { categoryOf, operationInfo, OPERATIONS } from '../../../src/cognito/operations.js';

describe('catalogue', () => {
  it.each([
    ['InitiateAuth', 'UserAuthentication'],
    ['RespondToAuthChallenge', 'UserAuthentication'],
    ['SignUp', 'UserCreation'],
    ['AdminSetUserPassword', 'UserAccountRecovery'],
    ['GetUser', 'UserRead'],
    ['GlobalSignOut', 'UserUpdate'],
    ['RevokeToken', 'UserToken'],
    ['ResendConfirmationCode', 'UserResourceRead'],
    ['ListUsers', 'UserList'],
    ['CreateGroup', 'UserPoolResourceUpdate'],
    ['DescribeUserPoolClient', 'UserPoolClientRead'],
    ['GetProvisionedLimit', 'LimitManagement'],
    ['StartWebAuthnRegistration', 'Uncategorized'],
    ['SomethingNew', 'Uncategorized'],
  ])('%s is charged to %s', (op, cat) => {
    expect(categoryOf(op)).toBe(cat);
  });

  it('has the documented defaults', () => {
    expect(CATEGORY_QUOTAS.UserAuthentication.defaultRatePerSec).toBe(120);
    expect(CATEGORY_QUOTAS.UserCreation.defaultRatePerSec).toBe(50);
    expect(CATEGORY_QUOTAS.UserFederation.defaultRatePerSec).toBe(25);
    expect(CATEGORY_QUOTAS.UserAccountRecovery.adjustable).toBe(false);
    expect(CATEGORY_QUOTAS.UserPoolClientRead.perPoolPerOperationRatePerSec).toBe(5);
    expect(Object.keys(CATEGORY_QUOTAS).sort()).toEqual([...QUOTA_CATEGORY_NAMES].sort());
  });

  it('knows which operations are unsigned', () => {
    expect(operationInfo('InitiateAuth').signed).toBe(false);
    expect(operationInfo('AdminInitiateAuth').signed).toBe(true);
    expect(operationInfo('RespondToAuthChallenge').challengeResponse).toBe(true);
    expect(OPERATIONS.size).toBeGreaterThan(100);
  });
});

describe('OAuth pseudo-operations', () => {
  it.each([
    ['OAuth2Token.client_credentials', 'ClientAuthentication'],
    ['OAuth2Token.refresh_token', 'UserAuthentication'],
    ['OAuth2Token.authorization_code', 'UserAuthentication'],
    ['OAuth2Login', 'UserAuthentication'],
    ['OAuth2IdpResponse', 'UserFederation'],
    ['OAuth2Revoke', 'UserToken'],
    ['OAuth2UserInfo', 'Uncategorized'],
  ])('%s is charged to %s and unsigned', (op, cat) => {
    expect(categoryOf(op)).toBe(cat);
    expect(operationInfo(op).signed).toBe(false);
  });
});
