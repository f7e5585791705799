import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { buildK8sManifests, defaultJobName, renderK8sManifests, type K8sManifestInput } from '../../../src/scale/k8s-manifest.js';
import { validateAgainst, type SchemaDocument } from './openapi-subset-validator.js';

const SCHEMA = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/k8s/k8s-openapi-subset.json'), 'utf8')) as SchemaDocument;
const JOB = 'io.k8s.api.batch.v1.Job';
const CONFIG_MAP = 'io.k8s.api.core.v1.ConfigMap';
const START = Date.parse('2026-11-26T15:00:00.000Z');

const base: K8sManifestInput = {
  scenarioName: 'Peak sign-in (Black Friday)',
  scenarioText: 'name: Peak sign-in (Black Friday)\nflows: [{ flow: signInSrp }]\nphases: [{ type: constant, rate: 500, duration: 10m }]\n',
  shards: 10,
  image: 'registry.example.com/cogcap:0.1.0',
  startAtMs: START,
  seed: 1234,
  pvcClaim: 'cogcap-results',
};

type Obj = Record<string, any>;

describe('validator self-check', () => {
  it('reports wrong types, missing required fields, unknown fields and bad enums', () => {
    const bad = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'x' },
      spec: { completionMode: 'indexed', completions: '10', template: { spec: { containers: [{ image: 'i', arg: [] }] } } },
    };
    expect(validateAgainst(SCHEMA, JOB, bad).sort()).toEqual(
      [
        '$.spec.completionMode: expected one of NonIndexed, Indexed, got indexed',
        '$.spec.completions: expected integer, got string',
        '$.spec.template.spec.containers[0].name: required',
        '$.spec.template.spec.containers[0].arg: unknown field',
      ].sort(),
    );
  });
});

describe('buildK8sManifests', () => {
  const { configMap, job } = buildK8sManifests({ ...base, namespace: 'load', envFromSecret: 'cogcap-client', serviceAccount: 'cogcap' }) as {
    configMap: Obj;
    job: Obj;
  };

  it('produces a valid batch/v1 Job and v1 ConfigMap', () => {
    expect(validateAgainst(SCHEMA, JOB, job)).toEqual([]);
    expect(validateAgainst(SCHEMA, CONFIG_MAP, configMap)).toEqual([]);
    const plain = buildK8sManifests(base);
    expect(validateAgainst(SCHEMA, JOB, plain.job)).toEqual([]);
  });

  it('is an Indexed Job with one pod per shard, never retried', () => {
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 10, parallelism: 10, backoffLimit: 0 });
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.spec.template.spec.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 });
    expect(job.metadata).toMatchObject({ name: 'cogcap-peak-sign-in-black-friday', namespace: 'load' });
  });

  it('maps the completion index to the shard, with one start time and seed', () => {
    const c = job.spec.template.spec.containers[0];
    expect(c.args).toEqual([
      'run',
      '/etc/cogcap/scenario.yaml',
      '--shard',
      '$(JOB_COMPLETION_INDEX)/10',
      '--start-at',
      '2026-11-26T15:00:00.000Z',
      '--seed',
      '1234',
      '--out',
      '/results/cogcap-peak-sign-in-black-friday/shard-$(JOB_COMPLETION_INDEX)',
    ]);
    expect(c.env).toContainEqual({
      name: 'JOB_COMPLETION_INDEX',
      valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } },
    });
    expect(c.envFrom).toEqual([{ secretRef: { name: 'cogcap-client' } }]);
    expect(job.spec.template.spec.serviceAccountName).toBe('cogcap');
  });

  it('mounts the scenario from the ConfigMap and the results volume from the claim', () => {
    const spec = job.spec.template.spec;
    expect(configMap.data['scenario.yaml']).toBe(base.scenarioText);
    expect(spec.volumes).toEqual([
      { name: 'scenario', configMap: { name: configMap.metadata.name } },
      { name: 'results', persistentVolumeClaim: { claimName: 'cogcap-results' } },
    ]);
    expect(spec.containers[0].volumeMounts.map((m: Obj) => m.mountPath)).toEqual(['/etc/cogcap', '/results']);
  });

  it('renders YAML that parses back to the same objects', () => {
    const text = renderK8sManifests({ configMap, job }, ['header line']);
    expect(text.startsWith('# header line\n---\n')).toBe(true);
    expect(text).not.toMatch(/[&*]\w+\s*$/m); // no YAML anchors or aliases
    const docs = parseAllDocuments(text).map((d) => d.toJS());
    expect(docs).toEqual([configMap, job]);
  });

  it.each([
    [{ shards: 0 }, '--shards'],
    [{ jobName: 'Bad_Name' }, '--name'],
    [{ jobName: 'a'.repeat(62), shards: 10 }, '--name'],
    [{ namespace: 'UPPER' }, '--namespace'],
    [{ image: 'has space' }, '--image'],
    [{ cpu: 'lots' }, '--cpu'],
    [{ pvcClaim: 'Bad Claim' }, '--pvc'],
  ])('refuses %j', (override, path) => {
    try {
      buildK8sManifests({ ...base, ...override });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).problems.map((p) => p.path)).toContain(path);
    }
  });
});

describe('defaultJobName', () => {
  it.each([
    ['Peak sign-in', 10, 'cogcap-peak-sign-in'],
    ['!!!', 1, 'cogcap-run'],
    ['x'.repeat(100), 10, `cogcap-${'x'.repeat(54)}`], // 61 + "-9" = 63
    ['x'.repeat(100), 100_000, `cogcap-${'x'.repeat(50)}`], // 57 + "-99999" = 63
  ])('%s with %d shards → %s', (name, shards, expected) => {
    expect(defaultJobName(name, shards)).toBe(expected);
  });
});
