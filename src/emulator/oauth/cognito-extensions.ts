import type { EmulatorApp, EmulatorAppOptions } from '../app.js';
import { createEmulatorApp } from '../app.js';
import { identityProviderHandlers } from '../federation/identity-provider-handlers.js';
import { IdentityProviderStore } from '../federation/identity-provider-store.js';
import { createTestIdp, type TestIdp, type TestIdpOptions } from '../federation/test-idp.js';
import type { HttpRoute } from '../http-route.js';
import { defaultIdentityPoolDeps, IDENTITY_POOL_OPERATIONS, identityPoolExtraHandlers } from '../identity-pools/identity-pool-handlers.js';
import { IDENTITY_SERVICE } from '../identity-pools/identity-pool-quotas.js';
import { identityPoolQuotaLayer, type IdentityPoolQuotaOptions } from '../identity-pools/identity-pool-quota-layer.js';
import type { IdentityPoolDeps } from '../identity-pools/identity-pool-deps.js';
import type { Layer, OperationHandler } from '../layer.js';
import { pipelineOf } from './charge.js';
import type { OAuthDeps } from './oauth-deps.js';
import { oauthClientValidationLayer, type OAuthClientValidationDeps } from './oauth-client-validation-layer.js';
import { oauthRoute } from './oauth-routes.js';
import { OAuthState } from './oauth-state.js';
import { resourceServerHandlers } from './resource-server-handlers.js';

const USER_POOL_SERVICE = 'AWSCognitoIdentityProviderService';

/** Options of {@link createCognitoExtensions}. */
export interface CognitoExtensionsOptions {
  /** Region of identity-pool and identity ids. Default `us-east-1`. */
  readonly region?: string;
  /** The built-in test OIDC identity provider at `/_cogcap/test-idp` (default on); false to leave it out. */
  readonly testIdp?: TestIdpOptions | false;
  /** HTTP status of throttled OAuth answers (default 429, an assumption: AWS does not document it). */
  readonly oauthThrottleStatus?: number;
  /** Identity-pool quota options (rates per operation); false for no identity-pool quota layer. */
  readonly identityPoolQuotas?: IdentityPoolQuotaOptions | false;
  /** Overrides of the identity-pool dependencies (seeded randomness, a fixed OpenID key, ...). */
  readonly identityPoolDeps?: Partial<IdentityPoolDeps>;
  /** HTTP client for external identity providers. Default global fetch. */
  readonly fetch?: typeof fetch;
}

/**
 * The emulator's OAuth 2.0 endpoints, federation and identity pools, packaged for `createEmulatorApp`:
 * pass `routes`, `extraHandlers` and `layers` in the app's options, then call `bind(app, allLayers)` once the app
 * exists (the routes and handlers use its context; `allLayers` must be the same Layer instances the app runs, so the
 * OAuth endpoints draw on the same buckets). {@link createEmulatorAppWithExtensions} does all of that.
 */
export interface CognitoExtensions {
  /** OAuth route (token, authorize, login, userInfo, revoke, idpresponse) and the test IdP route. */
  readonly routes: readonly HttpRoute[];
  /** Resource servers and identity providers (user-pool service) and every identity-pool operation. */
  readonly extraHandlers: Readonly<Record<string, OperationHandler>>;
  /** OAuth client-settings validation (CreateUserPoolClient/UpdateUserPoolClient) and the identity-pool quota layer
   * (place them after the user-pool quota layer). */
  readonly layers: readonly Layer[];
  readonly oauthState: OAuthState;
  readonly identityProviders: IdentityProviderStore;
  readonly testIdp: TestIdp | undefined;
  /** Connects the routes and handlers to the app; `layers` = every layer the app was created with, in order. */
  bind(app: EmulatorApp, layers: readonly Layer[]): void;
}

