import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { InputError, type InputProblem } from '../errors.js';
import { normalizeScenario } from './normalize-scenario.js';
import type { Scenario } from './scenario.js';
import { checkRawVocabulary, checkScenarioRules, type ScenarioVocabulary } from './scenario-rules.js';
import { scenarioSchema } from './scenario-schema.js';
import { loadScenarioVocabulary } from './scenario-vocabulary.js';
import { zodIssuesToProblems } from './zod-problems.js';

/** Options of {@link loadScenario} and {@link parseScenarioText}. */
export interface LoadScenarioOptions {
  /** Folder relative paths resolve against (default: the scenario file's folder, or cwd for text). */
  readonly baseDir?: string;
  /** Multiplies every phase duration (default 1). */
  readonly durationScale?: number;
  /** Names to check flows, steps, drivers and thresholds against (default: the registries of this build). */
  readonly vocabulary?: ScenarioVocabulary;
}

/**
 * Reads, validates and normalises a scenario file (YAML, or JSON when the name ends in `.json`).
 * Throws {@link InputError} (exit 2) listing every problem with file, field path (and line for YAML) and expectation.
 */
export async function loadScenario(file: string, options: LoadScenarioOptions & { cwd?: string } = {}): Promise<Scenario> {
  const path = resolve(options.cwd ?? process.cwd(), file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read scenario ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, [
      { file, path: '', message: 'expected a readable scenario file (YAML or JSON)' },
    ]);
  }
  return parseScenarioText(text, file, { baseDir: dirname(path), ...options });
}

/** Validates scenario text; `file` names it in messages and decides JSON (`.json`) or YAML (anything else). */
export async function parseScenarioText(text: string, file: string, options: LoadScenarioOptions = {}): Promise<Scenario> {
  const { value, problems: syntax, locate } = parseText(text, file);
  if (syntax.length > 0) throw invalid(file, syntax);
  const vocabulary = options.vocabulary ?? loadScenarioVocabulary();
  const parsed = scenarioSchema.safeParse(value);
  if (!parsed.success) {
    const schemaProblems = zodIssuesToProblems(parsed.error.issues, file);
    const seen = new Set(schemaProblems.map((p) => p.path));
    const nameProblems = checkRawVocabulary(value, vocabulary, file).filter((p) => !seen.has(p.path));
    throw invalid(file, [...schemaProblems, ...nameProblems].map(locate));
  }
  const { scenario, problems } = normalizeScenario(parsed.data, {
    file,
    ...(options.baseDir !== undefined ? { baseDir: options.baseDir } : {}),
    ...(options.durationScale !== undefined ? { durationScale: options.durationScale } : {}),
  });
  const all = [...problems, ...checkScenarioRules(scenario, vocabulary, file)].map(locate);
  if (all.length > 0) throw invalid(file, all);
  return scenario;
}

function invalid(file: string, problems: readonly InputProblem[]): InputError {
  const n = problems.length;
  return new InputError(`invalid scenario ${file}: ${n} problem${n === 1 ? '' : 's'}`, problems, 'The format is in schemas/scenario.schema.json.');
}

interface Parsed {
  readonly value: unknown;
  readonly problems: InputProblem[];
  /** Adds the YAML line of a problem's field (or its nearest existing parent) to the message. */
  readonly locate: (p: InputProblem) => InputProblem;
}

function parseText(text: string, file: string): Parsed {
  if (extname(file).toLowerCase() === '.json') {
    try {
      return { value: JSON.parse(text), problems: [], locate: (p) => p };
    } catch (err) {
      return { value: undefined, problems: [{ file, path: '', message: `expected valid JSON: ${(err as Error).message}` }], locate: (p) => p };
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems: InputProblem[] = doc.errors.map((e) => {
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    return { file, path: '', message: `expected valid YAML${pos ? ` (line ${pos.line}, column ${pos.col})` : ''}: ${e.message.split('\n')[0]}` };
  });
  return { value: problems.length ? undefined : doc.toJS(), problems, locate: (p) => withLine(doc, lineCounter, p) };
}

function withLine(doc: Document, lineCounter: LineCounter, p: InputProblem): InputProblem {
  if (!p.path) return p;
  const keys = p.path.match(/[^.[\]]+/g)?.map((k) => (/^\d+$/.test(k) ? Number(k) : k)) ?? [];
  for (let n = keys.length; n > 0; n--) {
    const node = doc.getIn(keys.slice(0, n), true);
    if (isNode(node) && node.range) {
      const { line } = lineCounter.linePos(node.range[0]);
      return { ...p, message: `${p.message} (line ${line})` };
    }
  }
  return p;
}
