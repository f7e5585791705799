import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/metrics/run-result.js';
import { compareResults } from '../../../src/report/compare.js';
import { renderComparisonMarkdown, renderComparisonText } from '../../../src/report/compare-render.js';
import { REPORT_FORMATS } from '../../../src/report/formats.js';
import { renderTerminalSummary } from '../../../src/report/terminal.js';
import { redactSecrets } from '../../../src/report/redact.js';
import { launchDayResult } from '../../fixtures/metrics/launch-day.js';

/**
 * Reports print only documented fields (see src/report/report-model.ts); free text among them is redacted.
 * Here every string field a result has (and some it might grow) is stuffed with credential-looking values, and no
 * rendering may contain any of them.
 */
const JWT =
  'eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJ1c2VyLTEiLCJ0b2tlbl91c2UiOiJhY2Nlc3MifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1hYmNkZWY';
const SECRETS = {
  jwt: JWT,
  password: 'Hunter2-Passw0rd!',
  urlPassword: 'S3cr3tUrlPass',
  clientSecret: '1q2w3e4r5t6y7u8i9o0pa1s2d3f4g5h6j7k8l9zxcvbnmqwertyu',
  awsSecretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  awsAccessKey: 'AKIAIOSFODNN7EXAMPLE',
  refreshToken: 'Zm9vYmFyYmF6cXV4cXV1eHF1dXo0NTY3ODkwYWJjZGVmZ2hpamtsbW5vcA',
  bearer: 'dGhpcy1pcy1hLWJlYXJlcg',
};

function stuffed(base: RunResult): RunResult {
  const s = SECRETS;
  return {
    ...base,
    runId: `run-${s.jwt}`,
    scenario: { ...base.scenario, name: `launch password=${s.password}`, file: `scenarios/${s.refreshToken}.yaml`, tags: { password: s.password, token: s.jwt, owner: s.clientSecret } },
    target: {
      kind: 'emulator',
      url: `http://admin:${s.urlPassword}@127.0.0.1:9229/cognito?access_token=${s.jwt}&secret=${s.clientSecret}#${s.password}`,
      region: `us-east-1 ${s.awsAccessKey}`,
      userPoolId: `us-east-1_${s.awsSecretKey}`,
      clientId: s.clientSecret,
      quotaProfile: `aws-default secret=${s.password}`,
      latencyProfile: s.refreshToken,
    },
    interrupted: true,
    interruptReason: `circuit breaker after NotAuthorizedException for token ${s.jwt} (password: ${s.password}, Authorization: Bearer ${s.bearer})`,
    driver: { name: `sdk ${s.awsSecretKey}`, model: 'open' },
    toolVersion: `0.1.0+${s.refreshToken}`,
    totals: { ...base.totals, errorsByType: { ...base.totals.errorsByType, [`Bearer ${s.jwt}`]: 2, [s.password]: 1 } },
    flows: {
      ...base.flows,
      [`x password=${s.password}`]: { ...Object.values(base.flows)[0]!, flow: `x password=${s.password}` },
      [s.refreshToken]: { ...Object.values(base.flows)[0]!, flow: s.refreshToken },
    },
    generator: { ...base.generator, warnings: [`lagging while holding ${s.jwt}`, `AWS_SECRET_ACCESS_KEY=${s.awsSecretKey} ${s.awsAccessKey}`, `client_secret: ${s.clientSecret}`] },
    thresholds: [
      ...base.thresholds,
      { expression: `p99 < 1s token=${s.jwt}`, metric: 'p99', measured: 1, limit: 1, unit: 'us', passed: false, status: 'fail', detail: `secret ${s.clientSecret}` },
      { expression: 'p99 < 1s', metric: 'p99', measured: 1, limit: 1, unit: 'us', passed: false, status: 'no-data', detail: `no data ${s.refreshToken} password=${s.password}` },
    ],
    // fields a future version might add
    ...({ credentials: { secretAccessKey: s.awsSecretKey, sessionToken: s.jwt }, notes: s.password } as object),
  } as RunResult;
}

let result: RunResult;
let renderings: [string, string][];
beforeAll(() => {
  const base = launchDayResult();
  result = stuffed(base);
  const comparison = { ...compareResults(base, base), baselineRunId: `base ${SECRETS.jwt}`, currentRunId: SECRETS.refreshToken, extra: SECRETS.password };
  const withComparison = { ...result, comparison };
  renderings = [
    ...Object.values(REPORT_FORMATS).map((f) => [f.name, f.render(withComparison)] as [string, string]),
    ['terminal', renderTerminalSummary(withComparison)],
    ['terminal-compact', renderTerminalSummary(withComparison, { compact: true })],
    ['comparison-text', renderComparisonText(comparison)],
    ['comparison-md', renderComparisonMarkdown(comparison)],
  ];
});

describe('no secrets in any report format', () => {
  it('renders every registered format and the terminal and comparison outputs', () => {
    expect(renderings.map(([n]) => n)).toEqual(['md', 'html', 'junit', 'terminal', 'terminal-compact', 'comparison-text', 'comparison-md']);
  });

  it.each(Object.entries(SECRETS))('%s never appears', (_name, secret) => {
    for (const [format, text] of renderings) {
      expect(text.includes(secret), `${format} contains ${secret}`).toBe(false);
      expect(text.includes(encodeURIComponent(secret)), `${format} contains encoded ${secret}`).toBe(false);
    }
  });

  it('the stuffed documented fields are still shown, masked', () => {
    const md = renderings.find(([n]) => n === 'md')![1];
    expect(md).toContain('launch password=[redacted]');
    expect(md).toContain('emulator at http://127.0.0.1:9229/cognito');
    expect(md).toContain('OtherError');
  });

  it('the HTML chart data holds only numbers and category names', () => {
    const html = renderings.find(([n]) => n === 'html')![1];
    const json = /<script type="application\/json" id="cogcap-data">([^<]*)<\/script>/.exec(html)![1]!;
    const strings: string[] = [];
    JSON.parse(json, (k, v) => {
      if (typeof v === 'string') strings.push(v);
      return v;
    });
    expect(new Set(strings)).toEqual(new Set(['UserAuthentication', 'UserCreation', 'UserRead']));
  });
});

describe('redactSecrets', () => {
  it.each([
    [`id ${JWT} end`, 'id [redacted] end'],
    ['https://u:p4ss@host/x', 'https://[redacted]@host/x'],
    ['Authorization: Bearer abc.def', 'Authorization: Bearer [redacted]'],
    ['password=hunter2&x=1', 'password=[redacted]&x=1'],
    ['"clientSecret": "abc"', '"clientSecret": "[redacted]"'],
    ['key AKIAIOSFODNN7EXAMPLE', 'key [redacted]'],
    ['NotAuthorizedException: Incorrect username or password.', 'NotAuthorizedException: Incorrect username or password.'],
    ['event-loop lag p99 38 ms: the generator is the bottleneck', 'event-loop lag p99 38 ms: the generator is the bottleneck'],
    ['category:UserAuthentication p99 < 250ms', 'category:UserAuthentication p99 < 250ms'],
    ['20260101-000000-launch-day-ramp-with-a-long-name-ab12', '20260101-000000-launch-day-ramp-with-a-long-name-ab12'],
    ['scenarios/examples/launch-day-ramp-long-file-name.yaml', 'scenarios/examples/launch-day-ramp-long-file-name.yaml'],
    ['secret 1q2w3e4r5t6y7u8i9o0pa1s2d3f4g5h6j7k8l9zxcvbnmqwertyu', 'secret [redacted]'],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '[redacted]'],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });
});
