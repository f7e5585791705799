import { InputError } from '../../errors.js';
import type { Sample } from '../../metrics/sample.js';
import type { Driver, ResolvedTarget } from '../flow.js';
import { createRawDriver } from './raw-driver.js';
import { createSdkDriver } from './sdk-driver.js';

/** Options every driver accepts (see each driver for defaults). */
export interface DriverOptions {
  readonly target: ResolvedTarget;
  /** Clock in µs since run start. */
  readonly nowUs?: () => number;
  /** Planned in-flight cap (socket pools are sized above it). */
  readonly inFlightCap?: number;
  readonly maxSockets?: number;
  /** Request timeout, ms (default 10,000). */
  readonly requestTimeoutMs?: number;
  readonly onSample?: (sample: Sample) => void;
}

/** A driver factory registered by name. */
export type DriverFactory = (options: DriverOptions) => Driver;

const registry = new Map<string, DriverFactory>([
  /** AWS SDK v3 client: every operation, SigV4 where needed; open model. */
  ['sdk', (o) => createSdkDriver(o)],
  /** Unsigned JSON 1.1 over keep-alive node:http: public client operations only; open model. */
  ['raw', (o) => createRawDriver(o)],
]);

/** Registered driver names. */
export const DRIVERS: ReadonlyMap<string, DriverFactory> = registry;

/** Registers a driver factory (e.g. a custom transport) under `name`. */
export function registerDriver(name: string, factory: DriverFactory): void {
  registry.set(name, factory);
}

/** Creates the driver registered as `name`; an unknown name throws {@link InputError} listing the valid ones. */
export function createDriver(name: string, options: DriverOptions): Driver {
  const factory = registry.get(name);
  if (!factory) {
    throw new InputError(`unknown driver ${JSON.stringify(name)}; valid drivers: ${[...registry.keys()].join(', ')}`);
  }
  return factory(options);
}
