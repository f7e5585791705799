import { err } from '../errors.js';
import type { ClientConfig } from '../store/types.js';

/** Cognito's default ExplicitAuthFlows when a client is created without them. */
export const DEFAULT_AUTH_FLOWS = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];

const NEEDS: Record<string, readonly string[]> = {
  USER_PASSWORD_AUTH: ['ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH'],
  ADMIN_USER_PASSWORD_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
  ADMIN_NO_SRP_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
  USER_SRP_AUTH: ['ALLOW_USER_SRP_AUTH'],
  REFRESH_TOKEN_AUTH: ['ALLOW_REFRESH_TOKEN_AUTH'],
  REFRESH_TOKEN: ['ALLOW_REFRESH_TOKEN_AUTH'],
  CUSTOM_AUTH: ['ALLOW_CUSTOM_AUTH', 'CUSTOM_AUTH_FLOW_ONLY'],
};

/**
 * Throws InvalidParameterException "<FLOW> flow not enabled for this client" unless the client allows it. Clients
 * with only legacy flow names (no `ALLOW_` prefix) always allow SRP and refresh, as Cognito does.
 */
export function checkFlowEnabled(client: ClientConfig, flow: string): void {
  const legacy = !client.explicitAuthFlows.some((f) => f.startsWith('ALLOW_'));
  if (legacy && (flow === 'USER_SRP_AUTH' || flow.startsWith('REFRESH_TOKEN'))) return;
  const needs = NEEDS[flow] ?? [];
  if (!needs.some((f) => client.explicitAuthFlows.includes(f))) throw err.unsupportedFlow(flow);
}
