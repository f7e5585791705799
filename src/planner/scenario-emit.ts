import type { DemandLine } from './operation-demand.js';
import type { Plan } from './plan.js';

/**
 * Flow candidates per demand line (first registered name wins). Each candidate charges the same quota category
 * as the line it stands for. Lines with no registered candidate are listed as not reproduced.
 */
const FLOW_CANDIDATES: Readonly<Record<string, readonly string[]>> = {
  'signIn.password.initiate': ['password-sign-in'],
  'signIn.srp.initiate': ['srp-sign-in'],
  'signIn.customAuth.initiate': ['custom-auth-sign-in'],
  'signIn.hostedUi.steps': ['hosted-ui-sign-in', 'authorization-code-sign-in'],
  'federation.idpResponse': ['federated-sign-in'],
  'session.refresh:InitiateAuth': ['token-refresh'],
  'session.refresh:GetTokensFromRefreshToken': ['token-refresh-get-tokens', 'token-refresh'],
  'session.refresh:TokenEndpoint': ['token-endpoint-refresh', 'oauth-refresh', 'token-refresh'],
  'session.profileRead': ['profile-read'],
  'session.attributeUpdate': ['attribute-update'],
  'session.signOut:RevokeToken': ['sign-out-revoke'],
  'session.signOut:GlobalSignOut': ['sign-out'],
  'signUp.create:SignUp': ['sign-up'],
  'passwordReset.forgot': ['forgot-password'],
  'm2m.clientCredentials': ['client-credentials', 'm2m-client-credentials'],
  'identityPool.GetCredentialsForIdentity': ['identity-pool-credentials', 'identity-pool-exchange'],
  'backOffice.AdminGetUser': ['admin-get-user'],
  'backOffice.ListUsers': ['list-users'],
};

/** Lines carried by another line's flow (a flow call that issues both), so they need no flow of their own. */
const CARRIED_BY: Readonly<Record<string, string>> = {
  'signIn.srp.respond': 'signIn.srp.initiate',
  'signUp.confirm': 'signUp.create',
  'passwordReset.confirm': 'passwordReset.forgot',
  'signIn.hostedUi.redeem': 'signIn.hostedUi.steps',
  'federation.redeem': 'federation.idpResponse',
  'identityPool.GetId': 'identityPool.GetCredentialsForIdentity',
};

/** Options of {@link emitScenario}. */
export interface EmitScenarioOptions {
  /** Registered flow names (src/load/flows registry). */
  readonly flowNames: readonly string[];
  /** Rate multiplier; undefined = automatic (1, or lower so the total stays within `maxRatePerSec`). */
  readonly scale?: number;
  /** Highest total arrival rate one machine should drive (default 300/s). */
  readonly maxRatePerSec?: number;
  /** Duration of the steady peak phase (default "2m"). */
  readonly peakDuration?: string;
  /** Duration of the ramp to the peak (default "30s"). */
  readonly rampDuration?: string;
}

/** Default highest total arrival rate of an emitted scenario on one machine, arrivals/s. */
export const DEFAULT_EMIT_MAX_RATE_PER_SEC = 300;

/** A flow of the emitted mix with the forecast it reproduces. */
export interface EmittedFlow {
  readonly flow: string;
  /** Forecast peak, arrivals/s (before scaling). */
  readonly forecastRatePerSec: number;
  /** Arrivals/s in the scenario: forecast × scale. */
  readonly ratePerSec: number;
  readonly lineIds: readonly string[];
}

/** An emitted scenario and what it does and does not reproduce. */
export interface EmittedScenario {
  /** The scenario document (validated by the caller with the scenario loader). */
  readonly document: Record<string, unknown>;
  readonly scale: number;
  readonly totalRatePerSec: number;
  readonly flows: readonly EmittedFlow[];
  /** Lines with no registered flow (id and operation). */
  readonly notReproduced: readonly { readonly lineId: string; readonly operation: string; readonly peakRatePerSec: number }[];
}

