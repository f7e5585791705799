import { explain, formatNumber } from '../planner/figure.js';
import type { Plan } from '../planner/plan.js';
import type { QuotaIncreaseDraft } from '../planner/drafts.js';
import type { Block } from './plan-blocks.js';
import { fmtCount, fmtMoney, fmtMonth, fmtPct, fmtRate } from './plan-format.js';
import { allowanceLabel, keyIdLabel, keyLabel, quotaSourceLabel } from './plan-labels.js';

const R: ('l' | 'r')[] = ['l', 'r', 'r', 'r', 'r', 'r', 'l'];

/** The summary table rows of a plan (one per key, plus one per allowance). */
export function summaryRows(plan: Plan): string[][] {
  const rows: string[][] = [];
  for (const k of plan.keys) {
    rows.push([
      keyLabel(k.key),
      fmtRate(k.avgRatePerSec.value),
      fmtRate(k.peakRatePerSec.value),
      fmtRate(k.requiredRatePerSec.value),
      fmtRate(k.quota.valueRatePerSec),
      fmtPct(k.utilisation.value),
      k.status,
    ]);
    for (const a of k.allowances) {
      const util = a.allowanceRatePerSec.value > 0 ? a.peakRatePerSec.value / a.allowanceRatePerSec.value : Number.POSITIVE_INFINITY;
      rows.push([
        `  ↳ ${allowanceLabel(a.budget)}`,
        fmtRate(a.avgRatePerSec.value),
        fmtRate(a.peakRatePerSec.value),
        '',
        fmtRate(a.allowanceRatePerSec.value),
        fmtPct(util),
        a.spillRatePerSec.value > 0 ? `spills ${fmtRate(a.spillRatePerSec.value)} req/s` : 'within allowance',
      ]);
    }
  }
  return rows;
}

/** Header of the summary table. */
export const SUMMARY_HEAD = ['Quota', 'Avg req/s', 'Peak req/s', 'Required req/s', 'Quota req/s', 'Utilisation', 'Status'];

