import type { z } from 'zod';
import type { InputProblem } from '../errors.js';

/** Formats a zod issue path as `phases[2].rate`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Turns zod issues into problems with field paths; unknown keys get one problem each, at their own path. */
export function zodIssuesToProblems(issues: readonly z.core.$ZodIssue[], file?: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const f = file ? { file } : {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ ...f, path: formatFieldPath([...issue.path, key]), message: 'unknown key (not part of the format; check the spelling)' });
      }
      continue;
    }
    let message = issue.message;
    if (issue.code === 'invalid_type' && message.startsWith('Invalid input: expected') && message.endsWith('received undefined')) {
      message = `missing required field (${message.slice('Invalid input: '.length, message.indexOf(', received'))})`;
    }
    problems.push({ ...f, path: formatFieldPath(issue.path), message });
  }
  return problems;
}
