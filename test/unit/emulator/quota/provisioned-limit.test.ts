import { describe, expect, it } from 'vitest';
import { CognitoServiceError } from '../../../../src/cognito/service-error.js';
import { compose, type OperationRequest, type OperationResponse } from '../../../../src/emulator/layer.js';
import { createLimits } from '../../../../src/emulator/limits.js';

function manualClock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function setup() {
  const clock = manualClock();
  const limits = createLimits({ now: clock.now, random: () => 0.5 });
  const ok = async (): Promise<OperationResponse> => ({ status: 200, body: {} });
  const pipeline = compose(limits.layers, async (req) => (limits.handlers[req.operation] ?? ok)(req));
  const call = async (operation: string, body: Record<string, unknown> = {}): Promise<OperationResponse | CognitoServiceError> => {
    const req: OperationRequest = {
      operation,
      service: 'AWSCognitoIdentityProviderService',
      body,
      requestId: 'r',
      receivedAtMs: clock.now(),
      userPoolId: 'us-east-1_P',
      userKey: null,
    };
    try {
      return await pipeline(req);
    } catch (e) {
      if (e instanceof CognitoServiceError) return e;
      throw e;
    }
  };
  return { clock, limits, call };
}

const def = (Category: string) => ({ LimitClass: 'API_CATEGORY', Attributes: { Category } });
const status = (r: OperationResponse | CognitoServiceError): string => (r instanceof CognitoServiceError ? r.type : String(r.status));

describe('GetProvisionedLimit / UpdateProvisionedLimit', () => {
  it('reads the enforced and free values', async () => {
    const { call } = setup();
    const r = await call('GetProvisionedLimit', { LimitDefinition: def('UserAuthentication') });
    expect(r).toEqual({
      status: 200,
      body: { Limit: { LimitDefinition: def('UserAuthentication'), ProvisionedLimitValue: 120, FreeLimitValue: 120 } },
    });
  });

  it('a raised limit lifts a sign-in storm at once', async () => {
    const { clock, call } = setup();
    let admitted = 0;
    for (let i = 0; i < 150; i++) if (status(await call('InitiateAuth')) === '200') admitted++;
    expect(admitted).toBe(120); // bucket of 1 s at 120/s
    const r = await call('UpdateProvisionedLimit', { LimitDefinition: def('UserAuthentication'), RequestedLimitValue: 300 });
    expect(r).toMatchObject({ status: 200, body: { Limit: { ProvisionedLimitValue: 300, FreeLimitValue: 120 } } });
    clock.advance(100);
    admitted = 0;
    for (let i = 0; i < 50; i++) if (status(await call('InitiateAuth')) === '200') admitted++;
    expect(admitted).toBe(30); // 300/s for 100 ms (was 12 at 120/s)
  });

  it.each([
    ['non-adjustable category', { LimitDefinition: def('UserAccountRecovery'), RequestedLimitValue: 60 }, 'InvalidParameterException'],
    ['unknown category', { LimitDefinition: def('UserAuth'), RequestedLimitValue: 60 }, 'InvalidParameterException'],
    ['Uncategorized', { LimitDefinition: def('Uncategorized'), RequestedLimitValue: 60 }, 'InvalidParameterException'],
    ['wrong class', { LimitDefinition: { LimitClass: 'X', Attributes: { Category: 'UserRead' } }, RequestedLimitValue: 60 }, 'InvalidParameterException'],
    ['missing definition', { RequestedLimitValue: 60 }, 'InvalidParameterException'],
    ['non-integer value', { LimitDefinition: def('UserRead'), RequestedLimitValue: 1.5 }, 'InvalidParameterException'],
    ['zero value', { LimitDefinition: def('UserRead'), RequestedLimitValue: 0 }, 'InvalidParameterException'],
    ['above the account maximum (10x default)', { LimitDefinition: def('UserRead'), RequestedLimitValue: 1201 }, 'LimitExceededException'],
    ['at the account maximum', { LimitDefinition: def('UserRead'), RequestedLimitValue: 1200 }, '200'],
  ])('%s → %s', async (_name, body, expected) => {
    const { call } = setup();
    expect(status(await call('UpdateProvisionedLimit', body))).toBe(expected);
  });

  it('LimitManagement throttles the second call in the same second', async () => {
    const { clock, call } = setup();
    expect(status(await call('GetProvisionedLimit', { LimitDefinition: def('UserRead') }))).toBe('200');
    expect(status(await call('GetProvisionedLimit', { LimitDefinition: def('UserRead') }))).toBe('TooManyRequestsException');
    clock.advance(1000);
    expect(status(await call('GetProvisionedLimit', { LimitDefinition: def('UserRead') }))).toBe('200');
  });
});
