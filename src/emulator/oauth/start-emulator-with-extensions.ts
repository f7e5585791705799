import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from '../start-emulator.js';
import { createCognitoExtensions, type CognitoExtensions, type CognitoExtensionsOptions } from './cognito-extensions.js';

/**
 * `startEmulator` with the OAuth 2.0 endpoints, federation (and the built-in test IdP at `/_cogcap/test-idp`) and
 * identity pools mounted. Same options, plus `extensions`; the identity-pool quota layer is appended after
 * `options.layers` (usage metrics, quota, latency). Drop-in replacement for `startEmulator` in the `emulator`
 * command and the embedded emulator.
 */
export async function startEmulatorWithExtensions(
  options: StartEmulatorOptions & { readonly extensions?: CognitoExtensionsOptions } = {},
): Promise<RunningEmulator & { readonly extensions: CognitoExtensions }> {
  const extensions = createCognitoExtensions({ ...(options.region ? { region: options.region } : {}), ...options.extensions });
  const layers = [...(options.layers ?? []), ...extensions.layers];
  const running = await startEmulator({
    ...options,
    layers,
    routes: [...(options.routes ?? []), ...extensions.routes],
    extraHandlers: { ...extensions.extraHandlers, ...options.extraHandlers },
  });
  extensions.bind(running.app, layers);
  return Object.assign(running, { extensions });
}
