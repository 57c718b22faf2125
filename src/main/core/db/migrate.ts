import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppFailure } from '@shared/contract/result';
import type { Migration } from './migrations/types';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Brings a database up to the newest schema this build knows, one migration per transaction.
 * Refuses a database written by a newer build (its data would be misread), and a database whose
 * applied migrations no longer match the code (someone edited a shipped migration).
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  target = migrations.length,
): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) {
    throw new AppFailure(
      'database_too_new',
      `This database was written by a newer version of Prospect Desk (schema ${current}; this version knows up to ${latest}). ` +
        'Update Prospect Desk to open it; nothing was changed.',
    );
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL
  ) STRICT`);
  verifyApplied(db, migrations, current);

  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)',
  );
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, sha256(migration.sql), new Date().toISOString());
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

function verifyApplied(db: Database.Database, migrations: readonly Migration[], current: number): void {
  const applied = db.prepare('SELECT version, sha256 FROM schema_migrations').all() as {
    version: number;
    sha256: string;
  }[];
  for (const row of applied) {
    const migration = migrations[row.version - 1];
    if (!migration || row.version > current) continue;
    if (sha256(migration.sql) !== row.sha256) {
      throw new AppFailure(
        'internal',
        `Migration ${row.version} (${migration.name}) differs from the one applied to this database. ` +
          'A shipped migration must never be edited; add a new one instead.',
      );
    }
  }
}
