import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CATEGORY_QUOTAS, QUOTA_CATEGORY_NAMES, type QuotaCategory } from '../../cognito/categories.js';
import { PER_USER_HOURLY_LIMITS } from '../../cognito/operations.js';
import { zodIssuesToProblems } from '../../config/zod-problems.js';
import { InputError, type InputProblem } from '../../errors.js';
import { BUILT_IN_QUOTA_PROFILES, HOURLY_LIMIT_GROUP, type QuotaProfile } from './quota-profile.js';

/**
 * Quota profile files (JSON or YAML): a base profile plus per-category overrides. Example:
 * ```yaml
 * extends: aws-default        # or unlimited (default aws-default)
 * burstSec: 1                 # bucket size in seconds of rate
 * categories:
 *   UserRead: 20              # enforced rate, requests/s ("unlimited" allowed)
 *   UserAuthentication: { ratePerSec: 300, accountMaxPerSec: 1000 }
 *   Uncategorized: 50         # unlimited by default; counted either way
 * challengeResponseMultiplier: 3  # challenge responses' own allowance, x UserAuthentication
 * authorizationCodeMultiplier: 1  # authorization-code redemptions' own allowance, x UserAuthentication
 * perUser: { readPerSec: 10, writePerSec: 10 }
 * perPoolPerOperationPerSec: { UserPoolClientRead: 5 }
 * hourlyLimits: { ForgotPassword: 20, ConfirmSignUp: 15 }
 * ```
 * Unknown keys and category names are errors; every problem names the file, the field path and the expectation.
 */

const rate = z.union([z.number().nonnegative(), z.literal('unlimited')], {
  error: 'expected a rate in requests per second (a number >= 0) or "unlimited"',
});
const categoryOverride = z.union([rate, z.strictObject({ ratePerSec: rate.optional(), accountMaxPerSec: rate.optional() })], {
  error: 'expected a rate in requests per second (a number >= 0 or "unlimited") or { ratePerSec, accountMaxPerSec }',
});
const categoryKey = z.enum(QUOTA_CATEGORY_NAMES, { error: `expected a category name: ${QUOTA_CATEGORY_NAMES.join(', ')}` });
const hourlyOps = Object.keys(PER_USER_HOURLY_LIMITS).filter((op) => !(op in HOURLY_LIMIT_GROUP)) as [string, ...string[]];

/** Schema of a quota profile file. */
export const quotaProfileFileSchema = z.strictObject({
  extends: z.enum(['aws-default', 'unlimited']).optional(),
  burstSec: z.number().positive({ error: 'expected seconds of rate, a number > 0' }).optional(),
  categories: z.partialRecord(categoryKey, categoryOverride).optional(),
  challengeResponseMultiplier: z.number().nonnegative().optional(),
  authorizationCodeMultiplier: z.number().nonnegative().optional(),
  perUser: z.strictObject({ readPerSec: rate.optional(), writePerSec: rate.optional() }).optional(),
  perPoolPerOperationPerSec: z
    .partialRecord(
      z.enum(['UserPoolResourceRead', 'UserPoolResourceUpdate', 'UserPoolClientRead', 'UserPoolClientUpdate'], {
        error: 'expected one of UserPoolResourceRead, UserPoolResourceUpdate, UserPoolClientRead, UserPoolClientUpdate',
      }),
      rate,
    )
    .optional(),
  hourlyLimits: z
    .partialRecord(
      z.enum(hourlyOps, { error: `expected an operation with an hourly limit: ${hourlyOps.join(', ')} (ConfirmForgotPassword shares ForgotPassword's)` }),
      z.union([z.number().int().nonnegative(), z.literal('unlimited')], { error: 'expected an integer >= 0 or "unlimited"' }),
    )
    .optional(),
});

/** A parsed quota profile file. */
export type QuotaProfileFile = z.infer<typeof quotaProfileFileSchema>;

const PER_POOL_CATEGORIES = ['UserPoolResourceRead', 'UserPoolResourceUpdate', 'UserPoolClientRead', 'UserPoolClientUpdate'];
const KEY_EXPECTATIONS: readonly [string, string][] = [
  ['categories.', `unknown category: expected one of ${QUOTA_CATEGORY_NAMES.join(', ')}`],
  ['perPoolPerOperationPerSec.', `expected one of ${PER_POOL_CATEGORIES.join(', ')} (the categories with a per-pool per-operation limit)`],
  ['hourlyLimits.', `expected an operation with an hourly limit: ${hourlyOps.join(', ')} (ConfirmForgotPassword shares ForgotPassword's)`],
];

/** Unknown keys inside the keyed maps get the list of valid keys instead of the generic message. */
function explainKeys(problems: InputProblem[]): InputProblem[] {
  return problems.map((p) => {
    if (!p.message.startsWith('unknown key')) return p;
    const hit = KEY_EXPECTATIONS.find(([prefix]) => p.path.startsWith(prefix) && !p.path.slice(prefix.length).includes('.'));
    return hit ? { ...p, message: hit[1] } : p;
  });
}

