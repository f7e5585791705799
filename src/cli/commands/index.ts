import type { CliCommand } from '../command.js';
import { validateCommand } from './validate.js';
import { runCommand } from './run.js';
import { k8sCommand } from './k8s.js';
import { emulatorCommand } from './emulator.js';
import { seedCommand } from './seed.js';
import { cleanupCommand } from './cleanup.js';
import { planCommand } from './plan.js';
import { quotasCommand } from './quotas.js';
import { reportCommand } from './report.js';
import { compareCommand } from './compare.js';
import { mergeCommand } from './merge.js';
import { apiLoadCommand } from './api-load.js';

/**
 * Registry of sub-commands. Each command lives in its own file in this folder; add it here.
 */
export const COMMANDS: readonly CliCommand<any>[] = [validateCommand, runCommand, k8sCommand, emulatorCommand, seedCommand, cleanupCommand, planCommand, quotasCommand, reportCommand, compareCommand, mergeCommand, apiLoadCommand];
