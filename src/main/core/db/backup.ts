import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppFailure } from '@shared/contract/result';
import type { Db } from './database';
import { systemClock } from '../clock';
import { recordAudit } from '../audit/audit';

/**
 * The audit entry written into every backup copy (never into the live database): when the snapshot
 * was taken, read back by a restore to know which erasures came after it. A file's name or time
 * can change as it is copied about; this travels inside it.
 */
export const BACKUP_STAMP = 'backup.taken';

export interface BackupResult {
  path: string;
  bytes: number;
  pages: number;
  seconds: number;
  schemaVersion: number;
}

/**
 * Copies the live database to `out` with SQLite's online backup API: a consistent snapshot even
 * while the app keeps writing. The copy is checked before it is reported, and written beside its
 * final name first, so a failed backup never leaves a half-written file under that name.
 */
export async function backupDatabase(
  db: Db,
  out: string,
  options: {
    overwrite?: boolean;
    /** The moment stamped into the copy; taken before the snapshot starts, so never after it. */
    takenAt?: Date;
  } = {},
): Promise<BackupResult> {
  const takenAt = options.takenAt ?? systemClock.now();
  const target = path.resolve(out);
  if (path.resolve(db.name) === target) {
    throw new AppFailure('invalid_input', 'A backup cannot be written over the database it copies.');
  }
  if (fs.existsSync(target) && !options.overwrite) {
    throw new AppFailure('conflict', `${target} already exists; choose a new file name for the backup.`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const started = performance.now();
  try {
    const metrics = await db.backup(partial);
    const pages = metrics.totalPages;
    // A backup is one self-contained file: switch the copy out of WAL mode, so it never needs (or
    // leaves behind) -wal and -shm companions wherever it is copied to.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
      const ours = copy.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'audit_log'`).pluck().get() === 1;
      if (ours) recordAudit(copy, { action: BACKUP_STAMP, actor: 'system' }, { now: () => takenAt });
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok')
        throw new AppFailure('database_corrupt', `The backup failed its check: ${String(check)}`);
      const schemaVersion = copy.pragma('user_version', { simple: true }) as number;
      copy.close();
      fs.renameSync(partial, target);
      return {
        path: target,
        bytes: fs.statSync(target).size,
        pages,
        seconds: (performance.now() - started) / 1000,
        schemaVersion,
      };
    } finally {
      if (copy.open) copy.close();
    }
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
