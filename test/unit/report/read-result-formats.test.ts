import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { resolveReportFormats } from '../../../src/report/formats.js';
import { parseRunResult } from '../../../src/report/read-result.js';
import { buildResult, sample } from '../../fixtures/metrics/build-result.js';

const good = buildResult([sample('InitiateAuth', 'ok', 1000)]);

const problems = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(2);
    return (e as InputError).problems.map((p) => `${p.file}: ${p.path}: ${p.message}`);
  }
  throw new Error('expected an InputError');
};

describe('parseRunResult', () => {
  it('accepts a result and keeps extra fields', () => {
    const r = parseRunResult(JSON.stringify({ ...good, futureField: 1 }), 'r.json');
    expect(r.totals.count).toBe(1);
    expect((r as unknown as { futureField: number }).futureField).toBe(1);
  });

  it.each([
    ['not json', /^r.json: : not valid JSON/],
    ['[]', /^r.json: schema: expected "cognito-capacity\/run-result"/],
    [JSON.stringify({ hello: 1 }), /^r.json: schema: expected "cognito-capacity\/run-result"/],
    [JSON.stringify({ ...good, version: 99 }), /^r.json: version: result version 99; this cogcap reads version 1/],
    [JSON.stringify({ ...good, totals: { ...good.totals, count: 'many' } }), /^r.json: totals.count: /],
    [JSON.stringify({ ...good, series: [{ tSec: 0 }] }), /^r.json: series\[0\].plannedArrivals: /],
    [JSON.stringify({ ...good, runId: undefined }), /^r.json: runId: /],
  ])('refuses %s', (text, message) => {
    expect(problems(() => parseRunResult(text, 'r.json'))[0]).toMatch(message);
  });
});

describe('resolveReportFormats', () => {
  it('resolves lists, aliases and duplicates', () => {
    expect(resolveReportFormats('md,html,junit').map((f) => f.fileName)).toEqual(['report.md', 'report.html', 'junit.xml']);
    expect(resolveReportFormats(['markdown', 'MD', ' xml ']).map((f) => f.name)).toEqual(['md', 'junit']);
  });

  it('an unknown format lists the valid ones', () => {
    expect(problems(() => resolveReportFormats('md,pdf,csv'))).toEqual(['undefined: --format: expected a comma-separated list of md, html, junit']);
    try {
      resolveReportFormats('pdf');
    } catch (e) {
      expect((e as Error).message).toBe('unknown report format "pdf"');
    }
    expect(() => resolveReportFormats(',')).toThrow('no report format given');
  });
});
