import type { TriggerInvoker, TriggerName } from './layer.js';
import type { LockoutTracker } from './lockout-tracker.js';
import type { RandomBytes } from './store/ids.js';
import type { EmulatorStore } from './store/emulator-store.js';
import type { PoolState } from './store/pool-state.js';

/** How confirmation and reset codes are made: random 6-digit codes, or always the same code (`--fixed-code`). */
export type CodeMode = { readonly kind: 'random' } | { readonly kind: 'fixed'; readonly code: string };

/** What every handler may use: the store and the injected world. */
export interface EmulatorContext {
  readonly store: EmulatorStore;
  /** Region in pool ids, ARNs and token issuers, e.g. `us-east-1`. */
  readonly region: string;
  /** Emulator clock, ms since the epoch. */
  readonly now: () => number;
  readonly random: RandomBytes;
  readonly codeMode: CodeMode;
  readonly triggers: TriggerInvoker | undefined;
  readonly lockout: LockoutTracker | undefined;
}

/** Invokes a simulated Lambda trigger when the pool configures it (`LambdaConfig.<trigger>`). */
export async function runTrigger(ctx: EmulatorContext, pool: PoolState, trigger: TriggerName, operation: string): Promise<void> {
  if (ctx.triggers && pool.config.lambdaConfig[trigger] !== undefined) {
    await ctx.triggers.invoke(trigger, pool.config.id, operation);
  }
}

/** Issuer of a pool's tokens: `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
export function issuerOf(ctx: EmulatorContext, userPoolId: string): string {
  const region = userPoolId.slice(0, userPoolId.indexOf('_')) || ctx.region;
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}
