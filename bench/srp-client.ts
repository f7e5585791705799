/**
 * SRP sign-in CPU cost: our native-exponentiation client (clientStart + clientSignature) against
 * amazon-cognito-identity-js's AuthenticationHelper doing the same work (A, then the password key and the claim
 * HMAC), plus the emulator's server side (serverStart + serverVerify). Prints medians of several runs (CPU µs per
 * sign-in from process.cpuUsage, user + system) and the ratio, with the machine. Never fails.
 *
 * The emulator's whole CPU per SRP sign-in over HTTP (both calls, tokens included) is in `npm run bench:emulator`.
 *
 * Run: npm run bench:srp -- [runs=5]   (or npx tsx bench/srp-client.ts [runs=5])
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { printFooter, printHeader } from './lib/machine.js';
import {
  clientSignature,
  clientStart,
  computeVerifierHex,
  formatSrpTimestamp,
  serverStart,
  serverVerify,
} from '../src/cognito/srp.js';

const require = createRequire(import.meta.url);
type Big = { toString(radix: number): string };
interface Helper {
  getLargeAValue(cb: (err: unknown, A: Big) => void): void;
  getPasswordAuthenticationKey(u: string, p: string, B: Big, salt: Big, cb: (err: unknown, key: Uint8Array) => void): void;
}
const AuthenticationHelper = require('amazon-cognito-identity-js/lib/AuthenticationHelper.js').default as new (pool: string) => Helper;
const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger.js').default as new (v: string, r: number) => Big;

const runs = Number(process.argv[2] ?? 5);
const poolName = 'Ab12Cd34E';
const userId = '7c5a1f0e-1111-4222-8333-944455556666';
const password = 'Correct-Horse-9';
const saltHex = randomBytes(16).toString('hex');
const verifierHex = computeVerifierHex(saltHex, poolName, userId, password);
const secretBlockB64 = randomBytes(64).toString('base64');
// Server answers prepared outside the timed loops (the client's cost only).
const fixedServer = serverStart(verifierHex, clientStart().AHex);

function cpuUsPer(iterations: number, fn: () => void): number {
  const start = process.cpuUsage();
  for (let i = 0; i < iterations; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / iterations;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

function oursClient(aBytes = 0): void {
  const { aHex, AHex } = clientStart(aBytes > 0 ? randomBytes(aBytes).toString('hex') : undefined);
  clientSignature({
    poolName,
    userId,
    password,
    saltHex,
    BHex: fixedServer.BHex,
    aHex,
    AHex,
    secretBlockB64,
    timestamp: formatSrpTimestamp(new Date()),
  });
}

function libraryClient(): void {
  const helper = new AuthenticationHelper(poolName); // draws a (128 bytes) and computes A
  helper.getLargeAValue(() => undefined);
  helper.getPasswordAuthenticationKey(userId, password, new BigInteger(fixedServer.BHex, 16), new BigInteger(saltHex, 16), (err, key) => {
    if (err) throw err;
    createHmac('sha256', Buffer.from(key))
      .update(Buffer.concat([Buffer.from(poolName), Buffer.from(userId), Buffer.from(secretBlockB64, 'base64'), Buffer.from(formatSrpTimestamp(new Date()))]))
      .digest('base64');
  });
}

// Server side: one sign-in = serverStart on a fresh A + serverVerify of a valid proof (client work untimed).
const serverInputs = Array.from({ length: 40 }, () => clientStart());
let serverIndex = 0;
function oursServer(): void {
  const client = serverInputs[serverIndex++ % serverInputs.length] as { aHex: string; AHex: string };
  const { bHex, BHex } = serverStart(verifierHex, client.AHex);
  serverVerify({ poolName, userId, verifierHex, AHex: client.AHex, bHex, BHex, secretBlockB64, timestamp: 'Tue Mar 4 09:05:07 UTC 2025', signatureB64: 'AAAA' });
}

printHeader('SRP sign-in CPU: cogcap vs amazon-cognito-identity-js');

// Warm-up (JIT, OpenSSL DH object).
cpuUsPer(10, () => oursClient());
cpuUsPer(1, libraryClient);
cpuUsPer(10, oursServer);

const ours: number[] = [];
const ours1024: number[] = [];
const lib: number[] = [];
const server: number[] = [];
for (let r = 0; r < runs; r++) {
  ours.push(cpuUsPer(40, () => oursClient()));
  ours1024.push(cpuUsPer(20, () => oursClient(128)));
  lib.push(cpuUsPer(4, libraryClient));
  server.push(cpuUsPer(40, oursServer));
}

console.log(`runs: ${runs} (medians; per run 40 sign-ins ours, 4 library)`);
console.log('');
console.log('client CPU per SRP sign-in (A + password key + claim signature)');
console.log(`  cogcap (OpenSSL modPow, 256-bit a)        ${median(ours).toFixed(0).padStart(9)} µs   runs: ${ours.map((x) => x.toFixed(0)).join(', ')}`);
console.log(`  amazon-cognito-identity-js (1024-bit a)   ${median(lib).toFixed(0).padStart(9)} µs   runs: ${lib.map((x) => x.toFixed(0)).join(', ')}`);
console.log(`  cogcap with a 1024-bit a (same as library) ${median(ours1024).toFixed(0).padStart(8)} µs   runs: ${ours1024.map((x) => x.toFixed(0)).join(', ')}`);
console.log(`  ratio library / cogcap                    ${(median(lib) / median(ours)).toFixed(1).padStart(9)} x   (target >= 10x)`);
console.log(`  ratio library / cogcap, same exponent     ${(median(lib) / median(ours1024)).toFixed(1).padStart(9)} x`);
console.log('');
console.log('server CPU per SRP sign-in (serverStart + serverVerify)');
console.log(`  cogcap emulator                           ${median(server).toFixed(0).padStart(9)} µs   runs: ${server.map((x) => x.toFixed(0)).join(', ')}`);
printFooter();