function candidatesOf(l: DemandLine): readonly string[] {
  const op = l.operation.split(' ')[0]!;
  const refreshKind = l.operation.startsWith('Token endpoint') ? 'TokenEndpoint' : l.operation.startsWith('GetTokens') ? 'GetTokensFromRefreshToken' : 'InitiateAuth';
  return (
    FLOW_CANDIDATES[l.id] ??
    FLOW_CANDIDATES[`${l.id}:${l.id === 'session.refresh' ? refreshKind : op}`] ??
    []
  );
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * A capacity-test scenario whose flow mix and peak rate reproduce the plan's forecast peak (pure). Each flow runs
 * at the peak rate of the demand line it stands for, times `scale`. The run ramps to the total peak and holds it.
 * Scaled runs (scale < 1) target the embedded emulator with unlimited quotas, because the default quotas do not
 * scale with the traffic; unscaled runs use the AWS default quotas, so the run shows which categories throttle.
 */
export function emitScenario(plan: Plan, o: EmitScenarioOptions): EmittedScenario {
  const registered = new Set(o.flowNames);
  const byFlow = new Map<string, { rate: number; lineIds: string[] }>();
  const notReproduced: EmittedScenario['notReproduced'][number][] = [];
  const reproduced = new Set<string>();
  for (const l of plan.lines) {
    if (CARRIED_BY[l.id]) continue;
    const flow = candidatesOf(l).find((f) => registered.has(f));
    if (!flow) {
      if (l.peakRatePerSec.value > 0) notReproduced.push({ lineId: l.id, operation: l.operation, peakRatePerSec: l.peakRatePerSec.value });
      continue;
    }
    const e = byFlow.get(flow) ?? { rate: 0, lineIds: [] };
    e.rate += l.peakRatePerSec.value;
    e.lineIds.push(l.id);
    byFlow.set(flow, e);
    reproduced.add(l.id);
  }
  for (const l of plan.lines) {
    const carrier = CARRIED_BY[l.id];
    if (carrier && !reproduced.has(carrier) && l.peakRatePerSec.value > 0) {
      notReproduced.push({ lineId: l.id, operation: l.operation, peakRatePerSec: l.peakRatePerSec.value });
    }
  }
  const forecastTotal = [...byFlow.values()].reduce((a, e) => a + e.rate, 0);
  const maxRate = o.maxRatePerSec ?? DEFAULT_EMIT_MAX_RATE_PER_SEC;
  const scale = o.scale ?? (forecastTotal > maxRate ? maxRate / forecastTotal : 1);
  const flows: EmittedFlow[] = [...byFlow].map(([flow, e]) => ({
    flow,
    forecastRatePerSec: e.rate,
    ratePerSec: e.rate * scale,
    lineIds: e.lineIds,
  }));
  const total = forecastTotal * scale;
  const rate = Math.max(round6(total), 0.000001);
  const users = Math.min(2000, Math.max(50, Math.ceil(total / 2)));
  const document: Record<string, unknown> = {
    name: `${plan.workload.name}-forecast-peak`,
    description:
      `Reproduces the forecast peak of workload ${plan.workload.name} (cogcap plan): ${round6(forecastTotal)} arrivals/s at scale ${round6(scale)}.` +
      (notReproduced.length ? ` Not reproduced (no registered flow): ${notReproduced.map((n) => n.lineId).join(', ')}.` : ''),
    tags: { source: 'cogcap plan --emit-scenario', workload: plan.workload.name, scale: round6(scale) },
    target: { embedded: { quotas: scale < 1 ? 'unlimited' : 'aws-default' } },
    population: { count: users, seedRate: 40 },
    flows: flows.length ? flows.map((f) => ({ flow: f.flow, weight: Math.max(round6(f.ratePerSec), 0.000001) })) : [{ flow: 'srp-sign-in' }],
    phases: [
      { name: 'ramp to forecast peak', type: 'ramp', duration: o.rampDuration ?? '30s', from: 0, to: rate },
      { name: 'forecast peak', type: 'constant', duration: o.peakDuration ?? '2m', rate },
    ],
    thresholds: ['throttle_rate < 0.01'],
  };
  return { document, scale, totalRatePerSec: total, flows, notReproduced };
}
