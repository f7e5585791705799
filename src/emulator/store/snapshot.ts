import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PoolKeysJson } from '../tokens/key-ring.js';
import { EmulatorStore } from './emulator-store.js';
import { PoolState } from './pool-state.js';
import type { AuthSession, ClientConfig, GroupRecord, PoolConfig, UserRecord } from './types.js';

/** The `--state` file format (JSON). Contains secrets: written with mode 0600. */
export interface StoreSnapshot {
  version: 1;
  savedAtMs: number;
  simulationKey: string;
  pools: { config: PoolConfig; nextSeq: number; users: UserRecord[]; groups: GroupRecord[]; keys: PoolKeysJson }[];
  clients: ClientConfig[];
  sessions: AuthSession[];
}

/** Captures the whole store (awaits pending key generation). */
export async function snapshotStore(store: EmulatorStore, nowMs: number): Promise<StoreSnapshot> {
  const pools: StoreSnapshot['pools'] = [];
  for (const pool of store.pools.values()) {
    const users: UserRecord[] = [];
    for (const u of pool.order.from(0)) users.push(u);
    pools.push({ config: pool.config, nextSeq: pool.nextSeq, users, groups: [...pool.groups.values()], keys: await store.keys.export(pool.config.id) });
  }
  return {
    version: 1,
    savedAtMs: nowMs,
    simulationKey: store.simulationKey.toString('base64'),
    pools,
    clients: [...store.clients.values()],
    sessions: [...store.sessions.values()].filter((s) => s.refreshExpiresAtMs > nowMs),
  };
}

/** Rebuilds a store (with all indexes) from a snapshot. */
export function restoreStore(snap: StoreSnapshot): EmulatorStore {
  if (snap.version !== 1) throw new Error(`unsupported state file version ${String(snap.version)}`);
  const store = new EmulatorStore({ simulationKey: Buffer.from(snap.simulationKey, 'base64') });
  for (const p of snap.pools) {
    const pool = new PoolState(p.config);
    for (const u of p.users) pool.add(u);
    for (const g of p.groups) pool.groups.set(g.groupName, g);
    pool.nextSeq = p.nextSeq;
    store.pools.set(p.config.id, pool);
    store.keys.load(p.config.id, p.keys);
  }
  for (const c of snap.clients) store.clients.set(c.clientId, c);
  for (const s of snap.sessions) if (store.pools.has(s.userPoolId)) store.addSession(s);
  return store;
}

/**
 * Writes the store atomically: a temporary file in the same folder (mode 0600), fsync, then rename over `file`,
 * so a crash leaves either the old or the new state, never a torn file.
 */
export async function saveStoreFile(store: EmulatorStore, file: string, nowMs: number): Promise<void> {
  const snap = await snapshotStore(store, nowMs);
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(JSON.stringify(snap));
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** Loads a store from a `--state` file, or undefined when the file does not exist. */
export async function loadStoreFile(file: string): Promise<EmulatorStore | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  return restoreStore(JSON.parse(text) as StoreSnapshot);
}
