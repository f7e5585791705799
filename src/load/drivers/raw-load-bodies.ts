import { secretHash } from '../../cognito/secret-hash.js';
import { InputError } from '../../errors.js';
import type { Driver, Population, ResolvedTarget } from '../flow.js';

/** What a closed-loop raw load can send: one unsigned operation, with bodies built from the population. */
export const RAW_LOAD_KINDS = ['password-sign-in', 'token-refresh', 'get-tokens-from-refresh-token', 'get-user'] as const;

/** One of {@link RAW_LOAD_KINDS}. */
export type RawLoadKind = (typeof RAW_LOAD_KINDS)[number];

/** Options of {@link rawLoadBodies}. */
export interface RawLoadBodiesOptions {
  readonly target: ResolvedTarget;
  readonly population: Population;
  /** Signs users in for the token-based kinds (any driver; its samples are set-up, not load). */
  readonly driver: Driver;
  /** Distinct bodies (users), default min(population size, 100). */
  readonly count?: number;
  readonly rng?: () => number;
}

/**
 * The operation and request bodies of a closed-loop raw load ({@link runRawLoad}): password sign-ins of `count`
 * users, or token-based calls (REFRESH_TOKEN_AUTH, GetTokensFromRefreshToken, GetUser) for `count` users signed in
 * first with a password through `driver`. SECRET_HASH / ClientSecret are included when the client has a secret.
 */
export async function rawLoadBodies(
  kind: RawLoadKind,
  options: RawLoadBodiesOptions,
): Promise<{ operation: string; bodies: Record<string, unknown>[] }> {
  const { target, population } = options;
  const rng = options.rng ?? Math.random;
  const count = Math.max(1, options.count ?? Math.min(population.size, 100));
  const users = Array.from({ length: count }, (_, i) => (population.size > 0 ? population.pick(() => ((i + rng()) / count) % 1) : undefined)).filter(
    (u): u is NonNullable<typeof u> => u !== undefined,
  );
  if (users.length === 0) throw new InputError('a raw load needs users: the population is empty');
  const hash = (username: string): Record<string, string> =>
    target.clientSecret ? { SECRET_HASH: secretHash(username, target.clientId, target.clientSecret) } : {};
  const passwordBody = (u: { username: string; password: string }) => ({
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: target.clientId,
    AuthParameters: { USERNAME: u.username, PASSWORD: u.password, ...hash(u.username) },
  });
  if (kind === 'password-sign-in') return { operation: 'InitiateAuth', bodies: users.map(passwordBody) };

  const bodies: Record<string, unknown>[] = [];
  for (const u of users) {
    const r = await options.driver.call('InitiateAuth', passwordBody(u), { flow: 'raw-load-setup', intendedStartUs: 0 });
    const auth = r.output?.AuthenticationResult as { AccessToken?: string; RefreshToken?: string } | undefined;
    if (r.outcome !== 'ok' || !auth?.AccessToken) continue;
    if (kind === 'get-user') bodies.push({ AccessToken: auth.AccessToken });
    else if (kind === 'token-refresh') {
      bodies.push({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: target.clientId, AuthParameters: { REFRESH_TOKEN: auth.RefreshToken, ...hash(u.username) } });
    } else {
      bodies.push({ RefreshToken: auth.RefreshToken, ClientId: target.clientId, ...(target.clientSecret ? { ClientSecret: target.clientSecret } : {}) });
    }
  }
  if (bodies.length === 0) throw new InputError(`a raw ${kind} load could not sign any user in to get tokens`);
  const operation = kind === 'get-user' ? 'GetUser' : kind === 'token-refresh' ? 'InitiateAuth' : 'GetTokensFromRefreshToken';
  return { operation, bodies };
}
