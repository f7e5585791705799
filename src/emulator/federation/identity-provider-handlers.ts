import { CognitoServiceError } from '../../cognito/service-error.js';
import type { EmulatorContext } from '../context.js';
import { requirePool } from '../handlers/common.js';
import type { OperationHandler, OperationRequest, OperationResponse } from '../layer.js';
import type { IdentityProvider, IdentityProviderStore } from './identity-provider-store.js';

const invalid = (message: string) => new CognitoServiceError('InvalidParameterException', message);
const PROVIDER_TYPES = ['SAML', 'Facebook', 'Google', 'LoginWithAmazon', 'SignInWithApple', 'OIDC'];
const OIDC_REQUIRED = ['client_id', 'authorize_scopes', 'oidc_issuer', 'attributes_request_method'];

function str(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (typeof v !== 'string' || v === '') {
    throw invalid(`1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
  }
  return v;
}

function stringRecord(body: Record<string, unknown>, name: string): Record<string, string> {
  const v = body[name];
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v) || Object.values(v).some((x) => typeof x !== 'string')) throw invalid(`${name} must be a map of strings`);
  return { ...(v as Record<string, string>) };
}

/** The DescribeIdentityProvider shape (client secret included, as Cognito returns it to administrators). */
function shape(p: IdentityProvider): Record<string, unknown> {
  return { ...p, IdpIdentifiers: [...p.IdpIdentifiers] };
}

/**
 * CreateIdentityProvider, DescribeIdentityProvider, UpdateIdentityProvider, DeleteIdentityProvider,
 * ListIdentityProviders, GetIdentityProviderByIdentifier (service `AWSCognitoIdentityProviderService`).
 * OIDC providers need client_id, authorize_scopes, oidc_issuer and attributes_request_method (GET or POST).
 */
export function identityProviderHandlers(ctx: EmulatorContext, store: IdentityProviderStore): Record<string, OperationHandler> {
  const ok = (body: unknown): OperationResponse => ({ status: 200, body });
  const existing = (req: OperationRequest): IdentityProvider => {
    const poolId = str(req.body, 'UserPoolId');
    requirePool(ctx, poolId);
    const name = str(req.body, 'ProviderName');
    const p = store.get(poolId, name);
    if (!p) throw new CognitoServiceError('ResourceNotFoundException', `Identity provider ${name} does not exist.`);
    return p;
  };
  const checkDetails = (type: string, details: Record<string, string>): void => {
    if (type !== 'OIDC') return;
    const missing = OIDC_REQUIRED.filter((k) => !details[k]);
    if (missing.length > 0) throw invalid(`ProviderDetails is missing ${missing.join(', ')}`);
    if (!['GET', 'POST'].includes(details['attributes_request_method']!)) throw invalid('attributes_request_method must be GET or POST');
    if (!/^https?:\/\//.test(details['oidc_issuer']!)) throw invalid('oidc_issuer must be a URL');
  };
  const identifiers = (body: Record<string, unknown>): string[] => {
    const v = body['IdpIdentifiers'];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.length > 50 || v.some((x) => typeof x !== 'string')) throw invalid('IdpIdentifiers must be a list of at most 50 strings');
    return v as string[];
  };
  return {
    CreateIdentityProvider: async (req) => {
      const poolId = str(req.body, 'UserPoolId');
      requirePool(ctx, poolId);
      const name = str(req.body, 'ProviderName');
      if (!/^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$/u.test(name) || name.length > 32) throw invalid(`Invalid ProviderName: ${name}`);
      const type = str(req.body, 'ProviderType');
      if (!PROVIDER_TYPES.includes(type)) throw invalid(`Invalid ProviderType: ${type}`);
      const details = stringRecord(req.body, 'ProviderDetails');
      checkDetails(type, details);
      if (store.get(poolId, name)) throw new CognitoServiceError('DuplicateProviderException', `A provider with the name ${name} already exists in this user pool.`);
      const nowSec = ctx.now() / 1000;
      const p: IdentityProvider = {
        UserPoolId: poolId,
        ProviderName: name,
        ProviderType: type,
        ProviderDetails: details,
        AttributeMapping: { username: 'sub', ...stringRecord(req.body, 'AttributeMapping') },
        IdpIdentifiers: identifiers(req.body),
        CreationDate: nowSec,
        LastModifiedDate: nowSec,
      };
      store.put(p);
      return ok({ IdentityProvider: shape(p) });
    },
    DescribeIdentityProvider: async (req) => ok({ IdentityProvider: shape(existing(req)) }),
    UpdateIdentityProvider: async (req) => {
      const p = existing(req);
      const details = req.body['ProviderDetails'] === undefined ? p.ProviderDetails : { ...p.ProviderDetails, ...stringRecord(req.body, 'ProviderDetails') };
      checkDetails(p.ProviderType, details);
      const updated: IdentityProvider = {
        ...p,
        ProviderDetails: details,
        AttributeMapping: req.body['AttributeMapping'] === undefined ? p.AttributeMapping : { username: 'sub', ...stringRecord(req.body, 'AttributeMapping') },
        IdpIdentifiers: req.body['IdpIdentifiers'] === undefined ? p.IdpIdentifiers : identifiers(req.body),
        LastModifiedDate: ctx.now() / 1000,
      };
      store.put(updated);
      return ok({ IdentityProvider: shape(updated) });
    },
    DeleteIdentityProvider: async (req) => {
      const p = existing(req);
      store.delete(p.UserPoolId, p.ProviderName);
      return ok({});
    },
    ListIdentityProviders: async (req) => {
      const poolId = str(req.body, 'UserPoolId');
      requirePool(ctx, poolId);
      return ok({
        Providers: store.list(poolId).map((p) => ({
          ProviderName: p.ProviderName,
          ProviderType: p.ProviderType,
          LastModifiedDate: p.LastModifiedDate,
          CreationDate: p.CreationDate,
        })),
      });
    },
    GetIdentityProviderByIdentifier: async (req) => {
      const poolId = str(req.body, 'UserPoolId');
      requirePool(ctx, poolId);
      const id = str(req.body, 'IdpIdentifier');
      const p = store.byIdentifier(poolId, id);
      if (!p) throw new CognitoServiceError('ResourceNotFoundException', `Identity provider with identifier ${id} does not exist.`);
      return ok({ IdentityProvider: shape(p) });
    },
  };
}
