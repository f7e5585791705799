import type { QuotaCategory } from '../cognito/categories.js';
import type { Scenario } from '../config/scenario.js';
import { InputError, TargetError } from '../errors.js';
import { IDENTITY_OPERATION_QUOTAS } from '../planner/identity-pool-quotas.js';
import type { FlowDefinition, ResolvedTarget } from './flow.js';
import { createEmulatorOAuthFixtures, type EmulatorOAuthFixtures } from './flows/emulator-oauth-fixtures.js';
import { isOAuthFlowName, oauthFlowFor, type OAuthFlowName, type OAuthFlowSettings } from './flows/oauth-flow-setup.js';

/** The OAuth / federation / identity-pool flows a scenario uses (by flow-mix index). */
export function oauthFlowsOf(scenario: Scenario): { readonly index: number; readonly name: OAuthFlowName }[] {
  return scenario.flows.flatMap((f, index) => (f.builtin !== undefined && isOAuthFlowName(f.builtin) ? [{ index, name: f.builtin }] : []));
}

/**
 * The settings from the scenario's `oauth:` section, secrets read from the named environment variables.
 * {@link InputError} (exit 2) listing every variable that is not set.
 */
export function oauthSettingsFromScenario(scenario: Scenario, env: NodeJS.ProcessEnv): OAuthFlowSettings {
  const o = scenario.oauth ?? {};
  const problems: InputError['problems'][number][] = [];
  const secret = (path: string, name: string | undefined): string | undefined => {
    if (name === undefined) return undefined;
    const v = env[name];
    if (!v) problems.push({ ...(scenario.file ? { file: scenario.file } : {}), path, message: `environment variable ${name} is not set` });
    return v;
  };
  const m2mSecret = secret('oauth.m2m.clientSecretEnv', o.m2m?.clientSecretEnv);
  const webSecret = secret('oauth.web.clientSecretEnv', o.web?.clientSecretEnv);
  if (o.m2m && o.m2m.clientSecretEnv === undefined) {
    problems.push({ ...(scenario.file ? { file: scenario.file } : {}), path: 'oauth.m2m.clientSecretEnv', message: 'a client_credentials client needs its secret: name its environment variable' });
  }
  if (problems.length > 0) throw new InputError('missing OAuth client secrets', problems);
  return {
    ...(o.domain !== undefined ? { baseUrl: o.domain } : {}),
    ...(o.m2m ? { m2m: { clientId: o.m2m.clientId, clientSecret: m2mSecret ?? '', ...(o.m2m.scope ? { scope: o.m2m.scope } : {}) } } : {}),
    ...(o.web ? { web: { clientId: o.web.clientId, ...(webSecret !== undefined ? { clientSecret: webSecret } : {}) } } : {}),
    ...(o.redirectUri !== undefined ? { redirectUri: o.redirectUri } : {}),
    ...(o.identityProvider !== undefined ? { identityProvider: o.identityProvider } : {}),
    ...(o.identityPoolId !== undefined ? { identityPoolId: o.identityPoolId } : {}),
  };
}

/** Settings that point the flows at the fixtures. */
export function settingsFromFixtures(f: EmulatorOAuthFixtures): OAuthFlowSettings {
  return {
    m2m: f.m2m,
    web: f.web,
    redirectUri: f.redirectUri,
    identityProvider: f.identityProvider,
    identityPoolId: f.identityPoolId,
  };
}

/**
 * Lets the identity pool of the fixtures also trust the run's target client, so that sessions signed in by the
 * other flows (password, SRP) can be exchanged too.
 */
async function trustTargetClient(endpoint: string, f: EmulatorOAuthFixtures, target: ResolvedTarget): Promise<void> {
  const call = async (operation: string, body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityService.${operation}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status !== 200) throw new Error(`${operation} failed: ${String(json['__type'] ?? res.status)}`);
    return json;
  };
  const pool = await call('DescribeIdentityPool', { IdentityPoolId: f.identityPoolId });
  const providers = (pool['CognitoIdentityProviders'] as Record<string, unknown>[] | undefined) ?? [];
  await call('UpdateIdentityPool', {
    ...pool,
    CognitoIdentityProviders: [...providers, { ProviderName: `cognito-idp.${target.region}.amazonaws.com/${target.userPoolId}`, ClientId: target.clientId }],
  });
}

/**
 * The flows the scenario uses that need OAuth settings, built for this run: from the scenario's `oauth:` section
 * when it has one; otherwise, on emulator targets, from fixtures created in the run's pool (resource server, M2M and
 * web clients, the built-in test IdP, an identity pool that trusts the web and target clients). AWS targets without
 * an `oauth:` section fail with {@link InputError}. Returns flow-mix index → flow.
 */
export async function prepareOAuthFlows(scenario: Scenario, target: ResolvedTarget, env: NodeJS.ProcessEnv): Promise<Map<number, FlowDefinition>> {
  const used = oauthFlowsOf(scenario);
  const out = new Map<number, FlowDefinition>();
  if (used.length === 0) return out;
  let settings: OAuthFlowSettings;
  if (scenario.oauth) settings = oauthSettingsFromScenario(scenario, env);
  else if (target.kind !== 'aws' && target.endpoint) {
    let fixtures: EmulatorOAuthFixtures;
    try {
      fixtures = await createEmulatorOAuthFixtures({ endpoint: target.endpoint, userPoolId: target.userPoolId, region: target.region });
      await trustTargetClient(target.endpoint.replace(/\/+$/, ''), fixtures, target);
    } catch (err) {
      throw new TargetError(`could not set up the OAuth fixtures on ${target.endpoint}: ${(err as Error).message}`, 'Is the emulator a cogcap emulator with OAuth and identity pools (version with extensions)?');
    }
    settings = settingsFromFixtures(fixtures);
  } else {
    throw new InputError(`flows ${used.map((u) => u.name).join(', ')} need an oauth: section for AWS targets`, [
      { ...(scenario.file ? { file: scenario.file } : {}), path: 'oauth', message: 'expected domain, m2m, web, redirectUri, identityProvider and identityPoolId as the flows need' },
    ]);
  }
  for (const { index, name } of used) out.set(index, oauthFlowFor(name, settings));
  return out;
}

/**
 * Per-operation quota of identity-pool operations for the result: the default quotas (reference section 8) for the
 * embedded emulator (none with the `unlimited` profile) and AWS, unknown (null) for a running emulator; undefined for
 * operations that are not identity-pool operations.
 */
export function identityOperationQuotaLookup(scenario: Scenario): (operation: string, category: QuotaCategory) => number | null | undefined {
  const t = scenario.target;
  const known = t.kind === 'aws' || (t.kind === 'embedded' && t.quotas !== 'unlimited');
  return (operation, category) => {
    const q = category === 'IdentityPool' ? IDENTITY_OPERATION_QUOTAS[operation] : undefined;
    if (!q) return undefined;
    return known ? q.defaultRatePerSec : null;
  };
}
