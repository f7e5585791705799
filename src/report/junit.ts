import junitModule, { type Builder } from 'junit-report-builder';
import type { RunResult } from '../metrics/run-result.js';
import { formatDelta } from './compare-render.js';
import { buildReportModel } from './report-model.js';

/**
 * JUnit XML for CI dashboards: one testcase per threshold (suite `thresholds`); a failed or no-data threshold is a
 * `<failure>` whose message carries the expression and the measured value. With a baseline comparison, a second
 * suite `baseline` has one testcase per category (regression = failure, insufficient data = skipped).
 * Written with junit-report-builder (xmlbuilder escaping). Pure: a fresh builder per call.
 */

// The package is CommonJS whose module.exports is the builder, while its types declare an ES default export:
// accept both shapes.
const junit: Builder = ((junitModule as unknown as { default?: Builder }).default ?? junitModule) as unknown as Builder;

// XML 1.0 forbids most control characters; xmlbuilder refuses them, so they are dropped first.
// eslint-disable-next-line no-control-regex
const xmlSafe = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** Renders the JUnit XML report of a result. */
export function renderJunit(result: RunResult): string {
  const m = buildReportModel(result);
  const builder = junit.newBuilder();
  builder.name(xmlSafe(`cogcap ${m.run.scenario}`));
  const suite = builder.testSuite().name(xmlSafe(`thresholds: ${m.run.scenario}`));
  for (const t of m.thresholds) {
    const tc = suite
      .testCase()
      .className(xmlSafe(`cogcap.thresholds.${m.run.scenario}`))
      .name(xmlSafe(t.expression));
    if (t.status === 'fail') {
      tc.failure(xmlSafe(`${t.expression}: measured ${t.measured}, limit ${t.limit}${t.aborted ? ' (aborted the run)' : ''}`), 'ThresholdFailed');
    } else if (t.status === 'no-data') {
      tc.failure(xmlSafe(`${t.expression}: ${t.detail}`), 'ThresholdNoData');
    }
  }
  if (m.comparison) {
    const base = builder.testSuite().name(xmlSafe(`baseline: ${m.comparison.baselineRunId}`));
    for (const c of m.comparison.categories) {
      const tc = base.testCase().className(xmlSafe(`cogcap.baseline.${m.run.scenario}`)).name(c.category);
      const deltas = c.deltas.map((d) => `${d.metric} ${formatDelta(d)}`).join('; ');
      if (c.status === 'regression') tc.failure(xmlSafe(`${c.category} regressed: ${deltas}`), 'Regression');
      else if (c.status === 'insufficient-data') tc.skipped().standardOutput(xmlSafe(c.note ?? 'insufficient data'));
    }
  }
  return builder.build();
}
