import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/config/load-scenario.js';
import { runScenario } from '../../../src/load/run.js';
import { buildReportModel } from '../../../src/report/report-model.js';
import { renderMarkdown } from '../../../src/report/markdown.js';

const file = fileURLToPath(new URL('../../../scenarios/beyond-user-pools.yaml', import.meta.url));

describe('scenarios/beyond-user-pools.yaml (short version) against the embedded emulator', () => {
  it('runs every flow and reports UserFederation, ClientAuthentication and identity-pool operations with their quotas', { timeout: 120_000 }, async () => {
    const loaded = await loadScenario(file, { durationScale: 0.12 }); // 25 s → 3 s
    const scenario = { ...loaded, population: { ...loaded.population, count: 12 }, target: { ...loaded.target, latency: 'zero' } as typeof loaded.target };
    const out = mkdtempSync(join(tmpdir(), 'cogcap-beyond-'));
    const { result } = await runScenario(scenario, { outDir: out, env: {} });
    expect(result.interrupted).toBe(false);
    for (const flow of ['password-sign-in', 'hosted-ui-sign-in', 'federated-sign-in', 'client-credentials', 'identity-pool-exchange']) {
      expect(result.flows[flow]?.started, flow).toBeGreaterThan(0);
      expect(result.flows[flow]?.succeeded, flow).toBeGreaterThan(0);
    }
    // Sessions of every sign-in flow (target client, web client) are exchanged: the identity pool trusts both clients.
    expect(result.flows['identity-pool-exchange']?.failed).toBe(0);
    expect(result.categories.IdentityPool?.errorRate).toBe(0);
    expect(result.categories.UserFederation?.count).toBeGreaterThan(0);
    expect(result.categories.UserFederation?.quotaRatePerSec).toBe(25);
    expect(result.categories.ClientAuthentication?.count).toBeGreaterThan(0);
    expect(result.categories.ClientAuthentication?.quotaRatePerSec).toBe(150);
    expect(result.categories.IdentityPool?.count).toBeGreaterThan(0);
    expect(result.categories.Uncategorized?.count ?? 0).toBe(result.operations['OAuth2Authorize']?.count ?? 0);
    expect(result.operations['GetId']).toMatchObject({ category: 'IdentityPool', quotaRatePerSec: 25 });
    expect(result.operations['GetCredentialsForIdentity']).toMatchObject({ category: 'IdentityPool', quotaRatePerSec: 200 });
    expect(result.operations['GetCredentialsForIdentity']!.peakRatePerSec).toBeGreaterThan(0);
    expect(result.operations['OAuth2Token.client_credentials']?.category).toBe('ClientAuthentication');
    const rows = buildReportModel(result).categories.map((c) => [c.name, c.quotaRatePerSec]);
    expect(rows).toEqual(expect.arrayContaining([['UserFederation', 25], ['ClientAuthentication', 150], ['IdentityPool:GetId', 25], ['IdentityPool:GetCredentialsForIdentity', 200]]));
    expect(rows.map(([n]) => n)).not.toContain('IdentityPool');
    expect(renderMarkdown(result)).toMatch(/\| IdentityPool:GetId \| .* \| 25\/s \|/);
  });
});
