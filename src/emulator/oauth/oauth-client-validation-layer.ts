import { CognitoServiceError } from '../../cognito/service-error.js';
import type { IdentityProviderStore } from '../federation/identity-provider-store.js';
import type { Layer } from '../layer.js';
import type { EmulatorStore } from '../store/emulator-store.js';
import { STANDARD_SCOPES } from './oauth-client-settings.js';
import type { ResourceServerStore } from './resource-server-store.js';

const FLOWS = ['code', 'implicit', 'client_credentials'];

/** What the validation needs, read at call time (the app's store exists only once the app does). */
export interface OAuthClientValidationDeps {
  readonly store: EmulatorStore;
  readonly resourceServers: ResourceServerStore;
  readonly identityProviders: IdentityProviderStore;
}

/**
 * Checks the OAuth members of CreateUserPoolClient and UpdateUserPoolClient before the handler stores them (the
 * handler keeps them as given): flows among code/implicit/client_credentials; client_credentials neither mixed with
 * code or implicit nor on a client without a secret (InvalidOAuthFlowException); every scope a standard scope or a
 * scope of one of the pool's resource servers (ScopeDoesNotExistException); every identity provider `COGNITO` or one
 * of the pool's (InvalidParameterException). Other calls pass through.
 */
export function oauthClientValidationLayer(deps: () => OAuthClientValidationDeps | undefined): Layer {
  return async (req, next) => {
    if (req.service !== 'AWSCognitoIdentityProviderService' || (req.operation !== 'CreateUserPoolClient' && req.operation !== 'UpdateUserPoolClient')) {
      return next(req);
    }
    const d = deps();
    const b = req.body;
    const poolId = typeof b['UserPoolId'] === 'string' ? b['UserPoolId'] : undefined;
    if (!d || !poolId || !d.store.pools.has(poolId)) return next(req);
    const list = (name: string): string[] | undefined => (Array.isArray(b[name]) ? (b[name] as unknown[]).filter((x): x is string => typeof x === 'string') : undefined);
    const flows = list('AllowedOAuthFlows');
    if (flows) {
      const bad = flows.filter((f) => !FLOWS.includes(f));
      if (bad.length > 0) {
        throw new CognitoServiceError('InvalidParameterException', `1 validation error detected: Value '[${bad.join(', ')}]' at 'allowedOAuthFlows' failed to satisfy constraint: Member must satisfy enum value set: [${FLOWS.join(', ')}]`);
      }
      if (flows.includes('client_credentials')) {
        if (flows.some((f) => f !== 'client_credentials')) {
          throw new CognitoServiceError('InvalidOAuthFlowException', 'client_credentials flow can not be selected along with code flow or implicit flow.');
        }
        const hasSecret =
          req.operation === 'CreateUserPoolClient'
            ? b['GenerateSecret'] === true
            : typeof b['ClientId'] === 'string' && (d.store.clients.get(b['ClientId'])?.clientSecret ?? null) !== null;
        if (!hasSecret) throw new CognitoServiceError('InvalidOAuthFlowException', 'client_credentials flow can not be selected if client does not have a client secret.');
      }
    }
    const scopes = list('AllowedOAuthScopes') ?? [];
    const missing = scopes.filter((s) => !STANDARD_SCOPES.includes(s) && !d.resourceServers.hasCustomScope(poolId, s));
    if (missing.length > 0) throw new CognitoServiceError('ScopeDoesNotExistException', `Invalid scope requested: ${missing.join(', ')}`);
    for (const p of list('SupportedIdentityProviders') ?? []) {
      if (p !== 'COGNITO' && !d.identityProviders.get(poolId, p)) {
        throw new CognitoServiceError('InvalidParameterException', `The provider ${p} does not exist for User Pool ${poolId}`);
      }
    }
    return next(req);
  };
}
