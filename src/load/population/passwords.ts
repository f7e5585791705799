import { createHash, createHmac, randomBytes } from 'node:crypto';

/** Policy of generated passwords (the scenario's `population.password`). */
export interface PasswordPolicyOptions {
  /** Length, 8-256 (default 20). */
  readonly length?: number;
  readonly requireLowercase?: boolean;
  readonly requireUppercase?: boolean;
  readonly requireNumbers?: boolean;
  readonly requireSymbols?: boolean;
}

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '!#%+-.=^_~';

/** A random per-run secret that passwords are derived from (kept in memory only). */
export function newPopulationSecret(): Buffer {
  return randomBytes(32);
}

/**
 * The password of `username`: derived from the per-run secret (HMAC-SHA256 stream), so that it is never stored
 * anywhere yet can be recomputed for every journalled user. Contains one character of each class the policy
 * requires (default: all four, as Cognito's default policy does) at positions that depend on the secret.
 */
export function derivePassword(secret: Buffer, username: string, policy: PasswordPolicyOptions = {}): string {
  const length = Math.max(8, Math.min(256, policy.length ?? 20));
  const classes = [
    policy.requireLowercase !== false ? LOWER : '',
    policy.requireUppercase !== false ? UPPER : '',
    policy.requireNumbers !== false ? DIGITS : '',
    policy.requireSymbols !== false ? SYMBOLS : '',
  ].filter((c) => c.length > 0);
  const alphabet = (classes.length > 0 ? classes : [LOWER, UPPER, DIGITS]).join('');
  const bytes: number[] = [];
  for (let block = 0; bytes.length < length * 2 + classes.length; block += 1) {
    bytes.push(...createHmac('sha256', secret).update(`${block}\u0000${username}`).digest());
  }
  const chars = Array.from({ length }, (_, i) => alphabet[((bytes[2 * i]! << 8) | bytes[2 * i + 1]!) % alphabet.length]!);
  classes.forEach((cls, k) => {
    // one required character per class, each at its own position (k-th block of the password)
    const slot = k * Math.floor(length / classes.length) + (bytes[2 * length + k]! % Math.floor(length / classes.length));
    chars[slot] = cls[bytes[2 * length + k]! % cls.length]!;
  });
  return chars.join('');
}

/** Environment variable holding the population secret, so that separate `seed` and `run` invocations agree. */
export const POPULATION_SECRET_ENV = 'COGCAP_POPULATION_SECRET';

/** The population secret from the environment (SHA-256 of the variable's value), or undefined when unset/empty. */
export function populationSecretFromEnv(env: NodeJS.ProcessEnv, name = POPULATION_SECRET_ENV): Buffer | undefined {
  const value = env[name];
  return value ? createHash('sha256').update(value, 'utf8').digest() : undefined;
}
