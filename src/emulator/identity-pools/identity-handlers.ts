import { signRs256Jwt } from '../federation/rs256-jwt.js';
import type { OperationHandler, OperationRequest } from '../layer.js';
import { makeFakeCredentials } from './fake-credentials.js';
import { COGNITO_IDENTITY_ISSUER, type IdentityPoolDeps } from './identity-pool-deps.js';
import { identityErrors, optionalStringMap, requireString } from './identity-pool-errors.js';
import type { Identity, IdentityPool } from './identity-pool-store.js';
import { validateLogins, type ValidatedLogin } from './validate-logins.js';

/** Lifetime of a GetOpenIdToken token, seconds (10 minutes, as documented). */
export const OPEN_ID_TOKEN_LIFETIME_SEC = 600;
/** Default lifetime of a GetOpenIdTokenForDeveloperIdentity token, seconds (15 minutes); at most 86,400. */
export const DEVELOPER_TOKEN_DEFAULT_LIFETIME_SEC = 900;

/**
 * The calls apps make: GetId, GetOpenIdToken, GetCredentialsForIdentity, GetOpenIdTokenForDeveloperIdentity.
 * Identities are keyed by their logins: the same (provider, subject) always yields the same IdentityId; GetId
 * without logins creates a new unauthenticated identity on each call (when the pool allows it).
 */
