import { F, validateInput } from '../validation/validate-input.js';
import { requirePool, requirePoolClient, stringMap } from './common.js';
import type { CognitoHandler } from './handler.js';
import { CHALLENGE_NAMES, runChallengeAnswer } from './respond-challenge-flow.js';

/** AdminRespondToAuthChallenge: PASSWORD_VERIFIER and NEW_PASSWORD_REQUIRED. */
export const adminRespondToAuthChallenge: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, {
    UserPoolId: F.userPoolId,
    ClientId: F.clientId,
    ChallengeName: { type: 'string', required: true, enum: CHALLENGE_NAMES },
    Session: { type: 'string', min: 20, max: 2048 },
    ChallengeResponses: F.map,
    ClientMetadata: F.map,
    AnalyticsMetadata: { type: 'structure' },
    ContextData: { type: 'structure' },
  });
  const pool = requirePool(ctx, b.UserPoolId as string);
  const client = requirePoolClient(ctx, pool, b.ClientId as string);
  return runChallengeAnswer(ctx, pool, client, b.ChallengeName as string, b.Session as string | undefined, stringMap(b, 'ChallengeResponses'), 'AdminRespondToAuthChallenge');
};
