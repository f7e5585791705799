import { adminCreateUser } from './admin-create-user.js';
import { adminGetUser } from './admin-get-user.js';
import { adminInitiateAuth } from './admin-initiate-auth.js';
import { adminRespondToAuthChallenge } from './admin-respond-to-auth-challenge.js';
import { adminSetUserPassword } from './admin-set-user-password.js';
import { createUserPool } from './create-user-pool.js';
import { createUserPoolClient } from './create-user-pool-client.js';
import { deleteUserPool } from './delete-user-pool.js';
import { describeUserPool } from './describe-user-pool.js';
import { describeUserPoolClient } from './describe-user-pool-client.js';
import type { CognitoHandler } from './handler.js';
import { initiateAuth } from './initiate-auth.js';
import { listUserPools } from './list-user-pools.js';
import { respondToAuthChallenge } from './respond-to-auth-challenge.js';

/** Target prefix of user-pool operations. */
export const USER_POOL_SERVICE = 'AWSCognitoIdentityProviderService';

/** Every user-pool operation the emulator implements, by name. */
export const HANDLERS: Readonly<Record<string, CognitoHandler>> = {
  AdminCreateUser: adminCreateUser,
  AdminGetUser: adminGetUser,
  AdminInitiateAuth: adminInitiateAuth,
  AdminRespondToAuthChallenge: adminRespondToAuthChallenge,
  AdminSetUserPassword: adminSetUserPassword,
  CreateUserPool: createUserPool,
  CreateUserPoolClient: createUserPoolClient,
  DeleteUserPool: deleteUserPool,
  DescribeUserPool: describeUserPool,
  DescribeUserPoolClient: describeUserPoolClient,
  InitiateAuth: initiateAuth,
  ListUserPools: listUserPools,
  RespondToAuthChallenge: respondToAuthChallenge,
};