export function identityHandlers(deps: IdentityPoolDeps): Record<string, OperationHandler> {
  const { store } = deps;

  const poolById = (id: string): IdentityPool => {
    const pool = store.pools.get(id);
    if (!pool) throw identityErrors.poolNotFound(id);
    return pool;
  };

  const newIdentity = (pool: IdentityPool, nowMs: number): Identity => {
    const identity: Identity = {
      IdentityId: `${deps.region}:${deps.uuid()}`,
      IdentityPoolId: pool.IdentityPoolId,
      logins: new Map(),
      creationDateMs: nowMs,
      lastModifiedDateMs: nowMs,
    };
    store.addIdentity(identity);
    return identity;
  };

  /** Links each login to `identity`; a login already linked to another identity is a conflict. */
  const linkAll = (identity: Identity, logins: readonly ValidatedLogin[], nowMs: number): void => {
    for (const l of logins) {
      if (l.provider === COGNITO_IDENTITY_ISSUER) continue;
      const other = store.findByLogin(identity.IdentityPoolId, l.provider, l.subject);
      if (other && other.IdentityId !== identity.IdentityId) {
        throw identityErrors.conflict('Login is already linked to another identity.');
      }
      if (!other) store.link(identity, l.provider, l.subject, nowMs);
    }
  };

  /** The identity a GetOpenIdToken / GetCredentialsForIdentity call may act on, after checking its logins. */
  const authorise = async (req: OperationRequest): Promise<{ identity: Identity; pool: IdentityPool }> => {
    const identityId = requireString(req.body, 'IdentityId');
    const logins = optionalStringMap(req.body, 'Logins') ?? {};
    const identity = store.identities.get(identityId);
    if (!identity) throw identityErrors.identityNotFound(identityId);
    const pool = poolById(identity.IdentityPoolId);
    const validated = await validateLogins(deps, pool, logins, req.receivedAtMs);
    if (identity.logins.size > 0) {
      const matches = validated.some((l) =>
        l.provider === COGNITO_IDENTITY_ISSUER ? l.subject === identity.IdentityId : identity.logins.get(l.provider) === l.subject,
      );
      if (!matches) throw identityErrors.notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool.");
    } else if (validated.length === 0 && !pool.AllowUnauthenticatedIdentities) {
      throw identityErrors.notAuthorized('Unauthenticated access is not supported for this identity pool.');
    }
    linkAll(identity, validated, req.receivedAtMs);
    return { identity, pool };
  };

  const openIdToken = (identity: Identity, nowMs: number, lifetimeSec: number): string => {
    const iat = Math.floor(nowMs / 1000);
    const authenticated = identity.logins.size > 0;
    return signRs256Jwt(deps.openIdKey, {
      iss: `https://${COGNITO_IDENTITY_ISSUER}`,
      sub: identity.IdentityId,
      aud: identity.IdentityPoolId,
      amr: authenticated ? ['authenticated', ...identity.logins.keys()] : ['unauthenticated'],
      iat,
      exp: iat + lifetimeSec,
    });
  };

  return {
    GetId: async (req: OperationRequest) => {
      const pool = poolById(requireString(req.body, 'IdentityPoolId'));
      const logins = optionalStringMap(req.body, 'Logins') ?? {};
      const validated = await validateLogins(deps, pool, logins, req.receivedAtMs);
      if (validated.length === 0) {
        if (!pool.AllowUnauthenticatedIdentities) {
          throw identityErrors.notAuthorized('Unauthenticated access is not supported for this identity pool.');
        }
        return { status: 200, body: { IdentityId: newIdentity(pool, req.receivedAtMs).IdentityId } };
      }
      const existing = validated
        .map((l) => store.findByLogin(pool.IdentityPoolId, l.provider, l.subject))
        .find((i): i is Identity => i !== undefined);
      const identity = existing ?? newIdentity(pool, req.receivedAtMs);
      linkAll(identity, validated, req.receivedAtMs);
      return { status: 200, body: { IdentityId: identity.IdentityId } };
    },

    GetOpenIdToken: async (req: OperationRequest) => {
      const { identity } = await authorise(req);
      return { status: 200, body: { IdentityId: identity.IdentityId, Token: openIdToken(identity, req.receivedAtMs, OPEN_ID_TOKEN_LIFETIME_SEC) } };
    },

    GetCredentialsForIdentity: async (req: OperationRequest) => {
      const { identity, pool } = await authorise(req);
      const roles = store.roles.get(pool.IdentityPoolId)?.Roles ?? {};
      const role = identity.logins.size > 0 ? roles['authenticated'] : roles['unauthenticated'];
      if (role === undefined) throw identityErrors.badRoles();
      return {
        status: 200,
        body: { IdentityId: identity.IdentityId, Credentials: makeFakeCredentials(identity.IdentityId, req.receivedAtMs, deps.rng) },
      };
    },

    GetOpenIdTokenForDeveloperIdentity: async (req: OperationRequest) => {
      const pool = poolById(requireString(req.body, 'IdentityPoolId'));
      const logins = optionalStringMap(req.body, 'Logins');
      if (!logins) throw identityErrors.missing('Logins');
      const developer = pool.DeveloperProviderName;
      if (developer === undefined || !(developer in logins)) {
        throw identityErrors.notAuthorized('The developer provider name is not configured for this identity pool or is missing from Logins.');
      }
      const duration = req.body['TokenDuration'] ?? DEVELOPER_TOKEN_DEFAULT_LIFETIME_SEC;
      if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 1 || duration > 86_400) {
        throw identityErrors.invalid('TokenDuration must be between 1 and 86400 seconds');
      }
      const { [developer]: devSubject, ...others } = logins;
      const validated = [{ provider: developer, subject: devSubject! }, ...(await validateLogins(deps, pool, others, req.receivedAtMs))];
      const requestedId = req.body['IdentityId'];
      let identity: Identity | undefined;
      if (typeof requestedId === 'string') {
        identity = store.identities.get(requestedId);
        if (!identity || identity.IdentityPoolId !== pool.IdentityPoolId) throw identityErrors.identityNotFound(requestedId);
      } else {
        identity = validated.map((l) => store.findByLogin(pool.IdentityPoolId, l.provider, l.subject)).find((i) => i !== undefined);
      }
      identity ??= newIdentity(pool, req.receivedAtMs);
      linkAll(identity, validated, req.receivedAtMs);
      return { status: 200, body: { IdentityId: identity.IdentityId, Token: openIdToken(identity, req.receivedAtMs, duration) } };
    },
  };
}
