import { CognitoServiceError } from '../cognito/service-error.js';

/**
 * Constructors for the errors handlers throw, with Cognito's wording (reference section 5). One place so that the
 * messages stay consistent across operations.
 */
export const err = {
  invalidParameter: (message: string) => new CognitoServiceError('InvalidParameterException', message),
  serialization: (message: string) => new CognitoServiceError('SerializationException', message),
  notAuthorized: (message: string) => new CognitoServiceError('NotAuthorizedException', message),
  incorrectCredentials: () => new CognitoServiceError('NotAuthorizedException', 'Incorrect username or password.'),
  userNotFound: () => new CognitoServiceError('UserNotFoundException', 'User does not exist.'),
  userDisabled: () => new CognitoServiceError('NotAuthorizedException', 'User is disabled.'),
  userNotConfirmed: () => new CognitoServiceError('UserNotConfirmedException', 'User is not confirmed.'),
  passwordResetRequired: () => new CognitoServiceError('PasswordResetRequiredException', 'Password reset required for the user'),
  poolNotFound: (id: string) => new CognitoServiceError('ResourceNotFoundException', `User pool ${id} does not exist.`),
  clientNotFound: (id: string) => new CognitoServiceError('ResourceNotFoundException', `User pool client ${id} does not exist.`),
  secretHash: (clientId: string) =>
    new CognitoServiceError('NotAuthorizedException', `Unable to verify secret hash for client ${clientId}`),
  usernameExists: (message = 'User account already exists') => new CognitoServiceError('UsernameExistsException', message),
  aliasExists: () =>
    new CognitoServiceError('AliasExistsException', 'An account with the given email already exists.'),
  invalidPassword: (message: string) => new CognitoServiceError('InvalidPasswordException', message),
  codeMismatch: () =>
    new CognitoServiceError('CodeMismatchException', 'Invalid verification code provided, please try again.'),
  expiredCode: () => new CognitoServiceError('ExpiredCodeException', 'Invalid code provided, please request a code again.'),
  groupNotFound: () => new CognitoServiceError('ResourceNotFoundException', 'Group not found.'),
  groupExists: (name: string) =>
    new CognitoServiceError('GroupExistsException', `A group with the name ${name} already exists.`),
  invalidAccessToken: () => new CognitoServiceError('NotAuthorizedException', 'Invalid Access Token'),
  accessTokenExpired: () => new CognitoServiceError('NotAuthorizedException', 'Access Token has expired'),
  accessTokenRevoked: () => new CognitoServiceError('NotAuthorizedException', 'Access Token has been revoked'),
  invalidRefreshToken: () => new CognitoServiceError('NotAuthorizedException', 'Invalid Refresh Token'),
  refreshTokenRevoked: () => new CognitoServiceError('NotAuthorizedException', 'Refresh Token has been revoked'),
  refreshTokenExpired: () => new CognitoServiceError('NotAuthorizedException', 'Refresh Token has expired'),
  invalidSession: () =>
    new CognitoServiceError('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
  unsupportedFlow: (flow: string) =>
    new CognitoServiceError('InvalidParameterException', `${flow} flow not enabled for this client`),
  internal: () => new CognitoServiceError('InternalErrorException', 'An internal error occurred.', 500),
};
