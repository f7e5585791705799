import type { CliCommand } from '../command.js';
import { loadScenario } from '../../config/load-scenario.js';
import { describeScenario } from '../../config/describe-scenario.js';

interface ValidateArgs {
  readonly file: string;
}

/** `cogcap validate <file>`: checks a scenario and prints a summary, or every problem (exit 2). */
export const validateCommand: CliCommand<ValidateArgs> = {
  command: 'validate <file>',
  describe: 'Check a scenario file (YAML or JSON): prints a summary, or every problem with its field path (exit 2)',
  builder: (y) => y.positional('file', { type: 'string', describe: 'Scenario file', demandOption: true }),
  examples: [['cogcap validate scenarios/default.yaml', 'Check the default scenario']],
  run: async (args, io) => {
    const scenario = await loadScenario(args.file, { cwd: io.cwd });
    io.stdout.write(`OK ${args.file}\n${describeScenario(scenario).map((l) => `  ${l}\n`).join('')}`);
    return 0;
  },
};
