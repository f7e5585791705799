import { err } from '../errors.js';
import { authenticateAccessToken } from '../tokens/authenticate-access-token.js';
import { F, validateInput } from '../validation/validate-input.js';
import { attributeList } from './common.js';
import type { CognitoHandler } from './handler.js';

/** GetUser (access token): username and attributes. */
export const getUser: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { AccessToken: F.token });
  const { user } = authenticateAccessToken(ctx, req.body.AccessToken as string);
  if (!user.enabled) throw err.userDisabled();
  return { Username: user.username, UserAttributes: attributeList(user.attributes), UserMFASettingList: [] };
};
