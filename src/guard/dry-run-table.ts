import type { QuotaCategory } from '../cognito/categories.js';
import type { PlannedCalls } from './planned-calls.js';
import { formatRate, formatShare, type PreflightAssessment } from './preflight.js';

/**
 * Text rendering of a dry run (pure): planned calls per category at peak with their share of each quota, per
 * phase, and optionally per second. Makes no calls; quotas are whatever the caller passes (defaults or read).
 */

/** Options of {@link renderDryRun}. */
export interface DryRunRenderOptions {
  /** Add the per-second table (one row per second of the run); default false. */
  readonly perSecond?: boolean;
  /** Where the quotas came from, e.g. `documented defaults` or `Service Quotas (eu-west-1)`. */
  readonly quotaSource?: string;
  /** Shard being planned, for the heading. */
  readonly shard?: { readonly index: number; readonly count: number };
}

/** Renders the dry-run report; `assessment` is {@link assessPreflight} of `plan.peakRatePerSecByCategory`. */
export function renderDryRun(plan: PlannedCalls, assessment: PreflightAssessment, options: DryRunRenderOptions = {}): string {
  const lines: string[] = [];
  const shard = options.shard ? ` (shard ${options.shard.index}/${options.shard.count})` : '';
  lines.push(`Dry run${shard}: no calls were made. Planned calls per quota category (expected values).`);
  lines.push(`Quotas: ${options.quotaSource ?? 'documented defaults'}; share limit ${formatShare(assessment.maxShare)}.`);
  lines.push('');
  lines.push(
    table(
      ['Category', 'Peak calls/s', 'Current usage/s', 'Quota/s', 'Share at peak', `Limit ${formatShare(assessment.maxShare)}/s`, 'Verdict'],
      assessment.rows.map((r) => [
        r.category,
        formatRate(r.plannedRatePerSec),
        formatRate(r.currentUsageRatePerSec),
        r.quotaRatePerSec === null ? 'unknown' : formatRate(r.quotaRatePerSec),
        r.projectedShare === null ? '-' : Number.isFinite(r.quotaRatePerSec ?? 0) ? formatShare(r.projectedShare) : '-',
        r.allowedRatePerSec === null ? '-' : formatRate(r.allowedRatePerSec),
        r.ok ? 'ok' : 'REFUSED',
      ]),
      [false, true, true, true, true, true, false],
    ),
  );
  const ch = assessment.challenge;
  if (ch) {
    lines.push(
      `Challenge responses: peak ${formatRate(ch.plannedRatePerSec)}/s against their own allowance of ` +
        `${formatRate(ch.allowanceRatePerSec)}/s (3 × the UserAuthentication quota); spill-over into UserAuthentication: ` +
        `${formatRate(ch.spillRatePerSec)}/s.`,
    );
  }
  lines.push(`Peak total: ${formatRate(plan.peakTotalRatePerSec)} calls/s.`);
  const categories = assessment.rows.map((r) => r.category);
  const withChallenges = plan.peakChallengeResponseRatePerSec > 0;
  const chHead = withChallenges ? ['Challenge responses'] : [];
  if (plan.perPhase.length > 0 && categories.length > 0) {
    lines.push('', 'Per phase (peak calls/s per category):');
    lines.push(
      table(
        ['Phase', 'Duration', 'Peak arrivals/s', ...categories, ...chHead],
        plan.perPhase.map((p) => [
          p.name,
          `${formatRate(p.durationMs / 1000)}s`,
          formatRate(p.peakArrivalRatePerSec),
          ...categories.map((c) => formatRate(p.peakCallRatePerSecByCategory[c] ?? 0)),
          ...(withChallenges ? [formatRate(p.peakChallengeResponseRatePerSec)] : []),
        ]),
        [false, true, true, ...categories.map(() => true), ...chHead.map(() => true)],
      ),
    );
  }
  if (options.perSecond && categories.length > 0) {
    lines.push('', 'Per second (expected calls per category):');
    lines.push(
      table(
        ['t (s)', 'Arrivals', ...categories, ...chHead],
        plan.perSecond.map((s) => [
          String(s.tSec),
          formatRate(s.arrivals),
          ...categories.map((c: QuotaCategory) => formatRate(s.callsByCategory[c] ?? 0)),
          ...(withChallenges ? [formatRate(s.challengeResponses)] : []),
        ]),
        [true, true, ...categories.map(() => true), ...chHead.map(() => true)],
      ),
    );
  }
  if (plan.unknownFlows.length > 0) {
    lines.push('', `Not counted (calls per arrival unknown): ${plan.unknownFlows.join(', ')}.`);
  }
  for (const r of assessment.refusals) lines.push(`REFUSED ${r.reason}`);
  return `${lines.join('\n')}\n`;
}

/** A plain aligned text table. */
function table(header: readonly string[], rows: readonly (readonly string[])[], rightAlign: readonly boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (rightAlign[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n');
}
