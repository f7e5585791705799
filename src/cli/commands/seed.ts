import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { loadScenario } from '../../config/load-scenario.js';
import { ExitCode, InputError, type InputProblem } from '../../errors.js';
import { createSdkDriver } from '../../load/drivers/sdk-driver.js';
import type { ResolvedTarget } from '../../load/flow.js';
import {
  DEFAULT_SEED_RATE_PER_SEC,
  derivePassword,
  emulatorBulkCreate,
  emailFor,
  formatUsername,
  Journal,
  newPopulationSecret,
  POPULATION_SECRET_ENV,
  populationSecretFromEnv,
  seedPopulation,
  type PasswordPolicyOptions,
} from '../../load/population/index.js';
import { progressPrinter } from './population-progress.js';

interface SeedArgs {
  readonly scenario?: string;
  readonly endpoint?: string;
  readonly region?: string;
  readonly userPoolId?: string;
  readonly count?: number;
  readonly prefix?: string;
  readonly pattern?: string;
  readonly emailDomain?: string;
  readonly rate?: number;
  readonly journal?: string;
  readonly runId?: string;
  readonly viaApi?: boolean;
}

interface SeedPlan {
  target: ResolvedTarget;
  count: number;
  prefix: string;
  pattern: string;
  emailDomain: string;
  ratePerSec: number;
  policy: PasswordPolicyOptions;
}

async function planFrom(args: SeedArgs, cwd: string): Promise<SeedPlan> {
  const problems: InputProblem[] = [];
  let target: ResolvedTarget | undefined;
  let plan: Omit<SeedPlan, 'target'> = {
    count: 100,
    prefix: 'cogcap-',
    pattern: '{prefix}{run}-{index}',
    emailDomain: 'example.com',
    ratePerSec: DEFAULT_SEED_RATE_PER_SEC,
    policy: {},
  };
  if (args.scenario) {
    const s = await loadScenario(args.scenario, { cwd });
    const p = s.population;
    plan = { count: p.count, prefix: p.usernamePrefix, pattern: p.usernamePattern, emailDomain: p.emailDomain, ratePerSec: p.seedRatePerSec, policy: p.password };
    if (p.kind === 'file') problems.push({ file: args.scenario, path: 'population.fromFile', message: 'the scenario uses existing users from a file: nothing to seed' });
    const t = s.target;
    if (t.kind === 'embedded') {
      problems.push({ file: args.scenario, path: 'target', message: 'the embedded emulator is seeded by `cogcap run` itself; seed needs target.emulator or target.aws' });
    } else if (t.kind === 'emulator') {
      target = { kind: 'emulator', endpoint: args.endpoint ?? t.url, region: args.region ?? 'us-east-1', userPoolId: args.userPoolId ?? t.userPoolId ?? '', clientId: t.clientId ?? '' };
    } else {
      target = { kind: 'aws', region: t.region, userPoolId: args.userPoolId ?? t.userPoolId, clientId: t.clientId };
    }
  } else if (args.endpoint) {
    target = { kind: 'emulator', endpoint: args.endpoint, region: args.region ?? 'us-east-1', userPoolId: args.userPoolId ?? '', clientId: '' };
  } else if (args.region) {
    target = { kind: 'aws', region: args.region, userPoolId: args.userPoolId ?? '', clientId: '' };
  } else {
    problems.push({ path: '--endpoint', message: 'expected --scenario <file>, --endpoint <emulator URL> or --region <AWS Region> with --user-pool-id' });
  }
  if (target && !/^[\w-]+_[0-9a-zA-Z]+$/.test(target.userPoolId)) {
    problems.push({ path: '--user-pool-id', message: `expected a user pool id such as "us-east-1_Ab12Cd34E"${target.userPoolId ? `, got "${target.userPoolId}"` : ''}` });
  }
  const count = args.count ?? plan.count;
  if (!Number.isInteger(count) || count < 0) problems.push({ path: '--count', message: 'expected an integer >= 0' });
  const ratePerSec = args.rate ?? plan.ratePerSec;
  if (!(ratePerSec > 0)) problems.push({ path: '--rate', message: 'expected users per second > 0' });
  const pattern = args.pattern ?? plan.pattern;
  if (!pattern.includes('{index}')) problems.push({ path: '--pattern', message: 'expected a pattern containing {index}' });
  if (problems.length > 0 || !target) throw new InputError('cannot seed', problems, 'See cogcap seed --help.');
  return { ...plan, target, count, ratePerSec, pattern, prefix: args.prefix ?? plan.prefix, emailDomain: args.emailDomain ?? plan.emailDomain };
}

