import { passwordSignIn } from '../auth/password-sign-in.js';
import { refreshSignIn } from '../auth/refresh-sign-in.js';
import { srpStart } from '../auth/srp-sign-in.js';
import type { EmulatorContext } from '../context.js';
import { err } from '../errors.js';
import type { PoolState } from '../store/pool-state.js';
import type { ClientConfig } from '../store/types.js';
import { checkFlowEnabled } from './auth-flows.js';
import { checkSecretHash, checkSecretHashAny } from './common.js';

/** Shared by InitiateAuth and AdminInitiateAuth once the client and pool are known. */
export async function runAuthFlow(
  ctx: EmulatorContext,
  pool: PoolState,
  client: ClientConfig,
  flow: string,
  params: Record<string, string>,
  operation: string,
): Promise<Record<string, unknown>> {
  checkFlowEnabled(client, flow);
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH': {
      const username = params.USERNAME;
      if (!username) throw err.invalidParameter('Missing required parameter USERNAME');
      checkSecretHash(client, username, params.SECRET_HASH);
      if (params.PASSWORD === undefined) throw err.invalidParameter('Missing required parameter PASSWORD');
      return passwordSignIn(ctx, pool, client, username, params.PASSWORD, operation);
    }
    case 'USER_SRP_AUTH': {
      const username = params.USERNAME;
      if (!username) throw err.invalidParameter('Missing required parameter USERNAME');
      checkSecretHash(client, username, params.SECRET_HASH);
      return srpStart(ctx, pool, client, username, params.SRP_A, operation);
    }
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN': {
      const token = params.REFRESH_TOKEN;
      if (!token) throw err.invalidParameter('Missing required parameter REFRESH_TOKEN');
      const result = await refreshSignIn(ctx, pool, client, token, operation, (user) =>
        checkSecretHashAny(client, [user.username, user.sub, params.USERNAME ?? ''], params.SECRET_HASH),
      );
      return { AuthenticationResult: result, ChallengeParameters: {} };
    }
    default:
      throw err.invalidParameter(`${flow} flow is not supported by the emulator`);
  }
}
