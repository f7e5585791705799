export { buildCustomFlow, flowUsesSrp, type ComposedFlowDefinition, type StepSpec } from './build-custom-flow.js';
export { BUILT_IN_FLOWS, CODE_ENTRY_THINK_MS } from './built-in-flows.js';
export type { LoadFlowContext } from './flow-context.js';
export { FLOWS, getFlow, registerFlow } from './flow-registry.js';
export { STEPS, STEP_NAMES, COMMON_STEP_PARAMS, checkStep, stepSchema, type StepDefinition } from './steps.js';
export { SESSION_MIN_VALID_US } from './sign-in-steps.js';