const num = (r: number | 'unlimited'): number => (r === 'unlimited' ? Number.POSITIVE_INFINITY : r);

/** Builds a profile from a parsed document; throws InputError listing every problem. */
export function quotaProfileFromDocument(doc: unknown, file?: string): QuotaProfile {
  const parsed = quotaProfileFileSchema.safeParse(doc ?? {});
  if (!parsed.success) throw new InputError(`invalid quota profile${file ? ` ${file}` : ''}`, explainKeys(zodIssuesToProblems(parsed.error.issues, file)));
  const f = parsed.data;
  const base = BUILT_IN_QUOTA_PROFILES[f.extends ?? 'aws-default'] as QuotaProfile;
  const ratePerSec = { ...base.ratePerSec };
  const accountMaxPerSec = { ...base.accountMaxPerSec };
  const problems: InputProblem[] = [];
  for (const [name, override] of Object.entries(f.categories ?? {})) {
    const c = name as QuotaCategory;
    if (override === undefined) continue;
    const o = typeof override === 'object' ? override : { ratePerSec: override };
    if (o.ratePerSec !== undefined) ratePerSec[c] = num(o.ratePerSec);
    if (o.accountMaxPerSec !== undefined) {
      accountMaxPerSec[c] = num(o.accountMaxPerSec);
      if (accountMaxPerSec[c] < ratePerSec[c]) {
        problems.push({
          ...(file ? { file } : {}),
          path: `categories.${c}.accountMaxPerSec`,
          message: `expected at least the enforced rate ${ratePerSec[c]} (the account maximum caps the provisioned limit)`,
        });
      }
    } else {
      // An enforced rate above the account maximum raises the maximum (the profile describes the account).
      accountMaxPerSec[c] = Math.max(accountMaxPerSec[c], ratePerSec[c]);
      if (!CATEGORY_QUOTAS[c].adjustable) accountMaxPerSec[c] = ratePerSec[c];
    }
  }
  if (problems.length > 0) throw new InputError(`invalid quota profile${file ? ` ${file}` : ''}`, problems);
  const perPool = { ...base.perPoolPerOperationPerSec };
  for (const [c, r] of Object.entries(f.perPoolPerOperationPerSec ?? {})) if (r !== undefined) perPool[c as QuotaCategory] = num(r);
  const hourlyLimits = { ...base.hourlyLimits };
  for (const [op, limit] of Object.entries(f.hourlyLimits ?? {})) if (limit !== undefined) hourlyLimits[op] = num(limit);
  return {
    name: file ?? 'custom',
    ratePerSec,
    accountMaxPerSec,
    challengeResponseMultiplier: f.challengeResponseMultiplier ?? base.challengeResponseMultiplier,
    authorizationCodeMultiplier: f.authorizationCodeMultiplier ?? base.authorizationCodeMultiplier,
    perUserReadPerSec: f.perUser?.readPerSec !== undefined ? num(f.perUser.readPerSec) : base.perUserReadPerSec,
    perUserWritePerSec: f.perUser?.writePerSec !== undefined ? num(f.perUser.writePerSec) : base.perUserWritePerSec,
    perPoolPerOperationPerSec: perPool,
    hourlyLimits,
    burstSec: f.burstSec ?? base.burstSec,
  };
}

/** Parses the text of a JSON or YAML profile file. */
export function quotaProfileFromText(text: string, file?: string): QuotaProfile {
  let doc: unknown;
  try {
    doc = parseYaml(text); // YAML is a superset of JSON
  } catch (err) {
    throw new InputError(`invalid quota profile${file ? ` ${file}` : ''}`, [
      { ...(file ? { file } : {}), path: '', message: `not valid JSON or YAML: ${(err as Error).message}` },
    ]);
  }
  return quotaProfileFromDocument(doc, file);
}

/**
 * Resolves `--quotas`: a built-in name (`aws-default`, `unlimited`) or the path of a JSON/YAML file.
 * @param read reads a file as UTF-8 (injected; defaults to node:fs)
 */
export async function loadQuotaProfile(spec: string, read: (path: string) => Promise<string> = (p) => readFile(p, 'utf8')): Promise<QuotaProfile> {
  const builtIn = BUILT_IN_QUOTA_PROFILES[spec];
  if (builtIn) return builtIn;
  let text: string;
  try {
    text = await read(spec);
  } catch (err) {
    throw new InputError(`cannot read quota profile ${spec}`, [
      { file: spec, path: '', message: `expected a readable file or one of ${Object.keys(BUILT_IN_QUOTA_PROFILES).join(', ')} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` },
    ]);
  }
  return quotaProfileFromText(text, spec);
}
