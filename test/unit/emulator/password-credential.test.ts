import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeVerifierHex, computeX, poolNameOf } from '../../../src/cognito/srp.js';
import { newCredential, padBytes, passwordMatches, verifierOf, xDigest } from '../../../src/emulator/auth/password-credential.js';
import { pooledRandomBytes } from '../../../src/emulator/store/pooled-random.js';

describe('password credential', () => {
  it('padBytes follows srp.md PAD', () => {
    const cases: [string, string][] = [
      ['00', '00'],
      ['0000', '00'],
      ['7f', '7f'],
      ['80', '0080'],
      ['00ff10', '00ff10'],
      ['000a', '0a'],
    ];
    for (const [input, want] of cases) expect(padBytes(Buffer.from(input, 'hex')).toString('hex')).toBe(want);
  });

  it('x matches the reference computeX for random salts, including leading-zero and high-bit salts (oracle)', () => {
    const salts = [Buffer.from('00000000000000000000000000000001', 'hex'), Buffer.from('ff'.repeat(16), 'hex'), Buffer.from('0080' + '11'.repeat(14), 'hex')];
    for (let i = 0; i < 50; i++) salts.push(randomBytes(16));
    for (const salt of salts) {
      const x = xDigest(salt, 'us-east-1_TestPool1', 'alice', 'Passw0rd!');
      expect(BigInt(`0x${x.toString('hex')}`)).toBe(computeX(salt.toString('hex'), poolNameOf('us-east-1_TestPool1'), 'alice', 'Passw0rd!'));
    }
  });

  it('the lazily derived verifier equals the reference verifier; passwords compare correctly', () => {
    const cred = newCredential(pooledRandomBytes(), 'us-east-1_TestPool1', 'alice', 'Passw0rd!');
    expect(cred).not.toHaveProperty('verifierHex');
    expect(JSON.stringify(cred)).not.toContain('Passw0rd!');
    expect(verifierOf(cred)).toBe(computeVerifierHex(cred.saltHex, 'TestPool1', 'alice', 'Passw0rd!'));
    expect(passwordMatches(cred, 'us-east-1_TestPool1', 'alice', 'Passw0rd!')).toBe(true);
    expect(passwordMatches(cred, 'us-east-1_TestPool1', 'alice', 'Passw0rd?')).toBe(false);
    expect(passwordMatches(cred, 'us-east-1_TestPool1', 'bob', 'Passw0rd!')).toBe(false);
  });

  it('pooled random bytes never repeat a region', () => {
    const r = pooledRandomBytes(64);
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) seen.add(r(16).toString('hex'));
    expect(seen.size).toBe(100);
    expect(r(100)).toHaveLength(100);
  });
});
