import type { CliCommand } from '../command.js';
import { validateCommand } from './validate.js';

/**
 * Registry of sub-commands. Each command lives in its own file in this folder; add it here.
 */
export const COMMANDS: readonly CliCommand<any>[] = [validateCommand];
