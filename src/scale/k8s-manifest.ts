import { stringify } from 'yaml';
import { InputError } from '../errors.js';
import { formatStartAt } from './start-at.js';

/**
 * Kubernetes manifests of a sharded run (pure): a ConfigMap holding the scenario and an Indexed Job
 * (completionMode Indexed, completions = parallelism = shards). Pod i runs `cogcap run --shard i/N` with one
 * shared `--start-at` and seed, and writes its result to a shared volume (a PersistentVolumeClaim) under
 * `<resultsDir>/<job>/shard-<i>/`, where the merge step collects them.
 */

/** Where pods mount the scenario ConfigMap. */
export const SCENARIO_MOUNT_DIR = '/etc/cogcap';
/** Where pods mount the results volume. */
export const RESULTS_MOUNT_DIR = '/results';
/** File name of the scenario inside the ConfigMap. */
export const SCENARIO_KEY = 'scenario.yaml';

/** Inputs of {@link buildK8sManifests}. */
export interface K8sManifestInput {
  /** Scenario name (labels, default job name). */
  readonly scenarioName: string;
  /** The scenario file's text, stored verbatim in the ConfigMap. */
  readonly scenarioText: string;
  /** Number of shards (pods), 1..100000. */
  readonly shards: number;
  /** Container image with `cogcap` as its entry point. */
  readonly image: string;
  /** Shared start time, epoch ms. */
  readonly startAtMs: number;
  /** Shared seed. */
  readonly seed: number;
  /** PersistentVolumeClaim for results (ReadWriteMany when pods land on several nodes). */
  readonly pvcClaim: string;
  /** Job name (DNS-1123 label); default `cogcap-<scenario-slug>`. */
  readonly jobName?: string;
  readonly namespace?: string;
  /** Secret whose keys become environment variables (e.g. the app client secret named by clientSecretEnv). */
  readonly envFromSecret?: string;
  /** Service account (e.g. with an IAM role for the AWS credentials). */
  readonly serviceAccount?: string;
  /** CPU request and limit per pod, Kubernetes quantity; default `1`. */
  readonly cpu?: string;
  /** Memory request and limit per pod, Kubernetes quantity; default `1Gi`. */
  readonly memory?: string;
  /** Extra `cogcap run` arguments (e.g. `--i-understand-quotas-are-account-wide`). */
  readonly runArgs?: readonly string[];
}

