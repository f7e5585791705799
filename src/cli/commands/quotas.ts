import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { InputError } from '../../errors.js';
import { DEFAULT_PLAN_DEPS, type PlanDeps } from '../plan-deps.js';
import { resolveQuotas } from '../../aws/quota-sources.js';
import { requestHistory, requestStatus, type SubmittedRequest } from '../../aws/service-quotas.js';
import { QUOTA_KEYS } from '../../planner/quota-keys.js';
import type { QuotaTable } from '../../planner/quota-table.js';
import { alignColumns } from '../../report/plan-table.js';
import { fmtRate } from '../../report/plan-format.js';
import { keyLabel } from '../../report/plan-labels.js';

interface QuotasArgs {
  readonly action: 'show' | 'status';
  readonly live: boolean;
  readonly region?: string;
  readonly provisioned: boolean;
  readonly format: 'table' | 'json';
  readonly requestId?: string[];
  readonly from?: string;
}

/** Request ids from a submitted.json written by `cogcap plan --submit --drafts <dir>`. */
async function requestIdsFrom(path: string, name: string): Promise<string[]> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new InputError(`cannot read ${name}`, [{ file: name, path: '', message: `expected the submitted.json of cogcap plan --submit (${(err as Error).message})` }]);
  }
  if (!Array.isArray(doc) || doc.some((r) => typeof (r as { requestId?: unknown })?.requestId !== 'string')) {
    throw new InputError(`${name} is not a submitted.json`, [{ file: name, path: '', message: 'expected an array of { requestId, ... } as written by cogcap plan --submit' }]);
  }
  return (doc as { requestId: string }[]).map((r) => r.requestId);
}

const val = (x: number | null): string => (x === null ? '-' : fmtRate(x));

/** The quota table for a terminal. */
export function renderQuotaTable(table: QuotaTable, live: boolean): string {
  const rows = QUOTA_KEYS.map((k) => {
    const q = table[k.id]!;
    return [
      keyLabel(k),
      k.service,
      q.quotaCode ?? '-',
      fmtRate(q.valueRatePerSec),
      ...(live ? [val(q.appliedRatePerSec), val(q.awsDefaultRatePerSec), val(q.provisionedRatePerSec)] : []),
      q.adjustable ? 'yes' : 'no',
      q.source,
    ];
  });
  const head = ['Quota', 'Service', 'Code', 'In force req/s', ...(live ? ['Applied', 'AWS default', 'Provisioned'] : []), 'Adjustable', 'Source'];
  const right = head.map((h) => /req\/s|Applied|default|Provisioned/.test(h));
  const notes = QUOTA_KEYS.flatMap((k) => (table[k.id]?.notes ?? []).map((n) => `note: ${keyLabel(k)}: ${n}`));
  return `${alignColumns(head, rows, right)}\n${notes.length ? `\n${notes.join('\n')}\n` : ''}`;
}

function renderRequests(list: readonly SubmittedRequest[]): string {
  if (!list.length) return 'No quota increase requests for Cognito in this account and Region.\n';
  return `${alignColumns(
    ['Request', 'Service', 'Code', 'Quota', 'Desired', 'Status', 'Created', 'Case'],
    list.map((r) => [r.requestId, r.serviceCode, r.quotaCode, r.quotaName, String(r.desiredValue), r.status, r.created ?? '-', r.caseId ?? '-']),
    [false, false, false, false, true, false, false, false],
  )}\n`;
}

/** Builds `cogcap quotas` with injected dependencies. */
export function createQuotasCommand(deps: PlanDeps = DEFAULT_PLAN_DEPS): CliCommand<QuotasArgs> {
  return {
    command: 'quotas [action]',
    describe: 'Show the Cognito request-rate quotas (defaults, or live with --live), or follow increase requests (quotas status)',
    builder: (y) =>
      y
        .positional('action', { choices: ['show', 'status'] as const, default: 'show' as const, describe: 'show the quotas, or the status of increase requests' })
        .option('live', { type: 'boolean', default: false, describe: 'Read Service Quotas (applied and AWS default values) and GetProvisionedLimit' })
        .option('region', { type: 'string', describe: 'AWS Region (default: the standard SDK resolution, e.g. AWS_REGION or the profile)' })
        .option('provisioned', { type: 'boolean', default: true, describe: 'With --live: read GetProvisionedLimit (paced at 1 req/s)' })
        .option('format', { choices: ['table', 'json'] as const, default: 'table' as const })
        .option('request-id', { type: 'string', array: true, describe: 'With status: only these request ids' })
        .option('from', { type: 'string', describe: 'With status: the submitted.json that cogcap plan --submit --drafts <dir> wrote' }),
    examples: [
      ['cogcap quotas', 'The documented defaults of every category and identity-pool operation'],
      ['cogcap quotas --live --region eu-west-1', 'Applied, default and provisioned values of this account'],
      ['cogcap quotas status --region eu-west-1', 'Status of Cognito quota increase requests'],
      ['cogcap quotas status --from reports/drafts/submitted.json', 'Status of the requests a plan filed'],
    ],
    run: async (args, io) => {
      if (args.action === 'status') {
        const client = deps.awsClients(args.region).serviceQuotas;
        const ids = [...(args.requestId ?? []), ...(args.from ? await requestIdsFrom(resolve(io.cwd, args.from), args.from) : [])];
        const list = ids.length
          ? await Promise.all(ids.map((id) => requestStatus(client, id)))
          : [...(await requestHistory(client, 'cognito-idp')), ...(await requestHistory(client, 'cognito-identity'))];
        io.stdout.write(args.format === 'json' ? `${JSON.stringify(list, null, 2)}\n` : renderRequests(list));
        return 0;
      }
      const r = await resolveQuotas({
        mode: args.live ? 'live' : 'default',
        ...(args.live ? { clients: deps.awsClients(args.region) } : {}),
        provisioned: args.provisioned,
        sleep: deps.sleep,
      });
      if (args.format === 'json') io.stdout.write(`${JSON.stringify({ source: args.live ? 'live' : 'default', quotas: r.table, warnings: r.warnings }, null, 2)}\n`);
      else {
        io.stdout.write(renderQuotaTable(r.table, args.live));
        for (const w of r.warnings) io.stderr.write(`warning: ${w}\n`);
      }
      return 0;
    },
  };
}

/** `cogcap quotas [show|status]`. */
export const quotasCommand = createQuotasCommand();
