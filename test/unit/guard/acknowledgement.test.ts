import { describe, expect, it } from 'vitest';
import { requireQuotaAcknowledgement } from '../../../src/guard/acknowledgement.js';
import { ExitCode, TargetError } from '../../../src/errors.js';

describe('requireQuotaAcknowledgement', () => {
  it.each([
    { targetKind: 'embedded' as const, flag: undefined, scenarioField: undefined, refused: false },
    { targetKind: 'emulator' as const, flag: false, scenarioField: false, refused: false },
    { targetKind: 'aws' as const, flag: undefined, scenarioField: undefined, refused: true },
    { targetKind: 'aws' as const, flag: false, scenarioField: false, refused: true },
    { targetKind: 'aws' as const, flag: true, scenarioField: undefined, refused: false },
    { targetKind: 'aws' as const, flag: undefined, scenarioField: true, refused: false },
  ])('$targetKind flag=$flag field=$scenarioField → refused=$refused', (t) => {
    const call = (): void => requireQuotaAcknowledgement(t);
    if (!t.refused) {
      expect(call).not.toThrow();
      return;
    }
    try {
      call();
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(TargetError);
      expect((err as TargetError).exitCode).toBe(ExitCode.TargetUnavailable);
      expect((err as TargetError).message).toMatch(/account-wide/);
      expect((err as TargetError).hint).toMatch(/--i-understand-quotas-are-account-wide/);
      expect((err as TargetError).hint).toMatch(/acknowledgeAccountWideQuotas: true/);
    }
  });
});