/** Plain objects of the two manifests. */
export interface K8sManifests {
  readonly configMap: Record<string, unknown>;
  readonly job: Record<string, unknown>;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUANTITY = /^\d+(\.\d+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/;

/** `cogcap-<slug of the scenario name>`, shortened so that pod host names `<job>-<index>` fit in 63 characters. */
export function defaultJobName(scenarioName: string, shards: number): string {
  const room = 63 - 1 - String(Math.max(0, shards - 1)).length;
  const slug = scenarioName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `cogcap-${slug || 'run'}`.slice(0, room).replace(/-+$/, '');
}

/** Builds the ConfigMap and the Indexed Job. Throws {@link InputError} listing every invalid input. */
export function buildK8sManifests(input: K8sManifestInput): K8sManifests {
  const jobName = input.jobName ?? defaultJobName(input.scenarioName, input.shards);
  const problems: { path: string; message: string }[] = [];
  if (!Number.isInteger(input.shards) || input.shards < 1 || input.shards > 100_000) {
    problems.push({ path: '--shards', message: 'expected an integer between 1 and 100000' });
  }
  const maxIndexLength = String(Math.max(0, input.shards - 1)).length;
  if (!DNS_LABEL.test(jobName) || jobName.length + 1 + maxIndexLength > 63) {
    problems.push({ path: '--name', message: `expected a DNS-1123 label of at most ${62 - maxIndexLength} characters (pod host names are <name>-<index>)` });
  }
  if (input.namespace !== undefined && (!DNS_LABEL.test(input.namespace) || input.namespace.length > 63)) {
    problems.push({ path: '--namespace', message: 'expected a DNS-1123 label' });
  }
  if (input.image.trim() === '' || /\s/.test(input.image)) problems.push({ path: '--image', message: 'expected an image reference without spaces' });
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(input.pvcClaim)) problems.push({ path: '--pvc', message: 'expected a PersistentVolumeClaim name' });
  for (const [path, q] of [['--cpu', input.cpu], ['--memory', input.memory]] as const) {
    if (q !== undefined && !QUANTITY.test(q)) problems.push({ path, message: 'expected a Kubernetes quantity such as "2", "500m" or "1Gi"' });
  }
  if (problems.length > 0) throw new InputError('cannot build the Kubernetes manifests', problems);

  const metadata = (name: string): Record<string, unknown> => ({
    name,
    ...(input.namespace ? { namespace: input.namespace } : {}),
    labels: labels(jobName),
  });
  const configMapName = `${jobName}-scenario`;
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata(configMapName),
    data: { [SCENARIO_KEY]: input.scenarioText },
  };
  const resources = { cpu: input.cpu ?? '1', memory: input.memory ?? '1Gi' };
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      ...metadata(jobName),
      annotations: {
        'cogcap/start-at': formatStartAt(input.startAtMs),
        'cogcap/seed': String(input.seed),
        'cogcap/shards': String(input.shards),
      },
    },
    spec: {
      completionMode: 'Indexed',
      completions: input.shards,
      parallelism: input.shards,
      // A retried shard would start late and send its load twice: never retry, report the failure instead.
      backoffLimit: 0,
      template: {
        metadata: { labels: labels(jobName) },
        spec: {
          restartPolicy: 'Never',
          // The image runs as the unprivileged `node` user (uid/gid 1000): fsGroup makes the results volume writable.
          securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
          ...(input.serviceAccount ? { serviceAccountName: input.serviceAccount } : {}),
          containers: [
            {
              name: 'cogcap',
              image: input.image,
              args: [
                'run',
                `${SCENARIO_MOUNT_DIR}/${SCENARIO_KEY}`,
                '--shard',
                `$(JOB_COMPLETION_INDEX)/${input.shards}`,
                '--start-at',
                formatStartAt(input.startAtMs),
                '--seed',
                String(input.seed),
                '--out',
                `${RESULTS_MOUNT_DIR}/${jobName}/shard-$(JOB_COMPLETION_INDEX)`,
                ...(input.runArgs ?? []),
              ],
              env: [
                {
                  // Set by the Job controller too (Kubernetes 1.22+); declared here so that $(...) expansion works everywhere.
                  name: 'JOB_COMPLETION_INDEX',
                  valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } },
                },
              ],
              ...(input.envFromSecret ? { envFrom: [{ secretRef: { name: input.envFromSecret } }] } : {}),
              resources: { requests: { ...resources }, limits: { ...resources } },
              volumeMounts: [
                { name: 'scenario', mountPath: SCENARIO_MOUNT_DIR, readOnly: true },
                { name: 'results', mountPath: RESULTS_MOUNT_DIR },
              ],
            },
          ],
          volumes: [
            { name: 'scenario', configMap: { name: configMapName } },
            { name: 'results', persistentVolumeClaim: { claimName: input.pvcClaim } },
          ],
        },
      },
    },
  };
  return { configMap, job };
}

/** Renders the manifests as one multi-document YAML stream (ConfigMap first), with a comment header. */
export function renderK8sManifests(manifests: K8sManifests, header: readonly string[] = []): string {
  const docs = [manifests.configMap, manifests.job].map((m) => stringify(m, { lineWidth: 0, aliasDuplicateObjects: false }));
  return `${header.map((l) => `# ${l}\n`).join('')}${docs.map((d) => `---\n${d}`).join('')}`;
}

function labels(jobName: string): Record<string, string> {
  return { 'app.kubernetes.io/name': 'cognito-capacity', 'app.kubernetes.io/component': 'load-generator', 'cogcap/run': jobName };
}
