import { answerNewPassword } from '../auth/new-password-challenge.js';
import { srpVerify } from '../auth/srp-sign-in.js';
import type { EmulatorContext } from '../context.js';
import { err } from '../errors.js';
import type { PoolState } from '../store/pool-state.js';
import type { ClientConfig } from '../store/types.js';

/** Shared by RespondToAuthChallenge and AdminRespondToAuthChallenge. */
export async function runChallengeAnswer(
  ctx: EmulatorContext,
  pool: PoolState,
  client: ClientConfig,
  challenge: string,
  session: string | undefined,
  responses: Record<string, string>,
  operation: string,
): Promise<Record<string, unknown>> {
  switch (challenge) {
    case 'PASSWORD_VERIFIER':
      return srpVerify(ctx, pool, client, responses, operation);
    case 'NEW_PASSWORD_REQUIRED':
      return answerNewPassword(ctx, pool, client, session, responses, operation);
    default:
      throw err.invalidParameter(`${challenge} challenge is not supported by the emulator`);
  }
}

/** ChallengeName values of the service model. */
export const CHALLENGE_NAMES = [
  'SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA', 'SELECT_MFA_TYPE', 'MFA_SETUP', 'PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER', 'ADMIN_NO_SRP_AUTH', 'NEW_PASSWORD_REQUIRED',
  'SMS_OTP', 'PASSWORD', 'WEB_AUTHN', 'PASSWORD_SRP',
];
