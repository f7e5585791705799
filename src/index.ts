/**
 * Programmatic API of cognito-capacity.
 */
export * from './cognito/categories.js';
export * from './cognito/operations.js';
export * from './cognito/srp.js';
export * from './cognito/secret-hash.js';
export * from './errors.js';
export * from './emulator/start-emulator.js';
export { createEmulatorApp, type EmulatorApp, type EmulatorAppOptions } from './emulator/app.js';
export type { CodeMode } from './emulator/context.js';
export type { LockoutTracker } from './emulator/lockout-tracker.js';
export type { BootstrapDocument, BootstrapSummary } from './emulator/bootstrap.js';
export * from './metrics/histogram.js';
export type * from './metrics/sample.js';
export * from './metrics/run-result.js';
