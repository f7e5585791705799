import { err } from '../errors.js';
import { F, validateInput } from '../validation/validate-input.js';
import { requireClient, stringMap } from './common.js';
import type { CognitoHandler } from './handler.js';
import { runAuthFlow } from './initiate-auth-flow.js';

/** Auth flows InitiateAuth accepts. */
export const INITIATE_AUTH_FLOWS = ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'USER_AUTH'];

/** InitiateAuth: USER_PASSWORD_AUTH, USER_SRP_AUTH, REFRESH_TOKEN_AUTH / REFRESH_TOKEN. */
export const initiateAuth: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, {
    AuthFlow: { type: 'string', required: true, enum: INITIATE_AUTH_FLOWS },
    AuthParameters: F.map,
    ClientMetadata: F.map,
    ClientId: F.clientId,
    AnalyticsMetadata: { type: 'structure' },
    UserContextData: { type: 'structure' },
    Session: { type: 'string' },
  });
  const { client, pool } = requireClient(ctx, b.ClientId as string);
  const flow = b.AuthFlow as string;
  if (flow === 'ADMIN_USER_PASSWORD_AUTH' || flow === 'ADMIN_NO_SRP_AUTH') {
    throw err.invalidParameter('Initiate Auth method not supported.');
  }
  return runAuthFlow(ctx, pool, client, flow, stringMap(b, 'AuthParameters'), 'InitiateAuth');
};
