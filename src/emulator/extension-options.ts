import type { CognitoExtensionsOptions } from './oauth/cognito-extensions.js';

/**
 * Options of the OAuth / federation / identity-pool extensions that match the emulator's limits as named on the
 * command line or in a run's spec: identity-pool per-operation quotas are off with the `unlimited` quota profile,
 * otherwise their throttles answer with the same HTTP status (default 400) and burst (default 1 s) as user-pool
 * throttles. OAuth throttles keep the extensions' own status (429, an assumption).
 */
export function extensionOptionsFor(spec: { readonly quotas?: string; readonly throttleStatus?: number; readonly burstSec?: number }): CognitoExtensionsOptions {
  if (spec.quotas === 'unlimited') return { identityPoolQuotas: false };
  return {
    identityPoolQuotas: {
      ...(spec.throttleStatus !== undefined ? { throttleStatus: spec.throttleStatus } : {}),
      ...(spec.burstSec !== undefined ? { burstSec: spec.burstSec } : {}),
    },
  };
}