/** The full plan as blocks: summary, derivations, projection, cost, drafts, calibration, evidence, warnings. */
export function planBlocks(plan: Plan): Block[] {
  const b: Block[] = [];
  const w = plan.workload;
  b.push({ kind: 'heading', level: 1, text: `Cognito capacity plan: ${w.name}` });
  b.push({
    kind: 'paragraph',
    text:
      `${w.description ? `${w.description}. ` : ''}Region ${w.region}; quotas: ${plan.quotaSource === 'live' ? 'live (Service Quotas, GetProvisionedLimit)' : 'documented defaults'}; ` +
      `headroom ${fmtPct(w.headroom)}; generated ${plan.generatedAt}${w.file ? ` from ${w.file}` : ''}. ` +
      'Figures are rounded for display only; every derivation below uses full precision.',
  });
  b.push({ kind: 'heading', level: 2, text: 'Per-quota summary' });
  b.push({ kind: 'table', head: SUMMARY_HEAD, rows: summaryRows(plan), align: R });
  const attention = plan.keys.filter((k) => k.status !== 'ok');
  if (attention.length) {
    b.push({
      kind: 'list',
      items: attention.map(
        (k) => `**${keyLabel(k.key)}**: ${k.status}${k.status === 'increase needed' ? ` to ${Math.ceil(k.requiredRatePerSec.value - 1e-9)} req/s` : ''}. ${k.mitigation ?? ''}`,
      ),
    });
  }
  if (plan.warnings.length) {
    b.push({ kind: 'heading', level: 2, text: 'Warnings' });
    b.push({ kind: 'list', items: [...plan.warnings] });
  }
  b.push({ kind: 'heading', level: 2, text: 'Basis' });
  b.push({
    kind: 'table',
    head: ['Figure', 'Value', 'Derivation'],
    rows: Object.entries(plan.basis).map(([name, f]) => [name, `${formatNumber(f.value)} ${f.unit}`, explain(f)]),
    align: ['l', 'r', 'l'],
  });
  b.push({ kind: 'heading', level: 2, text: 'Demand by operation' });
  b.push({
    kind: 'paragraph',
    text: 'avg = perDay / 86400 (24-hour average); peak = avg × the peak-to-average ratio of what drives the line (users, m2m clients or back office).',
  });
  b.push({
    kind: 'table',
    head: ['Line', 'Operation', 'Charged to', 'Per day', 'Avg req/s', 'Peak req/s', 'Per-day derivation'],
    rows: plan.lines.map((l) => [
      l.id,
      l.operation,
      `${keyIdLabel(l.quotaKeyId)}${l.budget === 'quota' ? '' : `: ${allowanceLabel(l.budget)}`}`,
      fmtCount(l.perDay.value),
      fmtRate(l.avgRatePerSec.value),
      fmtRate(l.peakRatePerSec.value),
      explain(l.perDay),
    ]),
    align: ['l', 'l', 'l', 'r', 'r', 'r', 'l'],
  });
  b.push({ kind: 'heading', level: 2, text: 'Per-quota derivation' });
  for (const k of plan.keys) {
    b.push({ kind: 'heading', level: 3, text: `${keyLabel(k.key)} (${k.key.service}, ${k.quota.quotaCode ?? 'no known quota code'})` });
    const sumOf = (budget: string): string => {
      const ls = plan.lines.filter((l) => l.quotaKeyId === k.key.id && l.budget === budget);
      const total = ls.reduce((a, l) => a + l.peakRatePerSec.value, 0);
      return `${ls.map((l) => `${l.id} ${formatNumber(l.peakRatePerSec.value)}`).join(' + ')} = ${formatNumber(total)} req/s`;
    };
    const items = [
      `peak of the lines charged to the quota: ${sumOf('quota')}`,
      ...k.allowances.map((a) => `peak of the ${allowanceLabel(a.budget)}: ${sumOf(a.budget)}`),
      `peak: ${explain(k.peakRatePerSec)}`,
      `required: ${explain(k.requiredRatePerSec)}`,
      `quota: ${fmtRate(k.quota.valueRatePerSec)} req/s from ${quotaSourceLabel(k)}${k.quota.adjustable ? ' (adjustable)' : ' (not adjustable)'}`,
      `utilisation: ${explain(k.utilisation)}`,
      ...k.allowances.map((a) => `${allowanceLabel(a.budget)}: peak ${explain(a.peakRatePerSec)}; allowance ${explain(a.allowanceRatePerSec)}; spill ${explain(a.spillRatePerSec)}`),
      ...k.quota.notes.map((n) => `note: ${n}`),
    ];
    if (k.mitigation) items.push(`mitigation: ${k.mitigation}`);
    b.push({ kind: 'list', items });
  }
  b.push({ kind: 'heading', level: 2, text: 'Projection' });
  b.push({ kind: 'paragraph', text: `${plan.projection.formula}; monthly growth ${fmtPct(plan.projection.monthlyGrowthRate)}. Cells: required req/s (status).` });
  const ids = plan.keys.map((k) => k.key.id);
  b.push({
    kind: 'table',
    head: ['Month', 'Growth ×', ...ids.map(keyIdLabel)],
    rows: plan.projection.months.map((m) => [
      String(m.month),
      formatNumber(m.growthFactor, 3),
      ...ids.map((id) => {
        const c = m.byKey[id];
        return c ? `${fmtRate(c.requiredRatePerSec)}${c.status === 'ok' ? '' : c.status === 'increase needed' ? ' ▲' : ' ✖'}` : '';
      }),
    ]),
    align: ['r', 'r', ...ids.map(() => 'r' as const)],
  });
  b.push({
    kind: 'table',
    head: ['Quota', 'Headroom used up', 'Throttling starts'],
    rows: plan.projection.runOut.map((r) => [keyIdLabel(r.keyId), fmtMonth(r.headroomExhaustedMonth), fmtMonth(r.throttlingMonth)]),
  });
  b.push({ kind: 'heading', level: 2, text: 'Cost of provisioned capacity' });
  const c = plan.cost;
  b.push({ kind: 'paragraph', text: `Prices: ${c.pricing.fullMonthPerRps} ${c.pricing.currency} per RPS-month (full month), ${c.pricing.partMonthPerRps} ${c.pricing.currency} (part month); source: ${c.pricing.source}.` });
  if (c.byKey.length) {
    b.push({
      kind: 'table',
      head: ['Quota', 'Provision req/s', 'Billable req/s', 'Full month', 'Part month', 'Horizon total', 'Derivation'],
      rows: c.byKey.map((k) => [
        keyIdLabel(k.keyId),
        fmtCount(k.provisionedRatePerSec.value),
        fmtCount(k.billableRatePerSec.value),
        fmtMoney(k.fullMonth.value, c.pricing.currency),
        fmtMoney(k.partMonth.value, c.pricing.currency),
        fmtMoney(k.horizonTotal.value, c.pricing.currency),
        `${explain(k.billableRatePerSec)}; ${explain(k.horizonTotal)}`,
      ]),
      align: ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
    });
    b.push({ kind: 'paragraph', text: `Total: ${fmtMoney(c.totalFullMonth.value, c.pricing.currency)} per full month now; ${fmtMoney(c.totalHorizon.value, c.pricing.currency)} over the horizon.` });
  } else {
    b.push({ kind: 'paragraph', text: 'Nothing to provision above the free quotas.' });
  }
  b.push({ kind: 'heading', level: 2, text: 'Quota increase drafts' });
  if (plan.drafts.length) {
    for (const d of plan.drafts) {
      b.push({ kind: 'heading', level: 3, text: `${keyLabel({ service: d.service as 'cognito-idp', name: d.name })}: ${d.currentRatePerSec} → ${d.payload.DesiredValue} req/s` });
      b.push({ kind: 'code', lang: 'json', text: JSON.stringify(d.payload, null, 2) });
      b.push({ kind: 'code', lang: 'sh', text: d.cli });
      if (d.blockers.length) b.push({ kind: 'list', items: d.blockers.map((x) => `blocker: ${x}`) });
    }
  } else {
    b.push({ kind: 'paragraph', text: 'No adjustable quota needs an increase.' });
  }
  if (plan.calibration) b.push(...calibrationBlocks(plan));
  if (plan.evidence) b.push(...evidenceBlocks(plan));
  return b;
}

