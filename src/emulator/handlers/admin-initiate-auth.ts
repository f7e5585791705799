import { err } from '../errors.js';
import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requirePoolClient, stringMap } from './common.js';
import type { CognitoHandler } from './handler.js';
import { runAuthFlow } from './initiate-auth-flow.js';
import { INITIATE_AUTH_FLOWS } from './initiate-auth.js';

/** AdminInitiateAuth: ADMIN_USER_PASSWORD_AUTH (ADMIN_NO_SRP_AUTH), USER_SRP_AUTH, REFRESH_TOKEN_AUTH. */
export const adminInitiateAuth: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, {
    UserPoolId: F.userPoolId,
    ClientId: F.clientId,
    AuthFlow: { type: 'string', required: true, enum: INITIATE_AUTH_FLOWS },
    AuthParameters: F.map,
    ClientMetadata: F.map,
    AnalyticsMetadata: { type: 'structure' },
    ContextData: { type: 'structure' },
    Session: { type: 'string' },
  });
  const pool = requirePool(ctx, b.UserPoolId as string);
  const client = requirePoolClient(ctx, pool, b.ClientId as string);
  const flow = b.AuthFlow as string;
  if (flow === 'USER_PASSWORD_AUTH') throw err.invalidParameter('Initiate Auth method not supported.');
  return runAuthFlow(ctx, pool, client, flow, stringMap(b, 'AuthParameters'), 'AdminInitiateAuth');
};
