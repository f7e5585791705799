import { describe, expect, it } from 'vitest';
import { createEmulatorApp } from '../../../../src/emulator/app.js';
import { limitsAppOptions } from '../../../../src/emulator/limits-app-options.js';
import { createLimits } from '../../../../src/emulator/limits.js';
import type { TriggerProfile } from '../../../../src/emulator/triggers/trigger-profile.js';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up';

async function setup(triggers: TriggerProfile) {
  const waits: number[] = [];
  const limits = createLimits({ triggers, now: Date.now, random: () => 0.5, sleep: async (ms) => void waits.push(ms) });
  const app = createEmulatorApp(limitsAppOptions(limits));
  const pool = await app.call('CreateUserPool', { PoolName: 'triggers', LambdaConfig: { PreSignUp: ARN } });
  const poolId = (pool.body.UserPool as { Id: string }).Id;
  const client = await app.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'web' });
  const clientId = (client.body.UserPoolClient as { ClientId: string }).ClientId;
  return { app, limits, waits, clientId };
}

describe('simulated triggers inside the emulator', () => {
  it('a failing PreSignUp answers SignUp with UserLambdaValidationException, counted in usage and trigger stats', async () => {
    const { app, limits, clientId } = await setup({
      name: 't',
      default: { latency: { kind: 'fixed', ms: 0 }, errorRate: 0, invokeErrorRate: 0 },
      triggers: { PreSignUp: { latency: { kind: 'fixed', ms: 0 }, errorRate: 1, invokeErrorRate: 0 } },
    });
    const res = await app.call('SignUp', { ClientId: clientId, Username: 'alice', Password: 'Passw0rd!x' });
    expect(res).toMatchObject({ status: 400, body: { __type: 'UserLambdaValidationException', message: 'PreSignUp failed with error Simulated trigger failure.' } });
    expect(limits.triggers.snapshot().PreSignUp).toMatchObject({ invocations: 1, functionErrors: 1 });
    const usage = limits.usage.snapshot(Date.now());
    expect(usage.categories.UserCreation).toMatchObject({ callCount: 1, throttleCount: 0 });
    expect(Object.values(usage.pools)[0]).toMatchObject({ SignUpSuccesses: 0, SignUpAttempts: 1 });
  });

  it("a slow PreSignUp adds its latency to SignUp (only for pools that configure it)", async () => {
    const { app, waits, clientId } = await setup({
      name: 't',
      default: { latency: { kind: 'fixed', ms: 250 }, errorRate: 0, invokeErrorRate: 0 },
      triggers: {},
    });
    const res = await app.call('SignUp', { ClientId: clientId, Username: 'bob', Password: 'Passw0rd!x' });
    expect(res.status).toBe(200);
    expect(waits).toEqual([250]);
  });
});
