import type { CallMeta, CallResult, Driver, Population, ResolvedTarget, TestUser } from '../../../../src/load/flow.js';
import type { LoadFlowContext } from '../../../../src/load/flows/flow-context.js';
import { MemorySessionPool } from '../../../../src/load/session-pool.js';
import type { Outcome } from '../../../../src/metrics/sample.js';

export type Script = (input: Record<string, unknown>) => { outcome?: Outcome; errorType?: string; output?: Record<string, unknown> };

export const tokens = (n: number, expiresIn = 3600, refresh = true) => ({
  AuthenticationResult: { AccessToken: `at${n}`, IdToken: `id${n}`, ...(refresh ? { RefreshToken: `rt${n}` } : {}), ExpiresIn: expiresIn },
});

/** A world of fakes: a scripted driver on a manual clock (each call takes 1,000 µs), sleeps that overshoot by 7 µs. */
export function fakeWorld(scripts: Record<string, Script>, target: Partial<ResolvedTarget> = {}) {
  let now = 0;
  const calls: { operation: string; input: Record<string, unknown>; meta: CallMeta; sentUs: number; endUs: number }[] = [];
  const driver: Driver = {
    name: 'fake',
    model: 'open',
    async call(operation, input, meta): Promise<CallResult> {
      const sentUs = now;
      now += 1_000;
      calls.push({ operation, input, meta, sentUs, endUs: now });
      const script = scripts[operation];
      const r = script ? script(input) : { outcome: 'client_error' as Outcome, errorType: 'NotScripted' };
      const outcome = r.outcome ?? 'ok';
      return {
        outcome,
        ...(r.errorType ? { errorType: r.errorType } : {}),
        ...(outcome === 'ok' ? { output: r.output ?? {} } : {}),
        sample: { operation, category: meta.category ?? 'UserAuthentication', flow: meta.flow, outcome, intendedStartUs: meta.intendedStartUs, sentUs, latencyUs: now - meta.intendedStartUs, serviceTimeUs: 1_000 },
      };
    },
    async close() {},
  };
  const users: TestUser[] = [
    { username: 'alice', password: 'Alice-Pass-1!', email: 'alice@example.com' },
    { username: 'bob', password: 'Bob-Pass-1!', email: 'bob@example.com' },
  ];
  let freshN = 0;
  const population: Population = {
    pick: (rng) => users[Math.floor(rng() * users.length)]!,
    fresh: async () => {
      freshN += 1;
      return { username: `fresh-${freshN}`, password: `Fresh-Pass-${freshN}!`, email: `fresh-${freshN}@example.com` };
    },
    size: users.length,
  };
  const sessions = new MemorySessionPool();
  const codes: string[] = [];
  const ctx = (intendedStartUs = now, extra: Partial<LoadFlowContext> = {}): LoadFlowContext => ({
    flow: 'test-flow',
    intendedStartUs,
    driver,
    target: { kind: 'emulator', endpoint: 'http://x', region: 'us-east-1', userPoolId: 'us-east-1_Pool1', clientId: 'client1', ...target },
    population,
    sessions,
    rng: () => 0,
    nowUs: () => now,
    sleep: async (ms) => {
      now += ms * 1000 + 7;
    },
    signal: new AbortController().signal,
    emulator: {
      getCode: async (_pool, username, kind) => {
        codes.push(`${kind}:${username}`);
        return '123456';
      },
    },
    wallClockMs: () => Date.UTC(2025, 2, 4, 9, 5, 7),
    ...extra,
  });
  return { calls, ctx, sessions, users, codes, advance: (us: number) => (now += us), now: () => now };
}
