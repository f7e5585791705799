import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { loadWorkload, parseWorkload, parseWorkloadText } from '../../../src/config/workload-load.js';
import { workloadJsonSchemaText, WORKLOAD_JSON_SCHEMA_PATH } from '../../../src/config/workload-json-schema.js';

const minimal = { name: 'w', users: { monthlyActive: 1000, dailyActiveShare: 0.5 }, peak: { peakToAverage: 2 } };

function problemsOf(doc: unknown): { path: string; message: string }[] {
  try {
    parseWorkload(doc, 'w.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).exitCode).toBe(2);
    return (err as InputError).problems.map((p) => {
      expect(p.file).toBe('w.yaml');
      return { path: p.path, message: p.message };
    });
  }
  throw new Error('expected an InputError');
}

describe('workload schema errors: every problem at once with its field path', () => {
  it('reports type errors, range errors and unknown keys together', () => {
    const problems = problemsOf({
      ...minimal,
      users: { monthlyActive: 'many', dailyActiveShare: 1.5 },
      sessions: { lenghtMin: 30 },
      signIn: { mix: { srp: 1 }, refreshApi: 'Magic' },
      colour: 'blue',
    });
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['users.monthlyActive', 'users.dailyActiveShare', 'sessions.lenghtMin', 'signIn.refreshApi', 'colour']));
    expect(problems.find((p) => p.path === 'users.monthlyActive')!.message).toMatch(/expected number/);
    expect(problems.find((p) => p.path === 'colour')!.message).toMatch(/unknown key: expected one of name, description, region, users/);
    expect(problems.find((p) => p.path === 'sessions.lenghtMin')!.message).toMatch(/did you mean lengthMin\?/);
  });
  const ruleCases: [name: string, doc: Record<string, unknown>, path: string, message: RegExp][] = [
    ['both DAU forms', { ...minimal, users: { monthlyActive: 10, dailyActiveShare: 0.1, dailyActive: 1 } }, 'users', /exactly one of dailyActiveShare/],
    ['no peak shape', { ...minimal, peak: {} }, 'peak', /got none/],
    ['two peak shapes', { ...minimal, peak: { peakToAverage: 2, peakHourShare: 0.1 } }, 'peak', /got peakToAverage, peakHourShare/],
    ['burst with ratio', { ...minimal, peak: { peakToAverage: 2, burstFactor: 2 } }, 'peak.burstFactor', /already includes/],
    ['peak hour below average', { ...minimal, peak: { peakHourShare: 0.01 } }, 'peak.peakHourShare', /at least 1\/24/],
    ['overlapping windows', { ...minimal, peak: { activeWindows: [{ startHour: 8, endHour: 12 }, { startHour: 10, endHour: 14 }] } }, 'peak.activeWindows[1]', /overlaps/],
    ['mix not 1', { ...minimal, signIn: { mix: { srp: 0.5, password: 0.3 } } }, 'signIn.mix', /summing to 1, got 0.8/],
    ['m2m both', { ...minimal, m2m: { clients: 1, tokenLifetimeMin: 60, tokenRequestsPerClientPerHour: 1 } }, 'm2m', /exactly one of/],
    ['unknown back-office op', { ...minimal, backOffice: { perDay: { AdminGetUserz: 1 } } }, 'backOffice.perDay.AdminGetUserz', /unknown operation/],
    ['developer getId', { ...minimal, identityPool: { flow: 'developer', getIdPerDay: 5 } }, 'identityPool.getIdPerDay', /developer flow/],
  ];
  it.each(ruleCases)('rule: %s', (_n, doc, path, message) => {
    const p = problemsOf(doc).find((x) => x.path === path);
    expect(p, JSON.stringify(problemsOf(doc))).toBeDefined();
    expect(p!.message).toMatch(message);
  });
  it('reports YAML syntax errors with a line', () => {
    const err = (() => {
      try {
        parseWorkloadText('name: x\nusers: [1,\n', 'bad.yaml');
      } catch (e) {
        return e as InputError;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(InputError);
    expect(err!.problems[0]!.path).toMatch(/^line \d+/);
  });
});

describe('normalisation defaults', () => {
  it('applies documented defaults', () => {
    const w = parseWorkload(minimal);
    expect(w.region).toBe('us-east-1');
    expect(w.dailyActiveUsers).toBe(500);
    expect(w.headroom).toBe(0.3);
    expect(w.sessions).toMatchObject({ perActiveUserPerDay: 1, lengthMin: 30, accessTokenLifetimeMin: 60, signInShare: 1, signOutApi: 'RevokeToken' });
    expect(w.signIn.mix).toEqual({ password: 0, srp: 1, customAuth: 0, hostedUi: 0 });
    expect(w.growth).toEqual({ monthlyRate: 0, horizonMonths: 12 });
    expect(w.pricing).toMatchObject({ fullMonthPerRps: 20, partMonthPerRps: 45, currency: 'USD' });
  });
  it('overrides prices from the workload', () => {
    expect(parseWorkload({ ...minimal, pricing: { fullMonthPerRps: 25 } }).pricing).toMatchObject({ fullMonthPerRps: 25, partMonthPerRps: 45 });
  });
});

describe('shipped example workloads', () => {
  it.each(['scenarios/workload-launch.yaml', 'scenarios/workload-b2b.yaml'])('%s is valid', async (file) => {
    const w = await loadWorkload(file);
    expect(w.name).toBeTruthy();
  });
});

describe('JSON Schema', () => {
  it(`${WORKLOAD_JSON_SCHEMA_PATH} is in sync with the zod schema (regenerate with: npx tsx -e "import('./src/config/workload-json-schema.ts').then(m=>process.stdout.write(m.workloadJsonSchemaText()))" > ${WORKLOAD_JSON_SCHEMA_PATH})`, async () => {
    expect(await readFile(WORKLOAD_JSON_SCHEMA_PATH, 'utf8')).toBe(workloadJsonSchemaText());
  });
});
