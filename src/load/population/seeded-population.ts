import type { Population, TestUser } from '../flow.js';
import type { Journal } from './journal.js';
import { derivePassword, type PasswordPolicyOptions } from './passwords.js';
import { emailFor } from './usernames.js';

/** Options of {@link SeededPopulation}. */
export interface PopulationOptions {
  /** Per-run secret passwords are derived from (memory only). */
  readonly secret: Buffer;
  /** Seeded usernames (passwords derived from `secret`). */
  readonly usernames?: readonly string[];
  /** Existing users with their own passwords (from a users file); used instead of `usernames` when given. */
  readonly users?: readonly TestUser[];
  readonly policy?: PasswordPolicyOptions;
  /** Domain of e-mail addresses of generated users (default example.com); `null` for no e-mail. */
  readonly emailDomain?: string | null;
  /** Fresh identities for sign-up flows: the n-th fresh username (n from 1), journalled before it is returned. */
  readonly freshUsernameOf?: (n: number) => string;
  readonly journal?: Journal;
}

/**
 * The users flows draw from: seeded users (password derived from the per-run secret on each pick, never stored) or
 * users from a file, plus fresh identities for sign-up flows, each appended (and fsync'd) to the journal before use.
 */
export class SeededPopulation implements Population {
  private freshCount = 0;
  constructor(private readonly options: PopulationOptions) {}

  get size(): number {
    return this.options.users?.length ?? this.options.usernames?.length ?? 0;
  }

  /** A seeded user at random. Throws when the population is empty. */
  pick(rng: () => number): TestUser {
    const n = this.size;
    if (n === 0) throw new Error('the population is empty: seed users (population.count > 0) or give a users file');
    const i = Math.min(n - 1, Math.floor(rng() * n));
    if (this.options.users) return this.options.users[i]!;
    return this.generated(this.options.usernames![i]!);
  }

  /** A fresh identity, journalled before it is returned. */
  async fresh(): Promise<TestUser> {
    this.freshCount += 1;
    const username = (this.options.freshUsernameOf ?? ((n) => `cogcap-fresh-${n}`))(this.freshCount);
    const user = this.generated(username);
    await this.options.journal?.append([{ type: 'user', username, ...(user.email ? { email: user.email } : {}), origin: 'fresh' }]);
    return user;
  }

  private generated(username: string): TestUser {
    const domain = this.options.emailDomain === undefined ? 'example.com' : this.options.emailDomain;
    return {
      username,
      password: derivePassword(this.options.secret, username, this.options.policy),
      ...(domain ? { email: emailFor(username, domain) } : {}),
    };
  }
}
