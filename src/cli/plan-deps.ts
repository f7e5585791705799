import { createInterface } from 'node:readline/promises';
import { createPlannerAwsClients, type PlannerAwsClients } from '../aws/aws-clients.js';
import { FLOWS } from '../load/flows/flow-registry.js';

/**
 * The world `cogcap plan` and `cogcap quotas` touch besides CliIo: AWS clients, clock, sleep, the interactive
 * confirmation (stdin) and the flow registry. Injected so the commands are testable in-process.
 */
export interface PlanDeps {
  readonly awsClients: (region?: string) => PlannerAwsClients;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  /** True when a person can answer a question (stdin is a TTY). */
  readonly isInteractive: () => boolean;
  /** Asks a yes/no question; resolves true only for an explicit yes. */
  readonly confirm: (question: string) => Promise<boolean>;
  readonly flowNames: () => readonly string[];
}

/** Real dependencies: SDK clients with the standard chain, wall clock, process stdin. */
export const DEFAULT_PLAN_DEPS: PlanDeps = {
  awsClients: createPlannerAwsClients,
  now: () => new Date(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  isInteractive: () => Boolean(process.stdin.isTTY),
  confirm: async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = await rl.question(`${question} [y/N] `);
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      rl.close();
    }
  },
  flowNames: () => [...FLOWS.keys()],
};