/** Builds the extensions; see {@link CognitoExtensions}. */
export function createCognitoExtensions(options: CognitoExtensionsOptions = {}): CognitoExtensions {
  const oauthState = new OAuthState();
  const identityProviders = new IdentityProviderStore();
  const testIdp = options.testIdp === false ? undefined : createTestIdp(options.testIdp ?? {});
  let bound: { deps: OAuthDeps; handlers: Record<string, OperationHandler> } | undefined;
  const key = (op: string) => `${USER_POOL_SERVICE}.${op}`;
  const need = () => {
    if (!bound) throw new Error('Cognito extensions used before bind(app, layers)');
    return bound;
  };

  const userPoolOps = [
    'CreateResourceServer', 'DescribeResourceServer', 'UpdateResourceServer', 'DeleteResourceServer', 'ListResourceServers',
    'CreateIdentityProvider', 'DescribeIdentityProvider', 'UpdateIdentityProvider', 'DeleteIdentityProvider',
    'ListIdentityProviders', 'GetIdentityProviderByIdentifier',
  ];
  const extraHandlers: Record<string, OperationHandler> = {};
  for (const op of userPoolOps) extraHandlers[key(op)] = (req) => need().handlers[key(op)]!(req);
  for (const op of IDENTITY_POOL_OPERATIONS) {
    const k = `${IDENTITY_SERVICE}.${op}`;
    extraHandlers[k] = (req) => need().handlers[k]!(req);
  }

  let validationDeps: OAuthClientValidationDeps | undefined;
  const layers: Layer[] = [
    oauthClientValidationLayer(() => validationDeps),
    ...(options.identityPoolQuotas === false ? [] : [identityPoolQuotaLayer(options.identityPoolQuotas ?? {})]),
  ];
  const routes: HttpRoute[] = [oauthRoute(() => need().deps), ...(testIdp ? [testIdp.route] : [])];

  return {
    routes,
    extraHandlers,
    layers,
    oauthState,
    identityProviders,
    testIdp,
    bind(app, appLayers) {
      const ctx = app.context;
      validationDeps = { store: ctx.store, resourceServers: oauthState.resourceServers, identityProviders };
      const deps: OAuthDeps = {
        ctx,
        state: oauthState,
        identityProviders,
        pipeline: pipelineOf(appLayers),
        localHandler: (req) => app.handle(req),
        ...(options.oauthThrottleStatus !== undefined ? { throttleStatus: options.oauthThrottleStatus } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      };
      const userPool = { ...resourceServerHandlers(ctx, oauthState.resourceServers), ...identityProviderHandlers(ctx, identityProviders) };
      const identityDeps = defaultIdentityPoolDeps(
        options.region ?? ctx.region,
        (poolId, token, nowMs) => app.verifyUserPoolToken(poolId, token, nowMs),
        options.identityPoolDeps,
      );
      bound = {
        deps,
        handlers: {
          ...Object.fromEntries(Object.entries(userPool).map(([op, h]) => [key(op), h])),
          ...identityPoolExtraHandlers(identityDeps),
        },
      };
    },
  };
}

/**
 * `createEmulatorApp` with the OAuth endpoints, federation (and its test IdP) and identity pools plugged in.
 * The identity-pool quota layer is appended after `options.layers` (innermost); to place it elsewhere, build the app
 * yourself with {@link createCognitoExtensions}.
 */
export function createEmulatorAppWithExtensions(
  options: EmulatorAppOptions & { readonly extensions?: CognitoExtensionsOptions } = {},
): { app: EmulatorApp; extensions: CognitoExtensions } {
  const extensions = createCognitoExtensions({ region: options.region, ...options.extensions });
  const layers = [...(options.layers ?? []), ...extensions.layers];
  const app = createEmulatorApp({
    ...options,
    layers,
    routes: [...(options.routes ?? []), ...extensions.routes],
    extraHandlers: { ...extensions.extraHandlers, ...options.extraHandlers },
  });
  extensions.bind(app, layers);
  return { app, extensions };
}
