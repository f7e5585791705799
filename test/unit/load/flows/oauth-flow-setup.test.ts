import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../../src/config/load-scenario.js';
import { InputError } from '../../../../src/errors.js';
import { FLOWS, getFlow } from '../../../../src/load/flows/flow-registry.js';
import { OAUTH_FLOW_NAMES, oauthFlowFor } from '../../../../src/load/flows/oauth-flow-setup.js';
import { oauthFlowsOf, oauthSettingsFromScenario, prepareOAuthFlows } from '../../../../src/load/oauth-run-setup.js';

const awsScenario = (oauth: string) => `
name: aws-oauth
target: { aws: { region: eu-west-1, userPoolId: eu-west-1_Ab12Cd34E, clientId: web123, acknowledgeAccountWideQuotas: true } }
${oauth}
flows:
  - { flow: password-sign-in }
  - { flow: client-credentials, weight: 2 }
  - { flow: identity-pool-exchange }
phases: [{ type: constant, duration: 1s, rate: 1 }]
`;

const fullOauth = `oauth:
  domain: https://myapp.auth.eu-west-1.amazoncognito.com
  m2m: { clientId: m2m123, clientSecretEnv: M2M_SECRET, scope: api/read }
  web: { clientId: web123 }
  redirectUri: https://app.example.com/callback
  identityProvider: Corp
  identityPoolId: eu-west-1:0f2c7a1e-1111-2222-3333-444455556666`;

describe('OAuth flows in scenarios', () => {
  it('registers the four names (placeholders the run replaces)', () => {
    for (const name of OAUTH_FLOW_NAMES) expect(FLOWS.has(name)).toBe(true);
    expect(getFlow('identity-pool-exchange').categories).toEqual(['UserAuthentication', 'IdentityPool']);
    expect(getFlow('federated-sign-in').categories).toEqual(['UserFederation']);
  });

  it('accepts the oauth: section and finds the flows that need it', async () => {
    const s = await parseScenarioText(awsScenario(fullOauth), 'aws.yaml');
    expect(s.oauth).toMatchObject({ domain: 'https://myapp.auth.eu-west-1.amazoncognito.com', m2m: { clientId: 'm2m123', clientSecretEnv: 'M2M_SECRET' } });
    expect(oauthFlowsOf(s)).toEqual([{ index: 1, name: 'client-credentials' }, { index: 2, name: 'identity-pool-exchange' }]);
    const settings = oauthSettingsFromScenario(s, { M2M_SECRET: 'shh' });
    expect(settings).toMatchObject({ baseUrl: 'https://myapp.auth.eu-west-1.amazoncognito.com', m2m: { clientId: 'm2m123', clientSecret: 'shh', scope: 'api/read' }, identityPoolId: 'eu-west-1:0f2c7a1e-1111-2222-3333-444455556666' });
    const flows = await prepareOAuthFlows(s, { kind: 'aws', region: 'eu-west-1', userPoolId: 'eu-west-1_Ab12Cd34E', clientId: 'web123' }, { M2M_SECRET: 'shh' });
    expect([...flows.keys()]).toEqual([1, 2]);
    expect(flows.get(1)!.name).toBe('client-credentials');
  });

  it('names a missing secret variable, a missing oauth: section for AWS, and a missing setting', async () => {
    const s = await parseScenarioText(awsScenario(fullOauth), 'aws.yaml');
    expect(() => oauthSettingsFromScenario(s, {})).toThrow(InputError);
    try {
      oauthSettingsFromScenario(s, {});
    } catch (e) {
      expect((e as InputError).problems).toEqual([{ file: 'aws.yaml', path: 'oauth.m2m.clientSecretEnv', message: 'environment variable M2M_SECRET is not set' }]);
    }
    const bare = await parseScenarioText(awsScenario(''), 'aws.yaml');
    await expect(prepareOAuthFlows(bare, { kind: 'aws', region: 'eu-west-1', userPoolId: 'eu-west-1_Ab12Cd34E', clientId: 'web123' }, {})).rejects.toThrow(/need an oauth: section/);
    expect(() => oauthFlowFor('federated-sign-in', { redirectUri: 'https://a/cb' })).toThrow(/identity provider name/);
    expect(() => oauthFlowFor('client-credentials', {})).toThrow(InputError);
  });

  it('rejects a malformed oauth: section with field paths', async () => {
    await expect(parseScenarioText(awsScenario('oauth: { domain: not-a-url, identityPoolId: nope, extra: 1 }'), 'aws.yaml')).rejects.toMatchObject({
      problems: expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('oauth') })]),
    });
  });
});
