/**
 * Child process of bench/emulator.ts: starts the emulator on a free loopback port with a large body limit (bulk
 * seeding), prints `READY <url>`, answers `cpu` lines on stdin with `CPU <user+system µs>` (so the bench can
 * normalise for a busy machine) and stops when its stdin closes.
 */
import { createInterface } from 'node:readline';
import { startEmulator } from '../src/emulator/start-emulator.js';

const emu = await startEmulator({ port: 0, maxBodyBytes: 64 << 20 });
process.stdout.write(`READY ${emu.url}\n`);
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === 'cpu') {
    const u = process.cpuUsage();
    process.stdout.write(`CPU ${u.user + u.system}\n`);
  }
});
lines.on('close', () => {
  void emu.close().then(() => process.exit(0));
});
