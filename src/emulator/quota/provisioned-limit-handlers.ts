import { CATEGORY_QUOTAS, isQuotaCategory, type QuotaCategory } from '../../cognito/categories.js';
import { CognitoServiceError } from '../../cognito/service-error.js';
import type { OperationRequest, OperationResponse } from '../layer.js';
import type { QuotaLimiter } from './quota-limiter.js';

/**
 * GetProvisionedLimit / UpdateProvisionedLimit (reference section 1, "Increases and provisioned capacity").
 * Request: `{"LimitDefinition":{"LimitClass":"API_CATEGORY","Attributes":{"Category":"UserAuthentication"}}}`
 * (update adds `"RequestedLimitValue": 300`). Response:
 * `{"Limit":{"LimitDefinition":{...},"ProvisionedLimitValue":300,"FreeLimitValue":120}}`.
 *
 * Emulator choices (AWS documents none of these errors):
 * - FreeLimitValue is the rate the loaded quota profile gives the category (the AWS default under `aws-default`).
 * - An update takes effect at once. RequestedLimitValue must be an integer >= 1.
 * - Non-adjustable categories (and Uncategorized, which is not a Cognito category) can be read but not updated:
 *   InvalidParameterException, as for any other argument the category does not accept.
 * - A value above the account maximum (the Service Quotas value, `accountMaxPerSec` of the profile):
 *   LimitExceededException, the error Cognito uses for "a limit of the account was reached".
 * Unlimited values are reported as -1 (JSON has no Infinity).
 */
export interface ProvisionedLimitHandlers {
  GetProvisionedLimit(req: OperationRequest): Promise<OperationResponse>;
  UpdateProvisionedLimit(req: OperationRequest): Promise<OperationResponse>;
}

const invalid = (message: string): CognitoServiceError => new CognitoServiceError('InvalidParameterException', message);
const jsonRate = (r: number): number => (Number.isFinite(r) ? r : -1);

function categoryOfDefinition(body: Record<string, unknown>): { category: QuotaCategory; definition: Record<string, unknown> } {
  const def = body.LimitDefinition;
  if (typeof def !== 'object' || def === null) throw invalid('1 validation error detected: Value null at \'limitDefinition\' failed to satisfy constraint: Member must not be null');
  const d = def as Record<string, unknown>;
  if (d.LimitClass !== 'API_CATEGORY') throw invalid(`LimitClass must be API_CATEGORY (got ${JSON.stringify(d.LimitClass ?? null)}).`);
  const attrs = d.Attributes;
  const category = typeof attrs === 'object' && attrs !== null ? (attrs as Record<string, unknown>).Category : undefined;
  if (typeof category !== 'string' || !isQuotaCategory(category) || category === 'Uncategorized' || category === 'IdentityPool') {
    throw invalid(`Attributes.Category must be a Cognito API category (got ${JSON.stringify(category ?? null)}).`);
  }
  return { category, definition: { LimitClass: 'API_CATEGORY', Attributes: { Category: category } } };
}

/** The two handlers, bound to the account's limiter. */
export function provisionedLimitHandlers(limiter: QuotaLimiter, now: () => number): ProvisionedLimitHandlers {
  const answer = (category: QuotaCategory, definition: Record<string, unknown>): OperationResponse => ({
    status: 200,
    body: {
      Limit: {
        LimitDefinition: definition,
        ProvisionedLimitValue: jsonRate(limiter.ratePerSec(category)),
        FreeLimitValue: jsonRate(limiter.profile.ratePerSec[category]),
      },
    },
  });
  return {
    async GetProvisionedLimit(req) {
      const { category, definition } = categoryOfDefinition(req.body);
      return answer(category, definition);
    },
    async UpdateProvisionedLimit(req) {
      const { category, definition } = categoryOfDefinition(req.body);
      const value = req.body.RequestedLimitValue;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
        throw invalid('RequestedLimitValue must be an integer of at least 1.');
      }
      if (!CATEGORY_QUOTAS[category].adjustable) throw invalid(`The ${category} category is not adjustable.`);
      const max = limiter.profile.accountMaxPerSec[category];
      if (value > max) {
        throw new CognitoServiceError(
          'LimitExceededException',
          `RequestedLimitValue ${value} exceeds the account maximum of ${max} for ${category}; request a Service Quotas increase${CATEGORY_QUOTAS[category].quotaCode ? ` (quota ${CATEGORY_QUOTAS[category].quotaCode})` : ''} first.`,
        );
      }
      limiter.setRatePerSec(category, value, now());
      return answer(category, definition);
    },
  };
}
