import type { StartEmulatorOptions } from '../emulator/start-emulator.js';

/** What the run asks of its embedded emulator (plain data: it crosses the process boundary). */
export interface EmbeddedEmulatorSpec {
  /** `aws-default`, `unlimited`, or a quota profile file path. */
  readonly quotas: string;
  /** `realistic` or `zero`. */
  readonly latency: string;
  /** HTTP status of throttles. */
  readonly throttleStatus: number;
  /** Region of pool ids (default us-east-1). */
  readonly region?: string;
}

/**
 * Options for `startEmulator` from the run's spec: 127.0.0.1, a free port, and the named quota and latency
 * profiles. The profile options are passed by name (`quotas`, `latency`, `throttleStatus`), as the emulator's
 * command line takes them.
 */
export async function embeddedEmulatorOptions(spec: EmbeddedEmulatorSpec): Promise<StartEmulatorOptions> {
  return {
    port: 0,
    host: '127.0.0.1',
    ...(spec.region ? { region: spec.region } : {}),
    ...({ quotas: spec.quotas, latency: spec.latency, throttleStatus: spec.throttleStatus } as Record<string, unknown>),
  } as StartEmulatorOptions;
}
