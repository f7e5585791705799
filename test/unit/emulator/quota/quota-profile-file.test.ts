import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/errors.js';
import { loadQuotaProfile, quotaProfileFromText } from '../../../../src/emulator/quota/quota-profile-file.js';
import { AWS_DEFAULT_QUOTAS, UNLIMITED_QUOTAS } from '../../../../src/emulator/quota/quota-profile.js';

function problems(text: string): { path: string; message: string; file?: string }[] {
  try {
    quotaProfileFromText(text, 'q.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return [...(e as InputError).problems];
  }
  throw new Error('expected an InputError');
}

describe('quota profiles', () => {
  it('resolves built-in names', async () => {
    expect(await loadQuotaProfile('aws-default')).toBe(AWS_DEFAULT_QUOTAS);
    expect(await loadQuotaProfile('unlimited')).toBe(UNLIMITED_QUOTAS);
    expect(AWS_DEFAULT_QUOTAS.ratePerSec.UserAuthentication).toBe(120);
    expect(AWS_DEFAULT_QUOTAS.ratePerSec.Uncategorized).toBe(Number.POSITIVE_INFINITY);
    expect(AWS_DEFAULT_QUOTAS.hourlyLimits).toEqual({ ForgotPassword: 5, ResendConfirmationCode: 5, ConfirmSignUp: 15, ChangePassword: 5, GetUserAttributeVerificationCode: 5, VerifyUserAttribute: 15 });
  });

  it('applies per-category overrides from YAML', () => {
    const p = quotaProfileFromText(
      [
        'burstSec: 0.5',
        'categories:',
        '  UserRead: 20',
        '  UserAuthentication: { ratePerSec: 300, accountMaxPerSec: 1000 }',
        '  Uncategorized: 50',
        '  UserList: unlimited',
        'perUser: { readPerSec: unlimited }',
        'hourlyLimits: { ForgotPassword: 20 }',
      ].join('\n'),
      'q.yaml',
    );
    expect(p.name).toBe('q.yaml');
    expect(p.burstSec).toBe(0.5);
    expect(p.ratePerSec.UserRead).toBe(20);
    expect(p.ratePerSec.UserAuthentication).toBe(300);
    expect(p.accountMaxPerSec.UserAuthentication).toBe(1000);
    expect(p.ratePerSec.Uncategorized).toBe(50);
    expect(p.ratePerSec.UserList).toBe(Number.POSITIVE_INFINITY);
    expect(p.ratePerSec.UserCreation).toBe(50); // untouched
    expect(p.perUserReadPerSec).toBe(Number.POSITIVE_INFINITY);
    expect(p.perUserWritePerSec).toBe(10);
    expect(p.hourlyLimits.ForgotPassword).toBe(20);
  });

  it('extends unlimited and reads JSON', () => {
    const p = quotaProfileFromText('{"extends":"unlimited","categories":{"UserRead":20}}', 'q.json');
    expect(p.ratePerSec.UserRead).toBe(20);
    expect(p.ratePerSec.UserAuthentication).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([
    ['categories:\n  UserReed: 20', 'categories.UserReed', /unknown category: expected one of .*UserRead/],
    ['categories:\n  UserRead: -1', 'categories.UserRead', /rate|>=/],
    ['categories:\n  UserRead: fast', 'categories.UserRead', /rate|unlimited/],
    ['burstSec: 0', 'burstSec', /> 0/],
    ['extends: aws', 'extends', /aws-default|unlimited/],
    ['colour: red', 'colour', /unknown key/],
    ['perPoolPerOperationPerSec: { UserRead: 5 }', 'perPoolPerOperationPerSec.UserRead', /UserPoolClientRead/],
    ['hourlyLimits: { ConfirmForgotPassword: 5 }', 'hourlyLimits.ConfirmForgotPassword', /shares ForgotPassword/],
    ['categories:\n  UserRead: { ratePerSec: 200, accountMaxPerSec: 100 }', 'categories.UserRead.accountMaxPerSec', /at least the enforced rate/],
  ])('%j → problem at %s', (text, path, message) => {
    const ps = problems(text);
    const p = ps.find((x) => x.path === path);
    expect(p, JSON.stringify(ps)).toBeDefined();
    expect(p?.file).toBe('q.yaml');
    expect(p?.message).toMatch(message);
  });

  it('reports every problem at once', () => {
    expect(problems('burstSec: -1\ncategories: { Nope: 1, UserRead: -2 }').length).toBeGreaterThanOrEqual(3);
  });

  it('names an unreadable file', async () => {
    await expect(loadQuotaProfile('missing.yaml', async () => Promise.reject(Object.assign(new Error('x'), { code: 'ENOENT' })))).rejects.toMatchObject({
      problems: [{ file: 'missing.yaml', message: expect.stringMatching(/ENOENT.*|aws-default/) }],
    });
  });
});
