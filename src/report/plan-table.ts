import type { Plan } from '../planner/plan.js';
import { SUMMARY_HEAD, summaryRows } from './plan-document.js';
import { fmtMoney, fmtMonth } from './plan-format.js';
import { keyIdLabel, keyLabel } from './plan-labels.js';

/** Aligns rows into columns (right-aligned where `right[i]`), two spaces apart. */
export function alignColumns(head: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const fmt = (r: readonly string[]): string =>
    r
      .map((c, i) => {
        const pad = widths[i]! - [...c].length;
        return right[i] ? ' '.repeat(pad) + c : c + ' '.repeat(pad);
      })
      .join('  ')
      .trimEnd();
  return [fmt(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

/** The plan for a terminal: summary table, run-out months, cost, drafts' CLI commands, warnings. */
export function renderPlanTable(plan: Plan): string {
  const w = plan.workload;
  const out: string[] = [];
  out.push(`Capacity plan: ${w.name} (${w.region}; quotas: ${plan.quotaSource}; headroom ${Math.round(w.headroom * 100)} %)`);
  out.push('');
  out.push(alignColumns(SUMMARY_HEAD, summaryRows(plan), [false, true, true, true, true, true, false]));
  const attention = plan.keys.filter((k) => k.status !== 'ok');
  for (const k of attention) {
    out.push('');
    out.push(`${keyLabel(k.key)}: ${k.status}. ${k.mitigation ?? ''}`);
  }
  const runOut = plan.projection.runOut.filter((r) => r.headroomExhaustedMonth !== null || r.throttlingMonth !== null);
  out.push('');
  out.push(`Projection (${plan.projection.months.length - 1} months, ${(plan.projection.monthlyGrowthRate * 100).toFixed(1)} %/month):`);
  if (runOut.length) {
    out.push(alignColumns(['Quota', 'Headroom used up', 'Throttling starts'], runOut.map((r) => [keyIdLabel(r.keyId), fmtMonth(r.headroomExhaustedMonth), fmtMonth(r.throttlingMonth)]), [false, false, false]));
  } else {
    out.push('every quota holds over the horizon');
  }
  const c = plan.cost;
  out.push('');
  out.push(
    c.byKey.length
      ? `Provisioned capacity: ${fmtMoney(c.totalFullMonth.value, c.pricing.currency)}/month now (${c.byKey.map((k) => `${keyIdLabel(k.keyId)} +${k.billableRatePerSec.value} req/s`).join(', ')}); ${fmtMoney(c.totalHorizon.value, c.pricing.currency)} over the horizon.`
      : 'Provisioned capacity: nothing above the free quotas.',
  );
  if (plan.drafts.length) {
    out.push('');
    out.push('Increase requests (drafts; file them with --submit, or run):');
    for (const d of plan.drafts) out.push(`  ${d.cli}${d.blockers.length ? '   # blocked: no quota code known' : ''}`);
  }
  if (plan.warnings.length) {
    out.push('');
    for (const x of plan.warnings) out.push(`warning: ${x}`);
  }
  out.push('');
  out.push('Derivations of every figure: --format md, html or json.');
  return `${out.join('\n')}\n`;
}
