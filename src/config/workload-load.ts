import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { InputError, type InputProblem } from '../errors.js';
import type { Workload } from '../planner/workload.js';
import { normalizeWorkload } from './workload-normalize.js';
import { checkWorkloadRules } from './workload-rules.js';
import { WorkloadFileSchema } from './workload-schema.js';

/** `a.b[2].c` from a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

function issueProblems(issues: readonly z.core.$ZodIssue[], file?: string): InputProblem[] {
  return issues.flatMap((i): InputProblem[] => {
    const base = formatIssuePath(i.path);
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ ...(file ? { file } : {}), path: base ? `${base}.${k}` : k, message: 'unknown key (check the spelling; see schemas/workload.schema.json)' }));
    }
    return [{ ...(file ? { file } : {}), path: base, message: i.message.replace(/^Invalid input: /, '') }];
  });
}

/**
 * Validates a workload document (already parsed from YAML/JSON): schema → normalize → rules, every problem at once.
 * Throws {@link InputError} (exit 2) listing each problem with the file and field path.
 */
export function parseWorkload(doc: unknown, file?: string): Workload {
  const parsed = WorkloadFileSchema.safeParse(doc);
  if (!parsed.success) {
    throw new InputError(`invalid workload${file ? ` ${file}` : ''}`, issueProblems(parsed.error.issues, file), 'See schemas/workload.schema.json.');
  }
  const workload = normalizeWorkload(parsed.data);
  const problems = checkWorkloadRules(parsed.data, file);
  if (problems.length) throw new InputError(`invalid workload${file ? ` ${file}` : ''}`, problems, 'See schemas/workload.schema.json.');
  return workload;
}

/** Parses workload text (YAML, which includes JSON); YAML syntax errors are reported with their line. */
export function parseWorkloadText(text: string, file?: string): Workload {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    throw new InputError(
      `workload${file ? ` ${file}` : ''} is not valid YAML`,
      doc.errors.map((e) => ({ ...(file ? { file } : {}), path: e.linePos?.[0] ? `line ${e.linePos[0].line}` : '', message: e.message.split('\n')[0] ?? e.message })),
    );
  }
  return parseWorkload(doc.toJS(), file);
}

/** Reads and validates a workload file. Missing or unreadable files are input errors (exit 2). */
export async function loadWorkload(path: string, displayName = path): Promise<Workload> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read workload ${displayName}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseWorkloadText(text, displayName);
}
