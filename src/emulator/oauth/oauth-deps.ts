import type { EmulatorContext } from '../context.js';
import type { IdentityProviderStore } from '../federation/identity-provider-store.js';
import type { LocalHandler } from '../federation/idp-http.js';
import type { Pipeline } from './charge.js';
import type { OAuthState } from './oauth-state.js';

/** What the OAuth and federation routes need: the emulator's context and store, OAuth state and the pipeline. */
export interface OAuthDeps {
  readonly ctx: EmulatorContext;
  readonly state: OAuthState;
  readonly identityProviders: IdentityProviderStore;
  /** The app's layers (usage, quota, latency) around a handler; see `charge`. */
  readonly pipeline: Pipeline;
  /** HTTP status of throttled OAuth answers (default 429; an assumption). */
  readonly throttleStatus?: number;
  /** HTTP client used to reach external identity providers (default: global fetch). */
  readonly fetch?: typeof fetch;
  /** Answers requests to the emulator's own host in-process (the app's `handle`), e.g. for the built-in test IdP. */
  readonly localHandler?: LocalHandler;
}
