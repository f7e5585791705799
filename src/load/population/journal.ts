import { constants } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { InputError } from '../../errors.js';

/** Where the journalled users live (no secrets: never a client secret, password or token). */
export interface JournalTarget {
  readonly kind: 'embedded' | 'emulator' | 'aws';
  readonly region: string;
  readonly userPoolId: string;
  /** Endpoint URL for emulator targets. */
  readonly endpoint?: string;
}

/** First line of a journal. */
export interface JournalHeader {
  readonly type: 'header';
  readonly version: 1;
  readonly runId: string;
  readonly createdAt: string;
  readonly target: JournalTarget;
}

/** A user about to be created (written and fsync'd before the create call). */
export interface JournalUser {
  readonly type: 'user';
  readonly username: string;
  readonly email?: string;
  /** `seed` (population) or `fresh` (sign-up and first-sign-in flows). */
  readonly origin: 'seed' | 'fresh';
}

/** A user that cleanup deleted (or found already gone). */
export interface JournalDeleted {
  readonly type: 'deleted';
  readonly username: string;
}

/** One line of a journal. */
export type JournalRecord = JournalHeader | JournalUser | JournalDeleted;

/** File mode of journals: owner read/write only. */
export const JOURNAL_FILE_MODE = 0o600;

/**
 * An append-only JSON Lines journal of the users a run creates, so that cleanup can delete exactly them, also after
 * a crash. Each `append` resolves once its lines are written and fsync'd; concurrent appends share one fsync
 * (group commit). The file is created with mode 0600 (and re-chmodded when it existed).
 */
export class Journal {
  private queue: { lines: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing = false;
  private closed = false;

  private constructor(
    private readonly fh: FileHandle,
    /** Path of the journal file. */
    readonly path: string,
  ) {}

  /**
   * Opens (creating with mode 0600, or appending to) a journal. A new file gets `header` as its first line; an
   * existing one keeps its own header.
   */
  static async open(path: string, header: Omit<JournalHeader, 'type' | 'version'>): Promise<Journal> {
    const fh = await open(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, JOURNAL_FILE_MODE);
    await fh.chmod(JOURNAL_FILE_MODE);
    const journal = new Journal(fh, path);
    const { size } = await fh.stat();
    if (size === 0) {
      await journal.append([{ type: 'header', version: 1, ...header }]);
      return journal;
    }
    let existing: JournalHeader | undefined;
    try {
      existing = (await readJournal(path)).header;
    } catch (err) {
      await fh.close();
      throw err;
    }
    const a = existing.target;
    const b = header.target;
    if (a.userPoolId !== b.userPoolId || a.region !== b.region || (a.endpoint ?? '') !== (b.endpoint ?? '')) {
      await fh.close();
      throw new InputError(
        `journal ${path} belongs to another target (${a.userPoolId} at ${a.endpoint ?? a.region})`,
        [],
        'use a new journal file for each target',
      );
    }
    return journal;
  }

  /** Appends records; resolves once they are on disk (written and fsync'd). */
  append(records: readonly JournalRecord[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`journal ${this.path} is closed`));
    if (records.length === 0) return Promise.resolve();
    const lines = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ lines, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        await this.fh.write(batch.map((b) => b.lines).join(''));
        await this.fh.sync();
        for (const b of batch) b.resolve();
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
    this.flushing = false;
  }

  /** Waits for pending appends, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    while (this.flushing || this.queue.length > 0) await new Promise((r) => setTimeout(r, 1));
    this.closed = true;
    await this.fh.close();
  }
}

/** A journal's content as cleanup sees it. */
export interface JournalContent {
  readonly header: JournalHeader;
  /** Journalled usernames in order (each once). */
  readonly users: readonly string[];
  /** Usernames already deleted (or found gone). */
  readonly deleted: ReadonlySet<string>;
  /** Lines that could not be parsed (a torn last line after a crash is expected and ignored). */
  readonly skippedLines: number;
}

/**
 * Reads a journal. A torn (unparseable) last line, as a crash mid-write leaves, is ignored; a missing or invalid
 * header is an {@link InputError}.
 */
export async function readJournal(path: string): Promise<JournalContent> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read journal ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const lines = text.split('\n').filter((l) => l.trim().length > 0);
  let header: JournalHeader | undefined;
  const users: string[] = [];
  const seen = new Set<string>();
  const deleted = new Set<string>();
  let skippedLines = 0;
  lines.forEach((line, i) => {
    let rec: JournalRecord;
    try {
      rec = JSON.parse(line) as JournalRecord;
    } catch {
      skippedLines += 1;
      if (i < lines.length - 1) {
        throw new InputError(`journal ${path} is corrupt`, [{ file: path, path: `line ${i + 1}`, message: 'expected a JSON object' }]);
      }
      return;
    }
    if (rec.type === 'header') header ??= rec;
    else if (rec.type === 'user' && typeof rec.username === 'string') {
      if (!seen.has(rec.username)) {
        seen.add(rec.username);
        users.push(rec.username);
      }
    } else if (rec.type === 'deleted' && typeof rec.username === 'string') deleted.add(rec.username);
  });
  if (!header || header.version !== 1 || !header.target?.userPoolId) {
    throw new InputError(`journal ${path} has no valid header`, [{ file: path, path: 'line 1', message: 'expected a cogcap journal header (type "header", version 1)' }]);
  }
  return { header, users, deleted, skippedLines };
}