function calibrationBlocks(plan: Plan): Block[] {
  const cal = plan.calibration!;
  return [
    { kind: 'heading', level: 2, text: `Observed usage (CloudWatch AWS/Usage, last ${cal.days} days)` },
    {
      kind: 'table',
      head: ['Category', 'Period s', 'Peak req/s', 'Avg req/s', 'Peak/avg', 'Utilisation', 'Throttles', 'Last throttle'],
      rows: Object.values(cal.byCategory).map((o) => [
        o.category,
        String(o.periodSec),
        fmtRate(o.peakRatePerSec),
        fmtRate(o.avgRatePerSec),
        formatNumber(o.peakToAverage, 2),
        o.utilisation === null ? 'n/a' : fmtPct(o.utilisation),
        fmtCount(o.totalThrottles),
        o.lastThrottleAt ?? '-',
      ]),
      align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    },
  ];
}

function evidenceBlocks(plan: Plan): Block[] {
  const e = plan.evidence!;
  return [
    { kind: 'heading', level: 2, text: `Capacity-test evidence (run ${e.runId})` },
    {
      kind: 'paragraph',
      text: `Scenario ${e.scenario} against ${e.target}, started ${e.startedAt}, ${Math.round(e.durationMs / 1000)} s${e.interrupted ? ' (interrupted)' : ''}${e.generatorSaturated ? '; the load generator was saturated' : ''}.`,
    },
    {
      kind: 'table',
      head: ['Category', 'Calls', 'Achieved req/s', 'Peak req/s', 'Throttle rate', 'Error rate', 'p99 ms', 'Quota req/s'],
      rows: Object.values(e.categories).map((c) => [
        c.category,
        fmtCount(c.calls),
        fmtRate(c.achievedRatePerSec),
        fmtRate(c.peakRatePerSec),
        fmtPct(c.throttleRate),
        fmtPct(c.errorRate),
        formatNumber(c.p99Us / 1000, 1),
        c.quotaRatePerSec === null ? 'n/a' : fmtRate(c.quotaRatePerSec),
      ]),
      align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    },
  ];
}

