import type { AddressInfo } from 'node:net';
import { createEmulatorApp, type EmulatorApp, type EmulatorAppOptions } from './app.js';
import { applyBootstrap, type BootstrapDocument, type BootstrapSummary } from './bootstrap.js';
import { createEmulatorServer } from './server.js';
import { loadStoreFile, saveStoreFile } from './store/snapshot.js';

/** Options of {@link startEmulator}: the app's options plus where to listen and what to load. */
export interface StartEmulatorOptions extends EmulatorAppOptions {
  /** TCP port; 0 picks a free one. Default 9229. */
  readonly port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  readonly host?: string;
  /** Largest request body, bytes. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** State file: loaded at start when it exists, saved (atomically) by `close()` and `saveState()`. */
  readonly stateFile?: string;
  /** Pools, clients, groups and users to create at start (after loading state; existing ids are skipped). */
  readonly bootstrap?: BootstrapDocument;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:9229`: the `endpoint` for the AWS SDK and amazon-cognito-identity-js. */
  readonly url: string;
  readonly port: number;
  readonly app: EmulatorApp;
  /** What `bootstrap` created (pool and client ids), empty without one. */
  readonly bootstrapped: BootstrapSummary;
  /** Saves the state file now (no-op without `stateFile`). */
  saveState(): Promise<void>;
  /** Stops listening, closes keep-alive connections and saves state when `stateFile` is set. */
  close(): Promise<void>;
}

/** Starts the emulator on a real socket (see {@link createEmulatorApp} for the in-process app). */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const loaded = options.stateFile && !options.store ? await loadStoreFile(options.stateFile) : undefined;
  const app = createEmulatorApp({ ...options, ...(loaded ? { store: loaded } : {}) });
  const bootstrapped = options.bootstrap ? await applyBootstrap(app, options.bootstrap) : { pools: [] };
  const server = createEmulatorServer(app, { maxBodyBytes: options.maxBodyBytes, now: app.context.now });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 9229, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const saveState = async (): Promise<void> => {
    if (options.stateFile) await saveStoreFile(app.store, options.stateFile, app.context.now());
  };
  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    app,
    bootstrapped,
    saveState,
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await saveState();
      })();
      return closed;
    },
  };
}
