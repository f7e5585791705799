import type { JsonWebKey } from 'node:crypto';
import { exportSigningKey, generateSigningKey, importSigningKey, type PoolSigningKeys } from './signing-key.js';

/** Serialised keys of one pool. */
export interface PoolKeysJson {
  access: JsonWebKey;
  id: JsonWebKey;
}

/** Makes the two signing keys of one pool. */
export type KeyFactory = () => Promise<PoolSigningKeys>;

/** Two fresh RSA-2048 keys, generated off the event loop. */
export async function generatePoolKeys(): Promise<PoolSigningKeys> {
  const [access, id] = await Promise.all([generateSigningKey(), generateSigningKey()]);
  return { access, id };
}

/**
 * Per-pool RS256 keys. Generation starts when a pool is created and runs off the event loop; the first token
 * issue awaits it. Resolved keys are cached so the hot path is a Map lookup.
 */
export class KeyRing {
  /** @param factory makes one pool's keys; default two fresh RSA-2048 keys (tests may share pre-made ones). */
  constructor(private readonly factory: KeyFactory = generatePoolKeys) {}

  private readonly pending = new Map<string, Promise<PoolSigningKeys>>();
  private readonly ready = new Map<string, PoolSigningKeys>();

  /** Starts generating keys for a pool (idempotent). */
  ensure(userPoolId: string): void {
    if (this.ready.has(userPoolId) || this.pending.has(userPoolId)) return;
    const p = this.factory().then((keys) => {
      if (this.pending.get(userPoolId) === p) {
        this.ready.set(userPoolId, keys);
        this.pending.delete(userPoolId);
      }
      return keys;
    });
    p.catch(() => undefined);
    this.pending.set(userPoolId, p);
  }

  /** The pool's keys, generating them if needed. */
  async get(userPoolId: string): Promise<PoolSigningKeys> {
    const r = this.ready.get(userPoolId);
    if (r) return r;
    this.ensure(userPoolId);
    return this.ready.get(userPoolId) ?? (await this.pending.get(userPoolId)!);
  }

  /** The pool's keys when already generated. */
  peek(userPoolId: string): PoolSigningKeys | undefined {
    return this.ready.get(userPoolId);
  }

  delete(userPoolId: string): void {
    this.pending.delete(userPoolId);
    this.ready.delete(userPoolId);
  }

  /** Installs keys loaded from a snapshot. */
  load(userPoolId: string, json: PoolKeysJson): void {
    this.pending.delete(userPoolId);
    this.ready.set(userPoolId, { access: importSigningKey(json.access), id: importSigningKey(json.id) });
  }

  /** Exports a pool's keys (generating them first if needed). */
  async export(userPoolId: string): Promise<PoolKeysJson> {
    const k = await this.get(userPoolId);
    return { access: exportSigningKey(k.access), id: exportSigningKey(k.id) };
  }
}