/** The justification of one increase request, as blocks (Markdown/HTML), for the AWS support case. */
export function justificationBlocks(plan: Plan, d: QuotaIncreaseDraft): Block[] {
  const k = plan.keys.find((x) => x.key.id === d.keyId)!;
  const lines = plan.lines.filter((l) => l.quotaKeyId === d.keyId);
  const b: Block[] = [
    { kind: 'heading', level: 1, text: `Quota increase: ${d.quotaName} (${d.service})` },
    {
      kind: 'paragraph',
      text: `We request **${d.payload.DesiredValue} req/s** for ${d.quotaName} (${d.payload.QuotaCode ?? 'quota code to be resolved'}) in ${plan.workload.region}, up from ${d.currentRatePerSec} req/s, for workload ${plan.workload.name}${plan.workload.description ? ` (${plan.workload.description})` : ''}.`,
    },
    { kind: 'heading', level: 2, text: 'Request' },
    { kind: 'code', lang: 'json', text: JSON.stringify(d.payload, null, 2) },
    { kind: 'code', lang: 'sh', text: d.cli },
    { kind: 'heading', level: 2, text: 'How the figure was derived' },
    {
      kind: 'list',
      items: [
        ...Object.entries(plan.basis).map(([n, f]) => `${n}: ${explain(f)}`),
        ...lines.map((l) => `${l.id} (${l.operation}): per day ${explain(l.perDay)}; peak ${explain(l.peakRatePerSec)}`),
        `peak charged to the quota: ${explain(k.peakRatePerSec)}`,
        `required with ${fmtPct(plan.workload.headroom)} headroom: ${explain(k.requiredRatePerSec)}`,
        `DesiredValue = ceil(required) = ${d.payload.DesiredValue} req/s`,
      ],
    },
  ];
  const runOut = plan.projection.runOut.find((r) => r.keyId === d.keyId);
  if (runOut) {
    b.push({
      kind: 'paragraph',
      text: `With ${fmtPct(plan.projection.monthlyGrowthRate)} monthly growth, the current quota's headroom is used up ${fmtMonth(runOut.headroomExhaustedMonth)} and throttling starts ${fmtMonth(runOut.throttlingMonth)}.`,
    });
  }
  const cat = d.service === 'cognito-idp' ? d.name : null;
  const obs = cat ? plan.calibration?.byCategory[cat] : undefined;
  if (obs) {
    b.push({ kind: 'heading', level: 2, text: 'Observed usage' });
    b.push({
      kind: 'paragraph',
      text: `CloudWatch AWS/Usage over the last ${plan.calibration!.days} days: peak ${fmtRate(obs.peakRatePerSec)} req/s (${obs.peakAt ?? 'n/a'}), average ${fmtRate(obs.avgRatePerSec)} req/s, peak-to-average ${formatNumber(obs.peakToAverage, 2)}, utilisation ${obs.utilisation === null ? 'n/a' : fmtPct(obs.utilisation)}, ${fmtCount(obs.totalThrottles)} throttled calls in ${obs.throttledPeriods} periods.`,
    });
  }
  const ev = cat ? plan.evidence?.categories[cat] : undefined;
  if (plan.evidence && ev) {
    b.push({ kind: 'heading', level: 2, text: 'Capacity-test evidence' });
    b.push({
      kind: 'paragraph',
      text: `Run ${plan.evidence.runId} (scenario ${plan.evidence.scenario}, target ${plan.evidence.target}, ${plan.evidence.startedAt}): ${fmtCount(ev.calls)} ${cat} calls at ${fmtRate(ev.achievedRatePerSec)} req/s (peak ${fmtRate(ev.peakRatePerSec)}), throttle rate ${fmtPct(ev.throttleRate)}, error rate ${fmtPct(ev.errorRate)}, p99 ${formatNumber(ev.p99Us / 1000, 1)} ms.`,
    });
  }
  b.push({ kind: 'heading', level: 2, text: 'Related quotas' });
  b.push({
    kind: 'list',
    items: [
      'Sign-up, verification and recovery messages go through Amazon SNS (SMS) and Amazon SES (email): their sending quotas must rise with this increase.',
      ...(d.service === 'cognito-idp'
        ? ['Approved capacity above the free quota is billed per RPS-month and takes effect after UpdateProvisionedLimit.']
        : []),
    ],
  });
  return b;
}
