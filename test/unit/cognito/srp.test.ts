import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { modPowNative } from '../../../src/cognito/mod-pow.js';
import {
  clientSignature,
  clientStart,
  computeU,
  computeVerifierHex,
  computeX,
  derivePasswordKey,
  formatSrpTimestamp,
  hashHex,
  padHex,
  poolNameOf,
  serverStart,
  serverVerify,
  SRP_G,
  SRP_K,
  SRP_N,
} from '../../../src/cognito/srp.js';
import { CognitoServiceError } from '../../../src/cognito/service-error.js';
import { AuthenticationHelper, jsbn, largeA, libraryKey } from './cognito-js-helper.js';

/** Slow exact oracle: square-and-multiply with BigInt. */
function slowModPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n % modulus;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const randomBig = (bytes: number): bigint => BigInt(`0x${randomBytes(bytes).toString('hex')}`);

// srp.md test vector (checked there against the library's own AuthenticationHelper).
const TV = {
  poolName: 'TestPool1',
  userId: 'alice',
  password: 'Passw0rd!',
  a: 'a465a85151ccbf8522fb7bc29169df9370b7da383fc4785fba5100d1cdee89e8fcf4ce702e48f31222fccb0e97f7f22abe8718870339e54a01c12a03ff92c286',
  b: '2b77aec05c88750b3530e0c993677f2c7ac6a60ecd5042341b3be1ad82d378145e12514797b63c6e22ff46b610ef4452a877713511609e6c7543b9f9867995b9',
  salt: '63479ad69a090b258277ec8fba6f9941',
  secretBlock: 'SJShlnqjR2V6mcS7pKIV0JB/2zTpNm0FdlbobP0MOX4=',
  timestamp: 'Tue Mar 4 09:05:07 UTC 2025',
  x: '1efce08b00269b0a10f33f87d2659b4423188b4ce391b2d391ce73d5608d4df0',
  u: '46a0585d1f64cc9311c545f3f8f1a60e1a226e9b46ffc45aa6e92064c603faf2',
  key: '7b0fcc56ad544cc958f403e40c1fb25b',
  signature: 'PngacNQ4B3AruFYwQ7Eou3l98lMNcttRfoTPhDmXil8=',
};

describe('SRP constants', () => {
  it('k is H(PAD(N) || PAD(g)) as in srp.md', () => {
    expect(SRP_K.toString(16)).toBe('538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6');
    expect(padHex(SRP_N).length).toBe(385 * 2);
    expect(padHex(SRP_G)).toBe('02');
  });
});

