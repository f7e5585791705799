import { err } from '../errors.js';
import { authenticateAccessToken } from '../tokens/authenticate-access-token.js';
import { F, validateInput } from '../validation/validate-input.js';
import { parseAttributes } from './attributes.js';
import type { CognitoHandler } from './handler.js';
import { updateUserAttributes } from './update-attributes.js';

/**
 * UpdateUserAttributes (access token): only the client's WriteAttributes; `*_verified` cannot be set by the user; a
 * changed auto-verified email/phone gets a verification code (CodeDeliveryDetailsList).
 */
export const updateUserAttributesHandler: CognitoHandler = async (ctx, req) => {
  validateInput(req.body, { AccessToken: F.token, UserAttributes: { ...F.attributes, required: true }, ClientMetadata: F.map });
  const { pool, user, session } = authenticateAccessToken(ctx, req.body.AccessToken as string);
  const changes = parseAttributes(pool, req.body.UserAttributes);
  const writable = ctx.store.clients.get(session.clientId)?.writeAttributes;
  for (const name of Object.keys(changes)) {
    if (name.endsWith('_verified') || (writable && !writable.includes(name))) {
      throw err.notAuthorized('A client attempted to write unauthorized attribute');
    }
  }
  const deliveries = updateUserAttributes(ctx, pool, user, changes, true);
  return deliveries.length > 0 ? { CodeDeliveryDetailsList: deliveries } : {};
};