/** `cogcap seed`: creates test users paced under the UserCreation quota, journalled for `cogcap cleanup`. */
export const seedCommand: CliCommand<SeedArgs> = {
  command: 'seed',
  describe: 'Create test users (paced under the UserCreation quota), each journalled before it is created',
  builder: (y) =>
    y
      .option('scenario', { type: 'string', describe: 'Take the target and population from a scenario file' })
      .option('endpoint', { type: 'string', describe: 'URL of a running cogcap emulator' })
      .option('region', { type: 'string', describe: 'AWS Region (real pool; uses the default credential chain)' })
      .option('user-pool-id', { type: 'string', describe: 'User pool id' })
      .option('count', { type: 'number', describe: 'Users to create (default 100)' })
      .option('prefix', { type: 'string', describe: 'Username prefix (default "cogcap-")' })
      .option('pattern', { type: 'string', describe: 'Username pattern with {prefix}, {run}, {index} (default "{prefix}{run}-{index}")' })
      .option('email-domain', { type: 'string', describe: 'E-mail domain of the users (default example.com)' })
      .option('rate', { type: 'number', describe: `Users per second (default ${DEFAULT_SEED_RATE_PER_SEC}: each user is one UserCreation and one UserAccountRecovery call)` })
      .option('journal', { type: 'string', describe: 'Journal file (default reports/seed-<run>.journal.jsonl, mode 0600)' })
      .option('run-id', { type: 'string', describe: 'Run-unique part of usernames (default random)' })
      .option('via-api', {
        type: 'boolean',
        describe: 'Emulator targets: create users through AdminCreateUser/AdminSetUserPassword (paced, quota-charged) instead of the bulk route',
      }),
  examples: [
    ['cogcap seed --endpoint http://127.0.0.1:9229 --user-pool-id us-east-1_Ab12Cd34E --count 500', 'Seed an emulator pool'],
    ['COGCAP_POPULATION_SECRET=... cogcap seed --scenario scenarios/steady.yaml', 'Seed the population a scenario describes'],
  ],
  run: async (args, io) => {
    const plan = await planFrom(args, io.cwd);
    const runId = args.runId ?? randomBytes(4).toString('hex');
    const journalPath = resolve(io.cwd, args.journal ?? `reports/seed-${runId}.journal.jsonl`);
    const envSecret = populationSecretFromEnv(io.env);
    const secret = envSecret ?? newPopulationSecret();
    if (!envSecret) {
      io.stderr.write(
        `note: ${POPULATION_SECRET_ENV} is not set: passwords come from a random secret held only by this process, ` +
          `so later runs cannot sign these users in (cleanup still works). Set it to reuse the users.\n`,
      );
    }
    await mkdir(dirname(journalPath), { recursive: true });
    const { target } = plan;
    const journal = await Journal.open(journalPath, {
      runId,
      createdAt: new Date().toISOString(),
      target: { kind: target.kind, region: target.region, userPoolId: target.userPoolId, ...(target.endpoint ? { endpoint: target.endpoint } : {}) },
    });
    const driver = createSdkDriver({ target });
    const progress = progressPrinter(io.stderr as NodeJS.WritableStream & { isTTY?: boolean }, 'seeding');
    const bulk = target.kind !== 'aws' && target.endpoint && !args.viaApi ? emulatorBulkCreate(target.endpoint, target.userPoolId) : undefined;
    io.stdout.write(
      `seeding ${plan.count} users into ${target.userPoolId} (${target.endpoint ?? target.region}) ` +
        `${bulk ? 'through the emulator bulk route' : `at ${plan.ratePerSec}/s`}; journal ${journalPath}\n`,
    );
    try {
      const r = await seedPopulation({
        driver,
        userPoolId: target.userPoolId,
        journal,
        count: plan.count,
        usernameOf: (i) => formatUsername(plan.pattern, { prefix: plan.prefix, run: runId, index: i }),
        passwordOf: (u) => derivePassword(secret, u, plan.policy),
        emailOf: (u) => emailFor(u, plan.emailDomain),
        ratePerSec: plan.ratePerSec,
        ...(bulk ? { bulkCreate: bulk } : {}),
        signal: io.signal,
        onProgress: (p) => progress.update(p.done, p.total, `created ${p.created} existing ${p.existing} failed ${p.failed} retries ${p.retries}`),
      });
      progress.done();
      io.stdout.write(
        `${r.aborted ? 'interrupted: ' : ''}${r.created} created, ${r.existing} already existed, ${r.failed} failed ` +
          `in ${(r.durationMs / 1000).toFixed(1)} s (${r.retries} retries)\n` +
          `clean up with: cogcap cleanup --journal ${journalPath}\n`,
      );
      if (r.aborted) return ExitCode.Interrupted;
      return r.failed > 0 ? ExitCode.TargetUnavailable : ExitCode.Ok;
    } finally {
      progress.done();
      await journal.close();
      await driver.close();
    }
  },
};
