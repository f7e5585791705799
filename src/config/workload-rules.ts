import type { InputProblem } from '../errors.js';
import { resolveBackOfficeOperation } from '../planner/operation-demand.js';
import type { WorkloadFile } from './workload-schema.js';

const EPSILON = 1e-9;

/**
 * Cross-field rules of a schema-valid workload file (pure). Returns every problem at once, each with its field path.
 */
export function checkWorkloadRules(f: WorkloadFile, file?: string): InputProblem[] {
  const out: InputProblem[] = [];
  const add = (path: string, message: string): void => {
    out.push({ ...(file ? { file } : {}), path, message });
  };
  const u = f.users;
  if ((u.dailyActiveShare === undefined) === (u.dailyActive === undefined)) {
    add('users', 'expected exactly one of dailyActiveShare (share of MAU) or dailyActive (users per day)');
  }
  if (u.dailyActive !== undefined && u.dailyActive > u.monthlyActive) {
    add('users.dailyActive', `expected at most users.monthlyActive (${u.monthlyActive}), got ${u.dailyActive}`);
  }
  const p = f.peak;
  const shapes = (['peakToAverage', 'peakHourShare', 'hourlyProfile', 'activeWindows'] as const).filter((k) => p[k] !== undefined);
  if (shapes.length !== 1) {
    add('peak', `expected exactly one of peakToAverage, peakHourShare, hourlyProfile, activeWindows; got ${shapes.length ? shapes.join(', ') : 'none'}`);
  }
  if (p.peakToAverage !== undefined && p.burstFactor !== undefined) {
    add('peak.burstFactor', 'burstFactor applies to peakHourShare, hourlyProfile or activeWindows; peakToAverage already includes it');
  }
  if (p.peakHourShare !== undefined && p.peakHourShare < 1 / 24 - EPSILON) {
    add('peak.peakHourShare', `expected at least 1/24 (${(1 / 24).toFixed(4)}): the busiest hour carries at least an average hour's share`);
  }
  if (p.hourlyProfile && p.hourlyProfile.every((x) => x === 0)) {
    add('peak.hourlyProfile', 'expected at least one weight above 0');
  }
  if (p.activeWindows) {
    const covered = new Set<number>();
    p.activeWindows.forEach((w, i) => {
      if (w.endHour <= w.startHour) add(`peak.activeWindows[${i}]`, `expected endHour > startHour, got ${w.startHour}-${w.endHour}`);
      for (let h = w.startHour; h < w.endHour; h += 1) {
        if (covered.has(h)) {
          add(`peak.activeWindows[${i}]`, `overlaps another window at hour ${h}`);
          break;
        }
        covered.add(h);
      }
    });
  }
  const mix = f.signIn?.mix;
  if (mix) {
    const sum = (mix.password ?? 0) + (mix.srp ?? 0) + (mix.customAuth ?? 0) + (mix.hostedUi ?? 0);
    if (Math.abs(sum - 1) > 1e-6) add('signIn.mix', `expected shares summing to 1, got ${Number(sum.toFixed(6))}`);
  }
  if (f.signIn?.customAuthRounds !== undefined && !(mix?.customAuth && mix.customAuth > 0)) {
    add('signIn.customAuthRounds', 'only meaningful with signIn.mix.customAuth > 0');
  }
  const m = f.m2m;
  if (m && (m.tokenRequestsPerClientPerHour === undefined) === (m.tokenLifetimeMin === undefined)) {
    add('m2m', 'expected exactly one of tokenRequestsPerClientPerHour or tokenLifetimeMin (clients that cache tokens)');
  }
  const ip = f.identityPool;
  if (ip?.flow === 'developer' && ip.getIdPerDay !== undefined) {
    add('identityPool.getIdPerDay', 'the developer flow gets identity ids from GetOpenIdTokenForDeveloperIdentity: remove getIdPerDay');
  }
  for (const op of Object.keys(f.backOffice?.perDay ?? {})) {
    if (!resolveBackOfficeOperation(op)) {
      add(`backOffice.perDay.${op}`, 'unknown operation: expected a Cognito user-pool operation (e.g. AdminGetUser) or cognito-identity:<Operation>');
    }
  }
  return out;
}
