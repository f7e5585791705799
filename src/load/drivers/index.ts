export * from './classify-outcome.js';
export * from './driver-registry.js';
export * from './raw-driver.js';
export * from './raw-load.js';
export * from './sdk-driver.js';
export { SDK_COMMANDS } from './sdk-commands.js';
export { monotonicClockUs } from './monotonic-clock.js';
export * from './raw-load-bodies.js';
