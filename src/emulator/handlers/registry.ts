import { adminAddUserToGroup } from './admin-add-user-to-group.js';
import { adminConfirmSignUp } from './admin-confirm-sign-up.js';
import { adminCreateUser } from './admin-create-user.js';
import { adminDeleteUser } from './admin-delete-user.js';
import { adminDisableUser } from './admin-disable-user.js';
import { adminEnableUser } from './admin-enable-user.js';
import { adminGetUser } from './admin-get-user.js';
import { adminInitiateAuth } from './admin-initiate-auth.js';
import { adminListGroupsForUser } from './admin-list-groups-for-user.js';
import { adminRemoveUserFromGroup } from './admin-remove-user-from-group.js';
import { adminResetUserPassword } from './admin-reset-user-password.js';
import { adminRespondToAuthChallenge } from './admin-respond-to-auth-challenge.js';
import { adminSetUserPassword } from './admin-set-user-password.js';
import { adminUpdateUserAttributes } from './admin-update-user-attributes.js';
import { adminUserGlobalSignOut } from './admin-user-global-sign-out.js';
import { changePassword } from './change-password.js';
import { confirmForgotPassword } from './confirm-forgot-password.js';
import { confirmSignUp } from './confirm-sign-up.js';
import { createGroup } from './create-group.js';
import { createUserPool } from './create-user-pool.js';
import { createUserPoolClient } from './create-user-pool-client.js';
import { deleteUser } from './delete-user.js';
import { deleteUserPool } from './delete-user-pool.js';
import { deleteUserPoolClient } from './delete-user-pool-client.js';
import { describeUserPool } from './describe-user-pool.js';
import { describeUserPoolClient } from './describe-user-pool-client.js';
import { forgotPassword } from './forgot-password.js';
import { getTokensFromRefreshToken } from './get-tokens-from-refresh-token.js';
import { getUser } from './get-user.js';
import { globalSignOut } from './global-sign-out.js';
import type { CognitoHandler } from './handler.js';
import { initiateAuth } from './initiate-auth.js';
import { listUserPoolClients } from './list-user-pool-clients.js';
import { listUserPools } from './list-user-pools.js';
import { listUsers } from './list-users.js';
import { resendConfirmationCode } from './resend-confirmation-code.js';
import { respondToAuthChallenge } from './respond-to-auth-challenge.js';
import { revokeToken } from './revoke-token.js';
import { signUp } from './sign-up.js';
import { updateUserAttributesHandler } from './update-user-attributes.js';

/** Target prefix of user-pool operations. */
export const USER_POOL_SERVICE = 'AWSCognitoIdentityProviderService';

/** Every user-pool operation the emulator implements, by name. */
export const HANDLERS: Readonly<Record<string, CognitoHandler>> = {
  AdminAddUserToGroup: adminAddUserToGroup,
  AdminConfirmSignUp: adminConfirmSignUp,
  AdminCreateUser: adminCreateUser,
  AdminDeleteUser: adminDeleteUser,
  AdminDisableUser: adminDisableUser,
  AdminEnableUser: adminEnableUser,
  AdminGetUser: adminGetUser,
  AdminInitiateAuth: adminInitiateAuth,
  AdminListGroupsForUser: adminListGroupsForUser,
  AdminRemoveUserFromGroup: adminRemoveUserFromGroup,
  AdminResetUserPassword: adminResetUserPassword,
  AdminRespondToAuthChallenge: adminRespondToAuthChallenge,
  AdminSetUserPassword: adminSetUserPassword,
  AdminUpdateUserAttributes: adminUpdateUserAttributes,
  AdminUserGlobalSignOut: adminUserGlobalSignOut,
  ChangePassword: changePassword,
  ConfirmForgotPassword: confirmForgotPassword,
  ConfirmSignUp: confirmSignUp,
  CreateGroup: createGroup,
  CreateUserPool: createUserPool,
  CreateUserPoolClient: createUserPoolClient,
  DeleteUser: deleteUser,
  DeleteUserPool: deleteUserPool,
  DeleteUserPoolClient: deleteUserPoolClient,
  DescribeUserPool: describeUserPool,
  DescribeUserPoolClient: describeUserPoolClient,
  ForgotPassword: forgotPassword,
  GetTokensFromRefreshToken: getTokensFromRefreshToken,
  GetUser: getUser,
  GlobalSignOut: globalSignOut,
  InitiateAuth: initiateAuth,
  ListUserPoolClients: listUserPoolClients,
  ListUserPools: listUserPools,
  ListUsers: listUsers,
  ResendConfirmationCode: resendConfirmationCode,
  RespondToAuthChallenge: respondToAuthChallenge,
  RevokeToken: revokeToken,
  SignUp: signUp,
  UpdateUserAttributes: updateUserAttributesHandler,
};
