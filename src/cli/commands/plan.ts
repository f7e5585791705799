import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { CliCommand, CliIo } from '../command.js';
import { DEFAULT_PLAN_DEPS, type PlanDeps } from '../plan-deps.js';
import { calibrate, resolveQuotas } from '../../aws/quota-sources.js';
import { requestIncrease, type SubmittedRequest } from '../../aws/service-quotas.js';
import { parseScenarioText } from '../../config/load-scenario.js';
import { loadWorkload } from '../../config/workload-load.js';
import { InputError } from '../../errors.js';
import { RUN_RESULT_SCHEMA, type RunResult } from '../../metrics/run-result.js';
import { buildPlan, type Plan } from '../../planner/plan.js';
import { runEvidence, type RunEvidence } from '../../planner/run-evidence.js';
import { emitScenario } from '../../planner/scenario-emit.js';
import { draftFiles, PLAN_FORMATS, PLAN_RENDERERS, type PlanFormat } from '../../report/plan-render.js';

interface PlanArgs {
  readonly workload: string;
  readonly format?: PlanFormat;
  readonly out?: string;
  readonly quotas: 'default' | 'live';
  readonly region?: string;
  readonly provisioned: boolean;
  readonly calibrateDays?: number;
  readonly drafts?: string;
  readonly result?: string;
  readonly submit: boolean;
  readonly yes: boolean;
  readonly emitScenario?: string;
  readonly scale?: number;
  readonly emitDuration: string;
}

const FORMAT_BY_EXT: Readonly<Record<string, PlanFormat>> = { '.json': 'json', '.md': 'md', '.html': 'html', '.htm': 'html' };

async function readEvidence(file: string, cwd: string): Promise<RunEvidence> {
  let doc: Partial<RunResult>;
  try {
    doc = JSON.parse(await readFile(resolve(cwd, file), 'utf8')) as Partial<RunResult>;
  } catch (err) {
    throw new InputError(`cannot read run result ${file}`, [{ file, path: '', message: `expected a run result JSON file (${(err as Error).message})` }]);
  }
  if (doc?.schema !== RUN_RESULT_SCHEMA || typeof doc.categories !== 'object' || !doc.generator) {
    throw new InputError(`${file} is not a run result`, [{ file, path: 'schema', message: `expected "${RUN_RESULT_SCHEMA}" (a result.json written by cogcap run)` }]);
  }
  return runEvidence(doc as RunResult);
}

