import type { PoolMetricKind } from './usage-recorder.js';

const REFRESH_FLOWS = new Set(['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']);

/**
 * Which AWS/Cognito pool metric family a call feeds (reference section 3): sign-in (InitiateAuth and
 * AdminInitiateAuth except refresh flows, and challenge responses), token refresh (refresh flows,
 * GetTokensFromRefreshToken, token-endpoint refresh grants) and sign-up (SignUp, AdminCreateUser: assumption, AWS says "user registration
 * requests"). Null for every other call.
 */
export function poolMetricKind(operation: string, body: Readonly<Record<string, unknown>>): PoolMetricKind | null {
  switch (operation) {
    case 'InitiateAuth':
    case 'AdminInitiateAuth':
      return typeof body.AuthFlow === 'string' && REFRESH_FLOWS.has(body.AuthFlow) ? 'TokenRefresh' : 'SignIn';
    case 'RespondToAuthChallenge':
    case 'AdminRespondToAuthChallenge':
      return 'SignIn';
    case 'GetTokensFromRefreshToken':
    case 'OAuth2Token.refresh_token': // token endpoint refresh grant (src/emulator/oauth)
      return 'TokenRefresh';
    case 'SignUp':
    case 'AdminCreateUser':
      return 'SignUp';
    default:
      return null;
  }
}

/**
 * Whether a successful response completes the attempt: sign-in and refresh succeed when tokens are issued
 * (`AuthenticationResult`); a response carrying another challenge is an intermediate step, not a sample.
 * Sign-up, and the OAuth endpoints' pseudo-operations (whose pipeline body carries no tokens), succeed with any
 * non-error status.
 * @returns 'success', 'failure', or null for an intermediate step
 */
export function successOutcome(kind: PoolMetricKind, operation: string, status: number, body: unknown): 'success' | 'failure' | null {
  if (status >= 400) return 'failure';
  if (kind === 'SignUp' || operation.startsWith('OAuth2')) return 'success';
  const hasTokens = typeof body === 'object' && body !== null && 'AuthenticationResult' in body && (body as Record<string, unknown>).AuthenticationResult != null;
  return hasTokens ? 'success' : null;
}