describe('padHex', () => {
  const helper = new AuthenticationHelper('P'); // its constructor computes A: build one only
  it.each([
    [0n, '00'],
    [1n, '01'],
    [0x0fn, '0f'],
    [0x7fn, '7f'],
    [0x80n, '0080'],
    [0xffn, '00ff'],
    [0x100n, '0100'],
    [0x123n, '0123'],
    [0x7fffn, '7fff'],
    [0x8000n, '008000'],
    [0xfffn, '0fff'],
    [0x12345n, '012345'],
    [0x89abcdefn, '0089abcdef'],
    [-20n, 'ec'],
    [-236n, 'ff14'],
    [-200n, 'ff38'],
    [-56n, 'c8'],
  ])('PAD(%s) = %s', (value, expected) => {
    expect(padHex(value)).toBe(expected);
    // the library agrees (it prints negative values upper-case)
    expect(helper.padHex(jsbn(value)).toLowerCase()).toBe(expected);
  });

  it('a salt with leading zero bytes is hashed by integer value', () => {
    const x1 = computeX('0063479ad69a090b258277ec8fba6f9941', TV.poolName, TV.userId, TV.password);
    expect(x1.toString(16)).toBe(TV.x);
  });

  it('hashHex hashes the concatenated bytes', () => {
    expect(hashHex('61', '6263')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'); // "abc"
  });
});

describe('srp.md test vector', () => {
  const { AHex } = clientStart(TV.a);
  const verifierHex = computeVerifierHex(TV.salt, TV.poolName, TV.userId, TV.password);
  const { BHex } = serverStart(verifierHex, AHex, TV.b);

  it('x, u, key and signature match', () => {
    const x = computeX(TV.salt, TV.poolName, TV.userId, TV.password);
    expect(x.toString(16)).toBe(TV.x);
    const u = computeU(BigInt(`0x${AHex}`), BigInt(`0x${BHex}`));
    expect(u.toString(16)).toBe(TV.u);
    // S computed by the slow oracle from the client's side
    const gx = slowModPow(SRP_G, x, SRP_N);
    const base = (((BigInt(`0x${BHex}`) - SRP_K * gx) % SRP_N) + SRP_N) % SRP_N;
    const S = slowModPow(base, BigInt(`0x${TV.a}`) + u * x, SRP_N);
    expect(derivePasswordKey(S, u).toString('hex')).toBe(TV.key);
    const signature = clientSignature({
      poolName: TV.poolName,
      userId: TV.userId,
      password: TV.password,
      saltHex: TV.salt,
      BHex,
      aHex: TV.a,
      AHex,
      secretBlockB64: TV.secretBlock,
      timestamp: TV.timestamp,
    });
    expect(signature).toBe(TV.signature);
  });

  const verify = (over: Partial<Parameters<typeof serverVerify>[0]>): boolean =>
    serverVerify({
      poolName: TV.poolName,
      userId: TV.userId,
      verifierHex,
      AHex,
      bHex: TV.b,
      BHex,
      secretBlockB64: TV.secretBlock,
      timestamp: TV.timestamp,
      signatureB64: TV.signature,
      ...over,
    });

  it.each([
    ['the exact proof', {}, true],
    ['another timestamp', { timestamp: 'Tue Mar 04 09:05:07 UTC 2025' }, false],
    ['another user id', { userId: 'bob' }, false],
    ['another pool', { poolName: 'TestPool2' }, false],
    ['another verifier (wrong password)', { verifierHex: computeVerifierHex(TV.salt, TV.poolName, TV.userId, 'x') }, false],
    ['a truncated signature', { signatureB64: TV.signature.slice(0, 20) }, false],
    ['a non-hex A', { AHex: 'zz' }, false],
    ['A = N', { AHex: SRP_N.toString(16) }, false],
  ])('server verifies %s: %s', (_name, over, expected) => {
    expect(verify(over)).toBe(expected);
  });

  it('serverStart rejects A mod N == 0 and non-hex A with InvalidParameterException', () => {
    for (const A of ['0', SRP_N.toString(16), (2n * SRP_N).toString(16), 'xyz']) {
      expect(() => serverStart(verifierHex, A)).toThrow(CognitoServiceError);
    }
  });

  it('clientSignature rejects B mod N == 0', () => {
    expect(() =>
      clientSignature({
        poolName: 'P',
        userId: 'u',
        password: 'p',
        saltHex: '01',
        BHex: SRP_N.toString(16),
        aHex: TV.a,
        AHex,
        secretBlockB64: '',
        timestamp: TV.timestamp,
      }),
    ).toThrow(/B mod N/);
  });
});

describe('native modPow against a slow BigInt oracle', () => {
  it('agrees on random 3072-bit bases with 256- to 1024-bit exponents', () => {
    for (let i = 0; i < 12; i++) {
      const base = randomBig(384 + (i % 3)); // sometimes >= N
      const exponent = randomBig([32, 64, 128][i % 3] as number);
      expect(modPowNative(base, exponent, SRP_N)).toBe(slowModPow(base, exponent, SRP_N));
    }
  });

  it.each([
    ['0', 0n, 5n],
    ['1', 1n, 5n],
    ['N-1 (odd exponent)', SRP_N - 1n, 5n],
    ['N-1 (even exponent)', SRP_N - 1n, 6n],
    ['N', SRP_N, 3n],
    ['N+1', SRP_N + 1n, 3n],
    ['N+2', SRP_N + 2n, 3n],
    ['negative', -7n, 3n],
    ['any base, exponent 0', 12345n, 0n],
    ['any base, exponent 1', 12345n, 1n],
    ['2, exponent 3071', 2n, 3071n],
  ])('degenerate base %s', (_name, base, exponent) => {
    expect(modPowNative(base, exponent, SRP_N)).toBe(slowModPow(base, exponent, SRP_N));
  });
});

describe('interop with amazon-cognito-identity-js AuthenticationHelper', () => {
  const poolName = 'Ab12Cd34E';
  const userId = '7c5a1f0e-1111-4222-8333-944455556666';
  const password = 'Correct-Horse-9';
  const salt = randomBytes(16).toString('hex');
  const verifierHex = computeVerifierHex(salt, poolName, userId, password);
  const secretBlockB64 = randomBytes(48).toString('base64');
  const timestamp = formatSrpTimestamp(new Date());
  const sign = (key: Buffer): string =>
    createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from(poolName), Buffer.from(userId), Buffer.from(secretBlockB64, 'base64'), Buffer.from(timestamp)]))
      .digest('base64');

  it('our server accepts the library client proof, and rejects it for a wrong password', () => {
    for (const [pw, expected] of [
      [password, true],
      ['wrong', false],
    ] as const) {
      const helper = new AuthenticationHelper(poolName);
      const AHex = largeA(helper).toString(16);
      const { bHex, BHex } = serverStart(verifierHex, AHex);
      const signatureB64 = sign(libraryKey(helper, userId, pw, BHex, salt));
      expect(serverVerify({ poolName, userId, verifierHex, AHex, bHex, BHex, secretBlockB64, timestamp, signatureB64 })).toBe(expected);
    }
  });

  it('our client proof is what the library computes from the same a', () => {
    for (let i = 0; i < 3; i++) {
      const { aHex, AHex } = clientStart();
      const { BHex } = serverStart(verifierHex, AHex);
      const helper = new AuthenticationHelper(poolName);
      helper.smallAValue = jsbn(BigInt(`0x${aHex}`));
      helper.largeAValue = undefined;
      expect(largeA(helper).toString(16)).toBe(AHex);
      const ours = clientSignature({ poolName, userId, password, saltHex: salt, BHex, aHex, AHex, secretBlockB64, timestamp });
      expect(ours).toBe(sign(libraryKey(helper, userId, password, BHex, salt)));
    }
  });
});

describe('formatSrpTimestamp', () => {
  it.each([
    [Date.UTC(2025, 2, 4, 9, 5, 7), 'Tue Mar 4 09:05:07 UTC 2025'],
    [Date.UTC(2024, 1, 29, 0, 0, 0), 'Thu Feb 29 00:00:00 UTC 2024'],
    [Date.UTC(2000, 0, 1, 23, 59, 59), 'Sat Jan 1 23:59:59 UTC 2000'],
    [Date.UTC(2026, 11, 31, 12, 30, 9), 'Thu Dec 31 12:30:09 UTC 2026'],
    [Date.UTC(2023, 9, 15, 1, 2, 3), 'Sun Oct 15 01:02:03 UTC 2023'],
  ])('%s → %s', (ms, expected) => {
    expect(formatSrpTimestamp(new Date(ms))).toBe(expected);
  });
});

describe('poolNameOf', () => {
  it.each([
    ['us-east-1_AbC123', 'AbC123'],
    ['eu-west-2_x_y', 'x_y'],
    ['local', 'local'],
  ])('%s → %s', (id, name) => expect(poolNameOf(id)).toBe(name));
});
