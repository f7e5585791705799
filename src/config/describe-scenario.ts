import { formatDurationMs } from './duration.js';
import type { Scenario, TargetConfig } from './scenario.js';

const fmtRate = (r: number): string => `${Number(r.toFixed(2))}/s`;

/** Expected number of arrivals of the scenario's phases (the integral of the rate, before rounding). */
export function expectedArrivals(scenario: Scenario): number {
  let total = 0;
  for (const p of scenario.phases) {
    for (const s of p.segments) total += ((s.fromRatePerSec + s.toRatePerSec) / 2) * (s.durationMs / 1000);
  }
  return total;
}

/** One line naming the target, without secrets. */
export function describeTarget(target: TargetConfig): string {
  switch (target.kind) {
    case 'embedded':
      return `embedded emulator (quotas ${target.quotas}, latency ${target.latency})`;
    case 'emulator':
      return `emulator at ${target.url}${target.userPoolId ? ` pool ${target.userPoolId}` : ''}`;
    case 'aws':
      return `AWS ${target.region} pool ${target.userPoolId} client ${target.clientId}`;
  }
}

/** A short human summary of a valid scenario (what `cogcap validate` prints). */
export function describeScenario(scenario: Scenario): string[] {
  const totalWeight = scenario.flows.reduce((s, f) => s + f.weight, 0);
  const pop = scenario.population;
  const lines = [
    `scenario: ${scenario.name}`,
    `target: ${describeTarget(scenario.target)}`,
    `population: ${pop.kind === 'file' ? `users from ${pop.fromFile}` : `${pop.count} generated users, seeded at ${fmtRate(pop.seedRatePerSec)}`}`,
    scenario.autocannon
      ? `load: closed-loop ${scenario.autocannon.load} over ${scenario.autocannon.connections} connections (autocannon; phase rates ignored)`
      : `flows: ${scenario.flows
          .map((f) => `${f.name}${f.steps ? ` (${f.steps.length} steps)` : ''} ${((100 * f.weight) / totalWeight).toFixed(0)}%`)
          .join(', ')}`,
    `phases: ${scenario.phases
      .map((p) => {
        const first = p.segments[0];
        const rates =
          p.type === 'pause'
            ? ''
            : p.type === 'ramp'
              ? ` ${fmtRate(first?.fromRatePerSec ?? 0)} → ${fmtRate(first?.toRatePerSec ?? 0)}`
              : ` ${fmtRate(Math.max(...p.segments.map((s) => Math.max(s.fromRatePerSec, s.toRatePerSec))))}`;
        return `${p.name}: ${p.type} ${formatDurationMs(p.durationMs)}${rates}${p.type === 'pause' ? '' : ` ${p.spacing}`}`;
      })
      .join('; ')}`,
    scenario.autocannon
      ? `duration: ${formatDurationMs(scenario.durationMs)}, driver ${scenario.driver} (closed-loop)`
      : `duration: ${formatDurationMs(scenario.durationMs)}, about ${Math.round(expectedArrivals(scenario))} arrivals, in-flight cap ${scenario.maxInFlight}, driver ${scenario.driver}`,
  ];
  if (scenario.thresholds.length > 0) lines.push(`thresholds: ${scenario.thresholds.length}`);
  return lines;
}
