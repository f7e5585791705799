import { describe, expect, it } from 'vitest';
import { CognitoServiceError } from '../../../../src/cognito/service-error.js';
import { SimulatedTriggers } from '../../../../src/emulator/triggers/simulated-triggers.js';
import type { TriggerProfile } from '../../../../src/emulator/triggers/trigger-profile.js';

/** A random source that replays `values` (then 0.5). */
const scripted = (values: number[]) => () => values.shift() ?? 0.5;

function profile(spec: Partial<TriggerProfile['default']>): TriggerProfile {
  return { name: 't', default: { latency: { kind: 'uniform', minMs: 0, maxMs: 10_000 }, errorRate: 0, invokeErrorRate: 0, ...spec }, triggers: {} };
}

async function outcome(p: Promise<void>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof CognitoServiceError ? `${e.type}: ${e.message}` : String(e);
  }
}

describe('SimulatedTriggers', () => {
  it.each([
    // random draws: latency (uniform 0-10 s: r*10000), then the failure draw
    ['answers after its latency', {}, [0.02, 0.9], 'ok', [200]],
    ['times out once (5 s) then answers', {}, [0.7, 0.03, 0.9], 'ok', [5000, 300]],
    [
      'times out three times: UnexpectedLambdaException',
      {},
      [0.6, 0.8, 0.9],
      'UnexpectedLambdaException: PreSignUp invocation failed due to error Socket timeout while invoking Lambda function.',
      [5000, 5000, 5000],
    ],
    ['function error, not retried', { errorRate: 0.1 }, [0.01, 0.05], 'UserLambdaValidationException: PreSignUp failed with error Simulated trigger failure.', [100]],
    [
      'invoke error, not retried',
      { invokeErrorRate: 0.1, errorRate: 0.1 },
      [0.01, 0.05],
      'UnexpectedLambdaException: PreSignUp invocation failed due to error TooManyRequestsException.',
      [100],
    ],
    ['error draw above both rates succeeds', { invokeErrorRate: 0.1, errorRate: 0.1 }, [0.01, 0.2], 'ok', [100]],
  ] as const)('%s', async (_name, spec, draws, expected, waits) => {
    const slept: number[] = [];
    const t = new SimulatedTriggers(profile(spec), { random: scripted([...draws]), sleep: async (ms) => void slept.push(ms) });
    expect(await outcome(t.invoke('PreSignUp', 'us-east-1_P', 'SignUp'))).toBe(expected);
    expect(slept.map((ms) => Math.round(ms))).toEqual(waits);
  });

  it('counts invocations, attempts and failures per trigger', async () => {
    const t = new SimulatedTriggers(profile({ errorRate: 0.5 }), { random: scripted([0.6, 0.01, 0.9, 0.01, 0.1]), sleep: async () => undefined });
    await outcome(t.invoke('PreAuthentication', 'p', 'InitiateAuth'));
    await outcome(t.invoke('PreAuthentication', 'p', 'InitiateAuth'));
    expect(t.snapshot().PreAuthentication).toMatchObject({ invocations: 2, attempts: 3, timeouts: 1, functionErrors: 1, invokeErrors: 0 });
    t.reset();
    expect(t.snapshot()).toEqual({});
  });

  it('uses the per-trigger spec when there is one', async () => {
    const slept: number[] = [];
    const p: TriggerProfile = { ...profile({}), triggers: { PreTokenGeneration: { latency: { kind: 'fixed', ms: 42 }, errorRate: 0, invokeErrorRate: 0 } } };
    const t = new SimulatedTriggers(p, { random: () => 0.5, sleep: async (ms) => void slept.push(ms) });
    await t.invoke('PreTokenGeneration', 'p', 'InitiateAuth');
    expect(slept).toEqual([42]);
  });
});
