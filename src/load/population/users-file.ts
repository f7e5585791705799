import { readFile } from 'node:fs/promises';
import { InputError, type InputProblem } from '../../errors.js';
import type { TestUser } from '../flow.js';

/**
 * Reads existing users from a file: CSV `username,password[,email]` (an optional header line naming the columns)
 * or JSON Lines `{"username","password","email"?}`. Every problem is reported at once (line numbers, never the
 * password itself).
 */
export async function loadUsersFile(file: string): Promise<TestUser[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read users file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const users: TestUser[] = [];
  const problems: InputProblem[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const where = { file, path: `line ${i + 1}` };
    if (line.length === 0 || line.startsWith('#')) return;
    if (line.startsWith('{')) {
      try {
        const o = JSON.parse(line) as Record<string, unknown>;
        if (typeof o.username !== 'string' || typeof o.password !== 'string' || o.username === '' || o.password === '') {
          problems.push({ ...where, message: 'expected {"username": string, "password": string, "email"?: string}' });
          return;
        }
        users.push({ username: o.username, password: o.password, ...(typeof o.email === 'string' ? { email: o.email } : {}) });
      } catch {
        problems.push({ ...where, message: 'expected a JSON object' });
      }
      return;
    }
    const cols = line.split(',').map((c) => c.trim());
    if (users.length === 0 && problems.length === 0 && cols[0]?.toLowerCase() === 'username') return; // header
    if (cols.length < 2 || !cols[0] || !cols[1]) {
      problems.push({ ...where, message: 'expected username,password[,email]' });
      return;
    }
    users.push({ username: cols[0], password: cols[1], ...(cols[2] ? { email: cols[2] } : {}) });
  });
  if (users.length === 0 && problems.length === 0) problems.push({ file, path: '', message: 'expected at least one user' });
  if (problems.length > 0) throw new InputError(`invalid users file ${file}`, problems);
  return users;
}
