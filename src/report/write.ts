import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RunResult } from '../metrics/run-result.js';
import type { ReportFormat } from './formats.js';

/**
 * The only module that writes report and result files. Files are written atomically (temporary file, then
 * rename), so a reader never sees half a report.
 */

async function writeAtomic(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, content, 'utf8');
  await rename(tmp, file);
}

/**
 * Renders `result` in each format and writes the files into `outDir` (created when missing).
 * @returns the paths written, in format order
 */
export async function writeReports(result: RunResult, formats: readonly ReportFormat[], outDir: string): Promise<string[]> {
  const paths: string[] = [];
  for (const f of formats) {
    const path = join(outDir, f.fileName);
    await writeAtomic(path, f.render(result));
    paths.push(path);
  }
  return paths;
}

/** Writes a result file (JSON, 2-space indented). @returns the path */
export async function writeResultFile(result: RunResult, file: string): Promise<string> {
  await writeAtomic(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** Writes a text file (e.g. a comparison rendered as Markdown). @returns the path */
export async function writeTextFile(file: string, content: string): Promise<string> {
  await writeAtomic(file, content);
  return file;
}
