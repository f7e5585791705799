/**
 * Child process of bench/emulator.ts: starts the emulator on a free loopback port with a large body limit (bulk
 * seeding), prints `READY <url>`, answers `cpu` lines on stdin with `CPU <user+system µs>` (so the bench can
 * normalise for a busy machine), `rsa` lines with `RSA <CPU µs per RSA-2048 signature>` measured in this process,
 * and stops when its stdin closes.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { createInterface } from 'node:readline';
import { startEmulator } from '../src/emulator/start-emulator.js';

const emu = await startEmulator({ port: 0, maxBodyBytes: 64 << 20 });
process.stdout.write(`READY ${emu.url}\n`);
const lines = createInterface({ input: process.stdin });
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
lines.on('line', (line) => {
  if (line.trim() === 'cpu') {
    const u = process.cpuUsage();
    process.stdout.write(`CPU ${u.user + u.system}\n`);
  } else if (line.trim() === 'rsa') {
    // RSA-2048 sign cost measured here, under the same contention as the sign-ins being served.
    const c0 = process.cpuUsage();
    for (let i = 0; i < 100; i++) sign('sha256', Buffer.alloc(700, i), privateKey);
    const c = process.cpuUsage(c0);
    process.stdout.write(`RSA ${(c.user + c.system) / 100}\n`);
  }
});
lines.on('close', () => {
  void emu.close().then(() => process.exit(0));
});
