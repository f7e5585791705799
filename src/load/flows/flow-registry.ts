import { InputError } from '../../errors.js';
import type { FlowDefinition } from '../flow.js';
import { BUILT_IN_FLOWS } from './built-in-flows.js';
import { OAUTH_FLOW_PLACEHOLDERS } from './oauth-flow-setup.js';

// The OAuth flows are placeholders: the run builds them from its OAuth settings (oauth-flow-setup.ts).
const registry = new Map<string, FlowDefinition>([...BUILT_IN_FLOWS, ...OAUTH_FLOW_PLACEHOLDERS].map((f) => [f.name, f]));

/** Every registered flow (built-ins first, then code-defined flows), by name. */
export const FLOWS: ReadonlyMap<string, FlowDefinition> = registry;

/**
 * Registers a code-defined flow so that scenarios can name it. A name already taken throws {@link InputError}
 * unless `replace` is true.
 */
export function registerFlow(def: FlowDefinition, options: { replace?: boolean } = {}): void {
  if (registry.has(def.name) && !options.replace) {
    throw new InputError(`a flow named "${def.name}" is already registered`, [], 'pick another name or pass { replace: true }');
  }
  registry.set(def.name, def);
}

/** The flow registered as `name`; an unknown name throws {@link InputError} listing the valid ones. */
export function getFlow(name: string): FlowDefinition {
  const def = registry.get(name);
  if (!def) throw new InputError(`unknown flow "${name}"; valid flows: ${[...registry.keys()].join(', ')}`);
  return def;
}
