import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { InputError } from '../../errors.js';
import { loadScenario } from '../../config/load-scenario.js';
import { parseDurationMs } from '../../config/duration.js';
import type { Scenario } from '../../config/scenario.js';
import { ACKNOWLEDGE_FLAG } from '../../guard/acknowledgement.js';
import { buildK8sManifests, renderK8sManifests } from '../../scale/k8s-manifest.js';
import { requirePopulationPerShard } from '../../scale/shard.js';
import { formatStartAt, parseStartAt, plannedStartAt } from '../../scale/start-at.js';

interface K8sArgs {
  readonly scenario: string;
  readonly shards: number;
  readonly image: string;
  readonly namespace?: string;
  readonly pvc: string;
  readonly name?: string;
  readonly startAt?: string;
  readonly startIn: string;
  readonly seed?: number;
  readonly envFromSecret?: string;
  readonly serviceAccount?: string;
  readonly cpu?: string;
  readonly memory?: string;
  readonly iUnderstandQuotasAreAccountWide?: boolean;
}

/** Warnings about a scenario that will run in pods (files it names are not in the image). */
export function k8sScenarioWarnings(scenario: Scenario): string[] {
  const out: string[] = [];
  if (scenario.target.kind === 'embedded') {
    out.push('the target is the embedded emulator: every pod would load its own emulator, not a shared target');
  }
  if (scenario.target.kind === 'aws' && scenario.target.clientSecretFile) {
    out.push('target.aws.clientSecretFile names a file that is not in the pod: prefer clientSecretEnv with --env-from-secret');
  }
  if (scenario.population.kind === 'file') out.push('population.fromFile names a file that is not in the pod');
  return out;
}

/** `cogcap k8s <scenario> --shards N --image <image>`: prints a ConfigMap and an Indexed Job for a sharded run. */
export const k8sCommand: CliCommand<K8sArgs> = {
  command: 'k8s <scenario>',
  describe: 'Print Kubernetes manifests (ConfigMap + Indexed Job) that run a scenario as N shards with one start time',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario file (stored verbatim in a ConfigMap)', demandOption: true })
      .option('shards', { type: 'number', describe: 'Number of shards (pods); the total rate is split between them', demandOption: true })
      .option('image', { type: 'string', describe: 'Container image whose entry point is cogcap (see Dockerfile)', demandOption: true })
      .option('namespace', { type: 'string', describe: 'Namespace of the manifests' })
      .option('pvc', { type: 'string', default: 'cogcap-results', describe: 'PersistentVolumeClaim shared by the pods for results (ReadWriteMany)' })
      .option('name', { type: 'string', describe: 'Job name (default cogcap-<scenario name>)' })
      .option('start-at', { type: 'string', describe: 'Shared start time, ISO 8601 with a zone (default: now + --start-in)' })
      .option('start-in', { type: 'string', default: '3m', describe: 'Lead time before the shared start when --start-at is not given' })
      .option('seed', { type: 'number', describe: 'Shared random seed (default: random, written into the manifest)' })
      .option('env-from-secret', { type: 'string', describe: 'Secret whose keys become environment variables (e.g. the client secret)' })
      .option('service-account', { type: 'string', describe: 'Service account of the pods (e.g. bound to an IAM role)' })
      .option('cpu', { type: 'string', describe: 'CPU request and limit per pod (default 1)' })
      .option('memory', { type: 'string', describe: 'Memory request and limit per pod (default 1Gi)' })
      .option(ACKNOWLEDGE_FLAG, { type: 'boolean', describe: 'Pass the account-wide quota acknowledgement to every shard' }),
  examples: [
    ['cogcap k8s scenarios/peak.yaml --shards 10 --image registry.example.com/cogcap:0.1.0 > job.yaml', 'A 10-shard run'],
  ],
  run: async (args, io) => {
    if (!Number.isInteger(args.shards) || args.shards < 1) {
      throw new InputError('invalid shard count', [{ path: '--shards', message: 'expected an integer >= 1' }]);
    }
    const scenario = await loadScenario(args.scenario, { cwd: io.cwd });
    if (scenario.population.kind === 'generated') requirePopulationPerShard(scenario.population.count, args.shards);
    const scenarioText = await readFile(resolve(io.cwd, args.scenario), 'utf8');
    const nowMs = Date.now();
    let startAtMs: number;
    if (args.startAt !== undefined) {
      startAtMs = parseStartAt(args.startAt, nowMs, { maxPastMs: 0 });
    } else {
      const leadMs = parseDurationMs(args.startIn);
      if (leadMs === undefined) throw new InputError('invalid --start-in', [{ path: '--start-in', message: 'expected a duration such as "3m"' }]);
      startAtMs = plannedStartAt(nowMs, leadMs);
    }
    const seed = args.seed ?? scenario.seed ?? randomInt(0, 2 ** 32 - 1);
    const manifests = buildK8sManifests({
      scenarioName: scenario.name,
      scenarioText,
      shards: args.shards,
      image: args.image,
      startAtMs,
      seed,
      pvcClaim: args.pvc,
      ...(args.name !== undefined ? { jobName: args.name } : {}),
      ...(args.namespace !== undefined ? { namespace: args.namespace } : {}),
      ...(args.envFromSecret !== undefined ? { envFromSecret: args.envFromSecret } : {}),
      ...(args.serviceAccount !== undefined ? { serviceAccount: args.serviceAccount } : {}),
      ...(args.cpu !== undefined ? { cpu: args.cpu } : {}),
      ...(args.memory !== undefined ? { memory: args.memory } : {}),
      runArgs: args.iUnderstandQuotasAreAccountWide ? [`--${ACKNOWLEDGE_FLAG}`] : [],
    });
    const jobName = (manifests.job.metadata as { name: string }).name;
    const ns = args.namespace ? ` -n ${args.namespace}` : '';
    io.stdout.write(
      renderK8sManifests(manifests, [
        `cogcap k8s: scenario "${scenario.name}" as ${args.shards} shards starting together at ${formatStartAt(startAtMs)} (seed ${seed}).`,
        `Apply before the start time: kubectl apply${ns} -f <this file>`,
        `Wait: kubectl wait${ns} --for=condition=complete --timeout=<run duration + margin> job/${jobName}`,
        `Results: <pvc ${args.pvc}>/${jobName}/shard-<i>/ ; merge them with cogcap merge (see deploy/README.md).`,
      ]),
    );
    for (const w of k8sScenarioWarnings(scenario)) io.stderr.write(`warning: ${w}\n`);
    return 0;
  },
};
