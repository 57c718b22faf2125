import { registerSuppressionFunctions } from '../suppression/suppressions';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppFailure } from '@shared/contract/result';
import { MIGRATIONS } from './migrations';
import { migrate } from './migrate';
import { installSearchTriggers } from '../search/searchTriggers';

const hasSearchIndexes = (db: Db) =>
  db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'companies_fts'`).pluck().get() === 1;

export type Db = Database.Database;

export interface OpenOptions {
  /** Skip migrations (a job worker opens a database the core worker has already migrated). */
  migrate?: boolean;
  readonly?: boolean;
  /** How long a write waits for another connection's transaction before failing with `busy`. */
  busyTimeoutMs?: number;
}

/**
 * Opens (or creates) the app's database with the settings every connection must share: WAL so
 * readers never wait for the writer, foreign keys on, and a busy timeout so a second writer waits
 * briefly instead of failing at once.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (!options.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (error) {
    throw asOpenFailure(file, error);
  }
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // What a delete frees is overwritten with zeros, so an erased person's bytes do not linger in
    // free pages of the file (or the WAL's copies of them). ON rather than FAST: FAST leaves freed
    // overflow pages as they were, and long rows (raw import rows, job results) overflow.
    db.pragma('secure_delete = ON');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    registerSuppressionFunctions(db);
    if (options.migrate !== false && !options.readonly) migrate(db, MIGRATIONS);
    // Search indexes follow every write made through this connection (see searchTriggers.ts).
    if (!options.readonly && hasSearchIndexes(db)) installSearchTriggers(db);
    return db;
  } catch (error) {
    db.close();
    throw asOpenFailure(file, error);
  }
}

function asOpenFailure(file: string, error: unknown): unknown {
  if (error instanceof AppFailure) return error;
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppFailure(
      'database_corrupt',
      `${file} is not a readable Prospect Desk database (${code}). Restore a backup or choose another file; it was not changed.`,
    );
  }
  return error;
}
