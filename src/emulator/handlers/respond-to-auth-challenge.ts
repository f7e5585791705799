import { F, validateInput } from '../validation/validate-input.js';
import { requireClient, stringMap } from './common.js';
import type { CognitoHandler } from './handler.js';
import { CHALLENGE_NAMES, runChallengeAnswer } from './respond-challenge-flow.js';

/** RespondToAuthChallenge: PASSWORD_VERIFIER (SRP proof) and NEW_PASSWORD_REQUIRED. */
export const respondToAuthChallenge: CognitoHandler = async (ctx, req) => {
  const b = req.body;
  validateInput(b, {
    ClientId: F.clientId,
    ChallengeName: { type: 'string', required: true, enum: CHALLENGE_NAMES },
    Session: { type: 'string', min: 20, max: 2048 },
    ChallengeResponses: F.map,
    ClientMetadata: F.map,
    AnalyticsMetadata: { type: 'structure' },
    UserContextData: { type: 'structure' },
  });
  const { client, pool } = requireClient(ctx, b.ClientId as string);
  return runChallengeAnswer(ctx, pool, client, b.ChallengeName as string, b.Session as string | undefined, stringMap(b, 'ChallengeResponses'), 'RespondToAuthChallenge');
};
