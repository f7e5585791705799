import { describe, expect, it } from 'vitest';
import {
  CircuitBreaker,
  DEFAULT_CIRCUIT_BREAKER_CONFIG,
  circuitBreakerError,
  type SecondOutcomes,
} from '../../../src/guard/circuit-breaker.js';
import { ExitCode } from '../../../src/errors.js';

const sec = (tSec: number, calls: number, throttled = 0, errorsByType: Record<string, number> = {}): SecondOutcomes => ({
  tSec,
  calls,
  throttled,
  errorsByType: throttled > 0 ? { TooManyRequestsException: throttled, ...errorsByType } : errorsByType,
});

/** Feeds the seconds and returns the second (tSec) at which the breaker tripped, or undefined. */
function tripAt(seconds: readonly SecondOutcomes[]): { at?: number; reason?: string } {
  const b = new CircuitBreaker();
  for (const s of seconds) {
    const st = b.observe(s);
    if (st.tripped) return { at: s.tSec, reason: st.reason };
  }
  return {};
}

describe('circuit breaker', () => {
  it.each([
    { name: 'healthy run', seconds: [sec(0, 100), sec(1, 100, 10), sec(2, 100, 49), sec(3, 100)], at: undefined },
    { name: 'throttled 3 s in a row', seconds: [sec(0, 100, 50), sec(1, 100, 60), sec(2, 100, 70)], at: 2 },
    { name: 'streak broken by a good second', seconds: [sec(0, 100, 60), sec(1, 100, 60), sec(2, 100, 10), sec(3, 100, 60), sec(4, 100, 60)], at: undefined },
    { name: 'too-few-call seconds are neutral', seconds: [sec(0, 10, 9), sec(1, 2, 0), sec(2, 10, 9), sec(3, 0), sec(4, 10, 9)], at: 4 },
    {
      name: 'every call NotAuthorized',
      seconds: [0, 1, 2].map((t) => sec(t, 20, 0, { NotAuthorizedException: 20 })),
      at: 2,
    },
    {
      name: 'most calls NotAuthorized (wrong passwords in the mix) do not trip',
      seconds: [0, 1, 2, 3].map((t) => sec(t, 20, 0, { NotAuthorizedException: 19 })),
      at: undefined,
    },
    {
      name: 'unknown pool: half ResourceNotFound',
      seconds: [0, 1, 2].map((t) => sec(t, 10, 0, { ResourceNotFoundException: 5 })),
      at: 2,
    },
  ])('$name → trips at $at', ({ seconds, at }) => {
    expect(tripAt(seconds).at).toBe(at);
  });

  it('gives the reason with the figures and stays tripped', () => {
    const b = new CircuitBreaker();
    b.observe(sec(7, 100, 50));
    b.observe(sec(8, 100, 75));
    const st = b.observe(sec(9, 100, 60));
    expect(st.reason).toBe(
      "circuit breaker: throttle rate reached 75% (threshold 50%) for 3 consecutive seconds (t=7..9 s): the account's quota is exhausted",
    );
    expect(b.observe(sec(10, 100, 0))).toBe(st);
  });

  it('names the misconfiguration', () => {
    const { reason } = tripAt([0, 1, 2].map((t) => sec(t, 4, 0, { NotAuthorizedException: 4 })));
    expect(reason).toBe(
      'circuit breaker: 100% of calls failed with NotAuthorizedException (threshold 100%) for 3 consecutive seconds ' +
        '(t=0..2 s): wrong client id or secret, or credentials not allowed',
    );
  });

  it('honours a custom config', () => {
    const b = new CircuitBreaker({ ...DEFAULT_CIRCUIT_BREAKER_CONFIG, maxThrottleRate: 0.1, consecutiveSeconds: 1 });
    expect(b.observe(sec(0, 100, 10)).tripped).toBe(true);
  });

  it('maps to exit code 3', () => {
    expect(circuitBreakerError('circuit breaker: x').exitCode).toBe(ExitCode.TargetUnavailable);
  });
});
