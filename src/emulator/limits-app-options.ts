import type { EmulatorAppOptions } from './app.js';
import { loadLatencySettings } from './latency/latency-profile-file.js';
import { createLimits, type Limits } from './limits.js';
import { loadQuotaProfile } from './quota/quota-profile-file.js';

/** Limits as named on the command line or in a run's embedded-emulator spec (plain data). */
export interface LimitsSpec {
  /** `aws-default` (default), `unlimited`, or a JSON/YAML quota profile file. */
  readonly quotas?: string;
  /** `zero` (default), `realistic`, or a JSON/YAML latency profile file (service latency and triggers). */
  readonly latency?: string;
  /** HTTP status of TooManyRequestsException (default 400). */
  readonly throttleStatus?: number;
  /** Burst allowance, seconds of rate (default: the profile's, 1). */
  readonly burstSec?: number;
}

/** The injected world of {@link limitsFromSpec}. */
export interface LimitsWorld {
  readonly now: () => number;
  /** Uniform [0, 1) source for latency and trigger outcomes (default Math.random). */
  readonly random?: () => number;
  /** Reads a profile file as UTF-8 (default node:fs). */
  readonly read?: (path: string) => Promise<string>;
}

/** Loads the named profiles (InputError on a bad name or file) and builds the limits. */
export async function limitsFromSpec(spec: LimitsSpec, world: LimitsWorld): Promise<Limits> {
  const quotas = await loadQuotaProfile(spec.quotas ?? 'aws-default', world.read);
  const settings = await loadLatencySettings(spec.latency ?? 'zero', world.read);
  return createLimits({
    quotas,
    latency: settings.latency,
    triggers: settings.triggers,
    ...(spec.throttleStatus !== undefined ? { throttleStatus: spec.throttleStatus } : {}),
    ...(spec.burstSec !== undefined ? { burstSec: spec.burstSec } : {}),
    now: world.now,
    random: world.random ?? Math.random,
  });
}

/**
 * The app options that plug the limits into `createEmulatorApp` / `startEmulator`: layers (usage metrics, quota,
 * latency, outermost first, placed before `extraLayers`), the metrics routes, the provisioned-limit handlers,
 * the simulated triggers and the lockout tracker.
 */
export function limitsAppOptions(
  limits: Limits,
  extraLayers: EmulatorAppOptions['layers'] = [],
): Required<Pick<EmulatorAppOptions, 'layers' | 'routes' | 'extraHandlers' | 'triggers' | 'lockout'>> {
  return {
    layers: [...limits.layers, ...extraLayers],
    routes: limits.routes,
    extraHandlers: Object.fromEntries(Object.entries(limits.handlers).map(([op, h]) => [`AWSCognitoIdentityProviderService.${op}`, h])),
    triggers: limits.triggers,
    lockout: limits.lockout,
  };
}
