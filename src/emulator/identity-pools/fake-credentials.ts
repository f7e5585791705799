/**
 * Temporary AWS credentials that are clearly fake but well-formed: `AccessKeyId` `ASIA` + 16 characters (20 in all,
 * like STS session keys), a 40-character `SecretKey`, a `SessionToken` that says it is an emulator token, and an
 * `Expiration` in epoch seconds (the JSON 1.1 timestamp format).
 */

/** Credentials as GetCredentialsForIdentity returns them (before JSON encoding). */
export interface FakeCredentials {
  readonly AccessKeyId: string;
  readonly SecretKey: string;
  readonly SessionToken: string;
  /** Epoch seconds. */
  readonly Expiration: number;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function pick(alphabet: string, length: number, rng: () => number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}

/**
 * Makes fake credentials valid for `durationSec` (default 3600, like the real service) from `nowMs`.
 * `rng` is a random source in [0, 1) (inject a seeded one in tests).
 */
export function makeFakeCredentials(identityId: string, nowMs: number, rng: () => number, durationSec = 3600): FakeCredentials {
  const marker = Buffer.from(`cogcap-emulator-fake-session:${identityId}`).toString('base64');
  return {
    AccessKeyId: `ASIA${pick(UPPER, 16, rng)}`,
    SecretKey: pick(SECRET, 40, rng),
    SessionToken: `FAKE${marker}${pick(SECRET, 64, rng)}`,
    Expiration: Math.floor(nowMs / 1000) + durationSec,
  };
}
