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

interface SchemaLike {
  readonly def?: { readonly type?: string; readonly innerType?: SchemaLike; readonly element?: SchemaLike; readonly in?: SchemaLike };
  readonly shape?: Readonly<Record<string, SchemaLike>>;
}

function unwrap(s: SchemaLike | undefined): SchemaLike | undefined {
  let cur = s;
  for (let i = 0; i < 10 && cur?.def; i += 1) {
    const t = cur.def.type;
    if ((t === 'optional' || t === 'default' || t === 'nullable' || t === 'readonly') && cur.def.innerType) cur = cur.def.innerType;
    else if (t === 'pipe' && cur.def.in) cur = cur.def.in;
    else break;
  }
  return cur;
}

/** Keys the workload schema allows at a path (for "unknown key" messages), or null. */
export function allowedKeysAt(path: readonly PropertyKey[]): string[] | null {
  let s: SchemaLike | undefined = WorkloadFileSchema as unknown as SchemaLike;
  for (const seg of path) {
    s = unwrap(s);
    s = typeof seg === 'number' ? s?.def?.element : s?.shape?.[String(seg)];
    if (!s) return null;
  }
  s = unwrap(s);
  return s?.shape ? Object.keys(s.shape).filter((k) => k !== '$schema') : null;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) d[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

/** `unknown key` message with the closest allowed key and the list of allowed keys. */
function unknownKeyMessage(key: string, allowed: readonly string[] | null): string {
  if (!allowed?.length) return 'unknown key';
  const near = allowed
    .map((k) => ({ k, d: k.toLowerCase().startsWith(key.toLowerCase().slice(0, 5)) ? Math.min(2, editDistance(key, k)) : editDistance(key, k) }))
    .sort((x, y) => x.d - y.d)[0]!;
  const hint = near.d <= Math.max(2, Math.floor(key.length / 3)) ? `did you mean ${near.k}? ` : '';
  return `unknown key: ${hint}expected one of ${allowed.join(', ')}`;
}

function issueProblems(issues: readonly z.core.$ZodIssue[], file?: string): InputProblem[] {
  return issues.flatMap((i): InputProblem[] => {
    const base = formatIssuePath(i.path);
    if (i.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(i.path);
      return i.keys.map((k) => ({ ...(file ? { file } : {}), path: base ? `${base}.${k}` : k, message: unknownKeyMessage(k, allowed) }));
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
