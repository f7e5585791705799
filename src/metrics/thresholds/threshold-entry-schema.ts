import { z } from 'zod';
import { InputError } from '../../errors.js';
import { THRESHOLD_SYNTAX_HINT, parseThreshold, type ParseThresholdOptions } from './parse-threshold.js';
import { parseDurationUs } from './threshold-limit.js';
import type { ParsedThreshold } from './threshold-types.js';

/**
 * Threshold entries of a scenario's `thresholds:` list: a string, or an object with abort options:
 * `{ threshold: "p99 < 250ms", abortOnFail: true, delayAbortEval: "30s" }`.
 */

const EXAMPLE = 'e.g. "category:UserAuthentication p99 < 250ms"';

/** Object form of a threshold entry. */
export const thresholdObjectSchema = z.strictObject({
  threshold: z.string().min(1).meta({ description: `Threshold expression, ${EXAMPLE}.` }),
  abortOnFail: z.boolean().optional().meta({ description: 'Stop the run as soon as the threshold fails. Default false.' }),
  delayAbortEval: z
    .string()
    .optional()
    .meta({ description: 'Grace period from the run start before abortOnFail is evaluated, e.g. "30s". Default 0.' }),
});

/** One threshold entry as written in a scenario file. */
export type ThresholdEntry = string | z.infer<typeof thresholdObjectSchema>;

/**
 * zod schema of one entry: checks the shape, then the expression syntax and names (every problem reported as a
 * zod issue at the entry's path). Flow names are not checked here (the schema cannot see the scenario's flows):
 * call {@link normalizeThresholdEntry} with `knownFlows` in the scenario rules.
 */
export const thresholdEntrySchema = z
  .union([z.string().min(1), thresholdObjectSchema], {
    error: `expected a threshold string (${EXAMPLE}) or { threshold, abortOnFail?, delayAbortEval? }`,
  })
  .superRefine((entry, ctx) => {
    const text = typeof entry === 'string' ? entry : entry.threshold;
    try {
      parseThreshold(text, '');
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      for (const p of err.problems) {
        ctx.addIssue({ code: 'custom', message: p.message, path: typeof entry === 'string' ? [] : ['threshold'] });
      }
    }
    if (typeof entry !== 'string' && entry.delayAbortEval !== undefined && parseDurationUs(entry.delayAbortEval) === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${entry.delayAbortEval}" is not a duration: expected e.g. 30s or 500ms`, path: ['delayAbortEval'] });
    }
  });

/** The scenario's `thresholds:` list. */
export const thresholdListSchema = z.array(thresholdEntrySchema);

/**
 * Turns a validated entry into a {@link ParsedThreshold}.
 * @param path field path of the entry, e.g. `thresholds[0]`
 * @throws InputError on any syntax or name problem
 */
export function normalizeThresholdEntry(entry: ThresholdEntry, path: string, options: Pick<ParseThresholdOptions, 'knownFlows'> = {}): ParsedThreshold {
  if (typeof entry === 'string') return parseThreshold(entry, path, options);
  let delayAbortEvalMs = 0;
  if (entry.delayAbortEval !== undefined) {
    const us = parseDurationUs(entry.delayAbortEval);
    if (us === undefined) {
      throw new InputError(`invalid threshold delayAbortEval "${entry.delayAbortEval}"`, [
        { path: `${path}.delayAbortEval`, message: `"${entry.delayAbortEval}" is not a duration: expected e.g. 30s or 500ms` },
      ]);
    }
    delayAbortEvalMs = us / 1000;
  }
  return parseThreshold(entry.threshold, `${path}.threshold`, { ...options, abortOnFail: entry.abortOnFail ?? false, delayAbortEvalMs });
}

/**
 * Normalises a whole list, collecting every problem into one InputError.
 * @param basePath field path of the list, default `thresholds`
 */
export function normalizeThresholdList(
  entries: readonly ThresholdEntry[],
  options: Pick<ParseThresholdOptions, 'knownFlows'> & { readonly basePath?: string; readonly file?: string } = {},
): ParsedThreshold[] {
  const base = options.basePath ?? 'thresholds';
  const out: ParsedThreshold[] = [];
  const problems: InputError['problems'][number][] = [];
  entries.forEach((e, i) => {
    try {
      out.push(normalizeThresholdEntry(e, `${base}[${i}]`, options));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems.map((p) => ({ ...p, ...(options.file ? { file: options.file } : {}) })));
    }
  });
  if (problems.length) {
    throw new InputError(`${problems.length} invalid threshold${problems.length > 1 ? 's' : ''}`, problems, THRESHOLD_SYNTAX_HINT);
  }
  return out;
}
