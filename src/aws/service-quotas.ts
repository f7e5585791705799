import {
  GetRequestedServiceQuotaChangeCommand,
  ListAWSDefaultServiceQuotasCommand,
  ListRequestedServiceQuotaChangeHistoryCommand,
  ListServiceQuotasCommand,
  RequestServiceQuotaIncreaseCommand,
  type RequestedServiceQuotaChange,
  type ServiceQuota,
  type ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import type { IncreasePayload } from '../planner/drafts.js';
import { QUOTA_KEYS, type QuotaKey, type QuotaService } from '../planner/quota-keys.js';
import { defaultQuota, type CurrentQuota, type QuotaTable } from '../planner/quota-table.js';
import { awsCallError } from './aws-error.js';

/** One quota as Service Quotas reports it. */
export interface ServiceQuotaRecord {
  readonly serviceCode: string;
  readonly quotaCode: string;
  readonly quotaName: string;
  readonly value: number | null;
  readonly adjustable: boolean | null;
}

function record(q: ServiceQuota): ServiceQuotaRecord {
  return {
    serviceCode: q.ServiceCode ?? '',
    quotaCode: q.QuotaCode ?? '',
    quotaName: q.QuotaName ?? '',
    value: typeof q.Value === 'number' ? q.Value : null,
    adjustable: typeof q.Adjustable === 'boolean' ? q.Adjustable : null,
  };
}

/**
 * Every quota of a service, following NextToken: `applied` = ListServiceQuotas (the account's values),
 * `default` = ListAWSDefaultServiceQuotas. Failures become a TargetError naming the API.
 */
export async function listServiceQuotas(client: ServiceQuotasClient, serviceCode: string, kind: 'applied' | 'default'): Promise<ServiceQuotaRecord[]> {
  const out: ServiceQuotaRecord[] = [];
  let token: string | undefined;
  const api = kind === 'applied' ? 'ListServiceQuotas' : 'ListAWSDefaultServiceQuotas';
  do {
    const input = { ServiceCode: serviceCode, MaxResults: 100, ...(token ? { NextToken: token } : {}) };
    let page;
    try {
      page = kind === 'applied' ? await client.send(new ListServiceQuotasCommand(input)) : await client.send(new ListAWSDefaultServiceQuotasCommand(input));
    } catch (err) {
      throw awsCallError(`Service Quotas ${api}(${serviceCode})`, err);
    }
    for (const q of page.Quotas ?? []) out.push(record(q));
    token = page.NextToken || undefined;
  } while (token);
  return out;
}

/** Finds a key's quota in a listing: by catalogue code first, then by quota name. */
export function matchQuota(key: QuotaKey, list: readonly ServiceQuotaRecord[]): { rec: ServiceQuotaRecord; by: 'code' | 'name' } | null {
  if (key.quotaCode) {
    const byCode = list.find((q) => q.quotaCode === key.quotaCode);
    if (byCode) return { rec: byCode, by: 'code' };
  }
  const names = key.quotaNames.map((n) => n.toLowerCase());
  const byName = list.find((q) => names.includes(q.quotaName.toLowerCase()));
  return byName ? { rec: byName, by: 'name' } : null;
}

/** Merges applied and default listings into current quotas for the keys of one service (pure). */
export function liveQuotasOf(
  service: QuotaService,
  applied: readonly ServiceQuotaRecord[],
  defaults: readonly ServiceQuotaRecord[],
): { quotas: Record<string, CurrentQuota>; warnings: string[] } {
  const quotas: Record<string, CurrentQuota> = {};
  const warnings: string[] = [];
  for (const key of QUOTA_KEYS.filter((k) => k.service === service)) {
    const a = matchQuota(key, applied);
    const d = matchQuota(key, defaults);
    const notes: string[] = [];
    const code = a?.rec.quotaCode || d?.rec.quotaCode || key.quotaCode;
    if ((a?.by === 'name' || d?.by === 'name') && code !== key.quotaCode) {
      notes.push(`quota code ${code} resolved by name "${(a ?? d)!.rec.quotaName}" at run time${key.quotaCode ? ` (catalogue: ${key.quotaCode})` : ''}`);
    }
    const base = defaultQuota(key);
    const appliedValue = a?.rec.value ?? null;
    const awsDefault = d?.rec.value ?? null;
    if (appliedValue === null && awsDefault === null) {
      warnings.push(`Service Quotas lists no "${key.quotaNames[0]}" for ${service}: using the documented default ${key.defaultRatePerSec} req/s`);
      notes.push('not listed by Service Quotas: documented default used');
      quotas[key.id] = { ...base, notes };
      continue;
    }
    const adjustable = a?.rec.adjustable ?? d?.rec.adjustable ?? key.adjustable;
    quotas[key.id] = {
      ...base,
      valueRatePerSec: appliedValue ?? awsDefault!,
      source: 'service-quotas',
      awsDefaultRatePerSec: awsDefault,
      appliedRatePerSec: appliedValue,
      quotaCode: code,
      adjustable,
      notes: appliedValue === null ? [...notes, 'no applied value: AWS default used'] : notes,
    };
  }
  return { quotas, warnings };
}

/**
 * Live quotas of both services (`cognito-idp` and `cognito-identity`), applied and default values, paginated.
 * Keys Service Quotas does not list keep the documented default (with a warning).
 */
export async function fetchServiceQuotaTable(client: ServiceQuotasClient): Promise<{ table: QuotaTable; warnings: string[] }> {
  const table: Record<string, CurrentQuota> = {};
  const warnings: string[] = [];
  for (const service of ['cognito-idp', 'cognito-identity'] as const) {
    const applied = await listServiceQuotas(client, service, 'applied');
    const defaults = await listServiceQuotas(client, service, 'default');
    const r = liveQuotasOf(service, applied, defaults);
    Object.assign(table, r.quotas);
    warnings.push(...r.warnings);
  }
  return { table, warnings };
}

/** A submitted quota increase request. */
export interface SubmittedRequest {
  readonly requestId: string;
  readonly serviceCode: string;
  readonly quotaCode: string;
  readonly quotaName: string;
  readonly desiredValue: number;
  readonly status: string;
  readonly created: string | null;
  readonly caseId: string | null;
}

function submitted(c: RequestedServiceQuotaChange | undefined, fallback: IncreasePayload): SubmittedRequest {
  return {
    requestId: c?.Id ?? '',
    serviceCode: c?.ServiceCode ?? fallback.ServiceCode,
    quotaCode: c?.QuotaCode ?? fallback.QuotaCode ?? '',
    quotaName: c?.QuotaName ?? '',
    desiredValue: c?.DesiredValue ?? fallback.DesiredValue,
    status: c?.Status ?? 'UNKNOWN',
    created: c?.Created ? new Date(c.Created).toISOString() : null,
    caseId: c?.CaseId ?? null,
  };
}

/** Files one increase request (RequestServiceQuotaIncrease). The payload must have a quota code. */
export async function requestIncrease(client: ServiceQuotasClient, payload: IncreasePayload): Promise<SubmittedRequest> {
  if (!payload.QuotaCode) throw new Error('requestIncrease: the payload has no QuotaCode');
  try {
    const out = await client.send(
      new RequestServiceQuotaIncreaseCommand({ ServiceCode: payload.ServiceCode, QuotaCode: payload.QuotaCode, DesiredValue: payload.DesiredValue }),
    );
    return submitted(out.RequestedQuota, payload);
  } catch (err) {
    throw awsCallError(`Service Quotas RequestServiceQuotaIncrease(${payload.ServiceCode} ${payload.QuotaCode})`, err);
  }
}

/** Status of one request by id (GetRequestedServiceQuotaChange). */
export async function requestStatus(client: ServiceQuotasClient, requestId: string): Promise<SubmittedRequest> {
  try {
    const out = await client.send(new GetRequestedServiceQuotaChangeCommand({ RequestId: requestId }));
    return submitted(out.RequestedQuota, { ServiceCode: '', QuotaCode: null, DesiredValue: 0 });
  } catch (err) {
    throw awsCallError(`Service Quotas GetRequestedServiceQuotaChange(${requestId})`, err);
  }
}

/** Every increase request of a service (ListRequestedServiceQuotaChangeHistory, paginated), newest first. */
export async function requestHistory(client: ServiceQuotasClient, serviceCode: string): Promise<SubmittedRequest[]> {
  const out: SubmittedRequest[] = [];
  let token: string | undefined;
  do {
    let page;
    try {
      page = await client.send(new ListRequestedServiceQuotaChangeHistoryCommand({ ServiceCode: serviceCode, MaxResults: 100, ...(token ? { NextToken: token } : {}) }));
    } catch (err) {
      throw awsCallError(`Service Quotas ListRequestedServiceQuotaChangeHistory(${serviceCode})`, err);
    }
    for (const c of page.RequestedQuotas ?? []) out.push(submitted(c, { ServiceCode: serviceCode, QuotaCode: null, DesiredValue: 0 }));
    token = page.NextToken || undefined;
  } while (token);
  return out.sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''));
}
