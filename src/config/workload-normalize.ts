import { busiestHourShareOfProfile, busiestHourShareOfWindows } from '../planner/peak-ratio.js';
import { DEFAULT_PRICING } from '../planner/prices.js';
import type { PeakShape, Workload } from '../planner/workload.js';
import type { WorkloadFile } from './workload-schema.js';

/** Default Region of a workload. */
export const DEFAULT_WORKLOAD_REGION = 'us-east-1';
/** Default headroom above the forecast peak (30 %). */
export const DEFAULT_HEADROOM = 0.3;

/** Hours covered by a set of windows (`endHour − startHour` each). */
export function activeHoursOf(windows: readonly { startHour: number; endHour: number }[]): number {
  return windows.reduce((a, w) => a + (w.endHour - w.startHour), 0);
}

function peakShape(p: WorkloadFile['peak']): PeakShape {
  const burstFactor = p.burstFactor ?? 1;
  if (p.peakToAverage !== undefined) return { busiestHourShare: null, burstFactor: 1, peakToAverage: p.peakToAverage, source: 'peakToAverage' };
  if (p.peakHourShare !== undefined) return { busiestHourShare: p.peakHourShare, burstFactor, peakToAverage: null, source: 'peakHourShare' };
  if (p.hourlyProfile) return { busiestHourShare: busiestHourShareOfProfile(p.hourlyProfile), burstFactor, peakToAverage: null, source: 'hourlyProfile' };
  if (p.activeWindows) {
    const hours = activeHoursOf(p.activeWindows);
    return { busiestHourShare: hours > 0 ? busiestHourShareOfWindows(hours) : 1 / 24, burstFactor, peakToAverage: null, source: 'activeWindows' };
  }
  return { busiestHourShare: 1 / 24, burstFactor, peakToAverage: null, source: 'flat' };
}

/**
 * Applies every default and resolves alternatives (pure, total: it never fails; workload-rules.ts reports conflicts).
 * Defaults: region us-east-1, 1 session/user/day of 30 min, 60-min access tokens, all sessions sign in, SRP sign-in,
 * RevokeToken sign-outs, headroom 0.3, no growth, 12-month horizon, the announced prices.
 */
export function normalizeWorkload(f: WorkloadFile): Workload {
  const s = f.sessions ?? {};
  const si = f.signIn ?? {};
  const mixIn = si.mix ?? { srp: 1 };
  const mix = { password: mixIn.password ?? 0, srp: mixIn.srp ?? 0, customAuth: mixIn.customAuth ?? 0, hostedUi: mixIn.hostedUi ?? 0 };
  const su = f.signUps;
  const signUpApi = su?.api ?? 'public';
  const ip = f.identityPool;
  const ipShare = ip?.sessionShare ?? 1;
  const ipFlow = ip?.flow ?? 'enhanced';
  const dau = f.users.dailyActive ?? f.users.monthlyActive * (f.users.dailyActiveShare ?? 1);
  const m2m = f.m2m;
  return {
    name: f.name,
    ...(f.description !== undefined ? { description: f.description } : {}),
    region: f.region ?? DEFAULT_WORKLOAD_REGION,
    monthlyActiveUsers: f.users.monthlyActive,
    dailyActiveUsers: dau,
    dailyActiveShare: f.users.dailyActive !== undefined ? null : (f.users.dailyActiveShare ?? 1),
    peak: peakShape(f.peak),
    sessions: {
      perActiveUserPerDay: s.perActiveUserPerDay ?? 1,
      lengthMin: s.lengthMin ?? 30,
      accessTokenLifetimeMin: s.accessTokenLifetimeMin ?? 60,
      signInShare: s.signInShare ?? 1,
      profileReadsPerSession: s.profileReadsPerSession ?? 0,
      attributeUpdatesPerSession: s.attributeUpdatesPerSession ?? 0,
      signOutsPerSession: s.signOutsPerSession ?? 0,
      signOutApi: s.signOutApi ?? 'RevokeToken',
    },
    signIn: {
      api: si.api ?? 'public',
      mix,
      customAuthRounds: si.customAuthRounds ?? 1,
      mfaShare: si.mfaShare ?? 0,
      newPasswordRequiredShare: si.newPasswordRequiredShare ?? 0,
      federatedShare: si.federatedShare ?? 0,
      refreshApi: si.refreshApi ?? 'InitiateAuth',
    },
    signUps: {
      perDay: su?.perDay ?? 0,
      api: signUpApi,
      confirmationsPerSignUp: su?.confirmationsPerSignUp ?? (signUpApi === 'public' ? 1 : 0),
      resendsPerSignUp: su?.resendsPerSignUp ?? 0,
    },
    passwordResets: { perDay: f.passwordResets?.perDay ?? 0 },
    m2m: m2m
      ? {
          clients: m2m.clients,
          tokenRequestsPerClientPerHour: m2m.tokenRequestsPerClientPerHour ?? (m2m.tokenLifetimeMin ? 60 / m2m.tokenLifetimeMin : 0),
          peakToAverage: m2m.peakToAverage ?? 1,
          scalesWithUsers: m2m.scalesWithUsers ?? false,
        }
      : null,
    identityPool: ip
      ? {
          sessionShare: ipShare,
          flow: ipFlow,
          credentialsLifetimeMin: ip.credentialsLifetimeMin ?? 60,
          getIdPerDay: ipFlow === 'developer' ? 0 : (ip.getIdPerDay ?? (su?.perDay ?? 0) * ipShare),
        }
      : null,
    backOffice: {
      perDay: f.backOffice?.perDay ?? {},
      peakToAverage: f.backOffice?.peakToAverage ?? null,
      scalesWithUsers: f.backOffice?.scalesWithUsers ?? false,
    },
    growth: { monthlyRate: f.growth?.monthlyRate ?? 0, horizonMonths: f.growth?.horizonMonths ?? 12 },
    headroom: f.headroom ?? DEFAULT_HEADROOM,
    perUser: { peakReadsPerSec: f.perUser?.peakReadsPerSec ?? null, peakWritesPerSec: f.perUser?.peakWritesPerSec ?? null },
    pricing: {
      fullMonthPerRps: f.pricing?.fullMonthPerRps ?? DEFAULT_PRICING.fullMonthPerRps,
      partMonthPerRps: f.pricing?.partMonthPerRps ?? DEFAULT_PRICING.partMonthPerRps,
      currency: f.pricing?.currency ?? DEFAULT_PRICING.currency,
      source: f.pricing ? 'workload file (pricing)' : DEFAULT_PRICING.source,
    },
  };
}
