/**
 * Child-process entry of the embedded emulator (see embedded-emulator.ts): starts the emulator on 127.0.0.1, port 0,
 * with the quota and latency profiles named in the `start` message and the OAuth, federation and identity-pool
 * extensions (their requests draw on the same limit layers), answers `{ type: 'ready', url }` (or
 * `{ type: 'error', message }`), and closes when the parent sends `{ type: 'close' }` or disconnects.
 * Running the emulator in its own process keeps its CPU and GC pauses off the generator's clock.
 */
import { extensionOptionsFor } from '../emulator/extension-options.js';
import { startEmulatorWithExtensions } from '../emulator/oauth/start-emulator-with-extensions.js';
import { embeddedEmulatorOptions, type EmbeddedEmulatorSpec } from './embedded-emulator-options.js';

type ParentMessage = { type: 'start'; spec: EmbeddedEmulatorSpec } | { type: 'close' };

let close: (() => Promise<void>) | undefined;

async function shutdown(code: number): Promise<void> {
  try {
    await close?.();
  } finally {
    process.exit(code);
  }
}

process.on('message', (msg: ParentMessage) => {
  if (msg.type === 'close') {
    void shutdown(0);
    return;
  }
  if (msg.type === 'start') {
    embeddedEmulatorOptions(msg.spec)
      .then((options) => startEmulatorWithExtensions({ ...options, extensions: extensionOptionsFor(msg.spec) }))
      .then((running) => {
        close = () => running.close();
        process.send?.({ type: 'ready', url: running.url });
      })
      .catch((err: unknown) => {
        process.send?.({ type: 'error', message: (err as Error).message ?? String(err) });
        void shutdown(1);
      });
  }
});
process.on('disconnect', () => void shutdown(0));
process.on('SIGINT', () => {
  // The parent handles Ctrl-C and closes the emulator after cleanup: ignore the terminal's SIGINT here.
});