async function writeText(cwd: string, file: string, text: string): Promise<string> {
  const path = resolve(cwd, file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return path;
}

async function writeDrafts(plan: Plan, dir: string, io: CliIo): Promise<void> {
  const files: Record<string, string> = {
    'drafts.json': `${JSON.stringify({ workload: plan.workload, generatedAt: plan.generatedAt, drafts: plan.drafts }, null, 2)}\n`,
  };
  for (const d of plan.drafts) Object.assign(files, draftFiles(plan, d));
  for (const [name, text] of Object.entries(files)) await writeText(io.cwd, join(dir, name), text);
  io.stderr.write(`drafts: ${plan.drafts.length} request${plan.drafts.length === 1 ? '' : 's'} written to ${dir}\n`);
}

async function writeScenario(plan: Plan, args: PlanArgs, deps: PlanDeps, io: CliIo): Promise<void> {
  const file = args.emitScenario!;
  const emitted = emitScenario(plan, { flowNames: deps.flowNames(), peakDuration: args.emitDuration, ...(args.scale !== undefined ? { scale: args.scale } : {}) });
  const header = [
    `# Emitted by: cogcap plan ${args.workload} --emit-scenario ${file}${args.scale !== undefined ? ` --scale ${args.scale}` : ''}`,
    `# Forecast peak ${emitted.flows.reduce((a, f) => a + f.forecastRatePerSec, 0).toFixed(3)} arrivals/s × scale ${emitted.scale.toFixed(6)} = ${emitted.totalRatePerSec.toFixed(3)} arrivals/s.`,
    '# Each flow weight is its arrivals/s: the forecast peak of the demand lines it stands for, times the scale.',
    ...emitted.flows.map((f) => `#   ${f.flow}: ${f.forecastRatePerSec.toFixed(4)}/s forecast (${f.lineIds.join(', ')})`),
    ...(emitted.notReproduced.length
      ? ['# Not reproduced (no registered flow yet):', ...emitted.notReproduced.map((n) => `#   ${n.lineId} ${n.operation}: ${n.peakRatePerSec.toFixed(4)}/s`)]
      : []),
    emitted.scale < 1
      ? '# Scaled down for one machine: the embedded emulator runs with unlimited quotas (default quotas do not scale).'
      : '# Unscaled: the embedded emulator enforces the AWS default quotas, so categories that need an increase throttle.',
  ].join('\n');
  const text = `${header}\n${stringify(emitted.document)}`;
  await parseScenarioText(text, file);
  await writeText(io.cwd, file, text);
  io.stderr.write(`scenario: ${file} (${emitted.totalRatePerSec.toFixed(2)} arrivals/s at scale ${Number(emitted.scale.toFixed(6))}); run it with cogcap run ${file}\n`);
}

async function submitDrafts(plan: Plan, args: PlanArgs, deps: PlanDeps, io: CliIo): Promise<void> {
  const ready = plan.drafts.filter((d) => !d.blockers.length && d.payload.QuotaCode);
  const blocked = plan.drafts.filter((d) => d.blockers.length || !d.payload.QuotaCode);
  for (const d of blocked) io.stderr.write(`not submitted (${d.quotaName}): ${d.blockers.join('; ')}\n`);
  if (!ready.length) {
    io.stderr.write('submit: no increase request to file\n');
    return;
  }
  if (!args.yes && !deps.isInteractive()) {
    throw new InputError('--submit needs a confirmation: run it in a terminal, or add --yes to file the requests without asking');
  }
  const region = args.region ?? plan.workload.region;
  io.stderr.write(`About to file ${ready.length} quota increase request${ready.length === 1 ? '' : 's'} in ${region}:\n`);
  for (const d of ready) io.stderr.write(`  ${d.service} ${d.payload.QuotaCode} ${d.quotaName}: ${d.currentRatePerSec} → ${d.payload.DesiredValue} req/s\n`);
  if (plan.quotaSource === 'default') io.stderr.write('note: based on the documented defaults; --quotas live bases requests on your current values\n');
  if (!args.yes && !(await deps.confirm('File these requests with Service Quotas?'))) {
    io.stderr.write('submit: cancelled, nothing filed\n');
    return;
  }
  const client = deps.awsClients(region).serviceQuotas;
  const done: SubmittedRequest[] = [];
  for (const d of ready) {
    const r = await requestIncrease(client, d.payload);
    done.push(r);
    io.stderr.write(`filed ${d.quotaName}: request ${r.requestId} ${r.status}\n`);
  }
  if (args.drafts) await writeText(io.cwd, join(args.drafts, 'submitted.json'), `${JSON.stringify(done, null, 2)}\n`);
  io.stderr.write(`follow them with: cogcap quotas status --region ${region}${args.drafts ? ` --from ${join(args.drafts, 'submitted.json')}` : ''}\n`);
}

/** Builds `cogcap plan` with injected dependencies (tests pass fakes). */
export function createPlanCommand(deps: PlanDeps = DEFAULT_PLAN_DEPS): CliCommand<PlanArgs> {
  return {
    command: 'plan <workload>',
    describe: 'Forecast per-category Cognito demand from a workload file and compare it with the quotas; draft increase requests',
    builder: (y) =>
      y
        .positional('workload', { type: 'string', describe: 'Workload file (YAML or JSON; schema: schemas/workload.schema.json)', demandOption: true })
        .option('format', { choices: PLAN_FORMATS, describe: 'Output format (default: table, or from the --out extension)' })
        .option('out', { type: 'string', describe: 'Write the plan to this file instead of stdout' })
        .option('quotas', { choices: ['default', 'live'] as const, default: 'default' as const, describe: 'Documented defaults, or live values from Service Quotas and GetProvisionedLimit' })
        .option('region', { type: 'string', describe: "AWS Region for live quotas, calibration and submission (default: the workload's region)" })
        .option('provisioned', { type: 'boolean', default: true, describe: 'With --quotas live: read GetProvisionedLimit (paced at 1 req/s)' })
        .option('calibrate-days', { type: 'number', describe: 'Calibrate with CloudWatch AWS/Usage over the last N days (1-63)' })
        .option('drafts', { type: 'string', describe: 'Write increase drafts (payload JSON, justification Markdown and HTML) to this folder' })
        .option('result', { type: 'string', describe: 'A run result.json to cite as capacity-test evidence' })
        .option('submit', { type: 'boolean', default: false, describe: 'File the increase requests with Service Quotas after a confirmation' })
        .option('yes', { type: 'boolean', default: false, describe: 'With --submit: do not ask (needed without a terminal)' })
        .option('emit-scenario', { type: 'string', describe: 'Write a capacity-test scenario reproducing the forecast peak mix' })
        .option('scale', { type: 'number', describe: 'With --emit-scenario: rate multiplier (default: 1, or lower to stay within 300 arrivals/s)' })
        .option('emit-duration', { type: 'string', default: '2m', describe: 'With --emit-scenario: how long to hold the forecast peak (after a 30s ramp)' }),
    examples: [
      ['cogcap plan scenarios/workload-launch.yaml', 'Plan against the documented default quotas'],
      ['cogcap plan scenarios/workload-b2b.yaml --format md --out reports/plan.md', 'Full derivation as Markdown'],
      ['cogcap plan w.yaml --quotas live --calibrate-days 14 --drafts reports/drafts', 'Live quotas, calibration, drafts'],
      ['cogcap plan w.yaml --emit-scenario reports/peak.yaml --scale 0.1', 'A scenario reproducing 10 % of the forecast peak'],
    ],
    run: async (args, io) => {
      if (args.calibrateDays !== undefined && !(Number.isInteger(args.calibrateDays) && args.calibrateDays >= 1 && args.calibrateDays <= 63)) {
        throw new InputError('invalid --calibrate-days', [{ path: '--calibrate-days', message: `expected a whole number of days from 1 to 63, got ${args.calibrateDays}` }]);
      }
      if (args.scale !== undefined && !(args.scale > 0 && args.scale <= 1)) {
        throw new InputError('invalid --scale', [{ path: '--scale', message: `expected a number in (0, 1], got ${args.scale}` }]);
      }
      const workload = await loadWorkload(resolve(io.cwd, args.workload), args.workload);
      const evidence = args.result ? await readEvidence(args.result, io.cwd) : null;
      const region = args.region ?? workload.region;
      const needAws = args.quotas === 'live' || args.calibrateDays !== undefined;
      const clients = needAws ? deps.awsClients(region) : undefined;
      const quotas = await resolveQuotas({ mode: args.quotas, ...(clients ? { clients } : {}), provisioned: args.provisioned, sleep: deps.sleep });
      const cal = args.calibrateDays !== undefined ? await calibrate(clients!.cloudWatch, args.calibrateDays, deps.now()) : null;
      const plan = buildPlan(region === workload.region ? workload : { ...workload, region }, {
        quotas: quotas.table,
        quotaSource: args.quotas,
        generatedAt: deps.now().toISOString(),
        workloadFile: args.workload,
        calibration: cal ? { days: cal.days, observed: cal.observed } : null,
        evidence,
        sourceWarnings: [...quotas.warnings, ...(cal?.warnings ?? [])],
      });
      const format: PlanFormat = args.format ?? (args.out ? (FORMAT_BY_EXT[extname(args.out).toLowerCase()] ?? 'table') : 'table');
      const text = PLAN_RENDERERS[format](plan);
      if (args.out) {
        await writeText(io.cwd, args.out, text);
        io.stderr.write(`plan: ${args.out}\n`);
      } else {
        io.stdout.write(text);
      }
      if (args.drafts) await writeDrafts(plan, args.drafts, io);
      if (args.emitScenario) await writeScenario(plan, args, deps, io);
      if (args.submit) await submitDrafts(plan, args, deps, io);
      return 0;
    },
  };
}

/** `cogcap plan <workload>`. */
export const planCommand = createPlanCommand();
