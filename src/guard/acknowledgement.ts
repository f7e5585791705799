import { TargetError } from '../errors.js';

/**
 * The explicit acknowledgement a run against a real pool needs: Cognito quotas are shared by every pool in the
 * account and Region, so a test can throttle production sign-ins.
 */

/** CLI flag (without dashes) that acknowledges account-wide quotas. */
export const ACKNOWLEDGE_FLAG = 'i-understand-quotas-are-account-wide';
/** Scenario field that acknowledges account-wide quotas. */
export const ACKNOWLEDGE_SCENARIO_FIELD = 'acknowledgeAccountWideQuotas';

/** Inputs of {@link requireQuotaAcknowledgement}. */
export interface AcknowledgementInput {
  /** Target kind; only `aws` needs the acknowledgement. */
  readonly targetKind: 'embedded' | 'emulator' | 'aws';
  /** Value of `--i-understand-quotas-are-account-wide`. */
  readonly flag?: boolean;
  /** Value of the scenario field `acknowledgeAccountWideQuotas`. */
  readonly scenarioField?: boolean;
}

/** True when the run may proceed: not an AWS target, or acknowledged by flag or scenario field. */
export function isQuotaUseAcknowledged(input: AcknowledgementInput): boolean {
  return input.targetKind !== 'aws' || input.flag === true || input.scenarioField === true;
}

/**
 * Throws a {@link TargetError} (exit 3) when a run against AWS was not acknowledged; does nothing otherwise.
 * Call before any AWS call (preflight included).
 */
export function requireQuotaAcknowledgement(input: AcknowledgementInput): void {
  if (isQuotaUseAcknowledged(input)) return;
  throw new TargetError(
    'refusing to run against a real user pool without acknowledging that Cognito quotas are account-wide: ' +
      'every pool in the account and Region shares them, so this test can throttle other pools (production included)',
    `pass --${ACKNOWLEDGE_FLAG} or set \`${ACKNOWLEDGE_SCENARIO_FIELD}: true\` in the scenario, after checking the ` +
      'preflight (--dry-run shows the planned share of each quota)',
  );
}
