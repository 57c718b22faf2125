import path from 'node:path';
import { openDatabase, type Db } from '../../src/main/core/db/database';
import { runImport } from '../../src/main/core/import/runImport';
import type { ImportOptions } from '../../src/shared/domain/import/types';
import { systemClock, type Clock } from '../../src/main/core/clock';
import { tempDir } from './paths';

/** A fresh database file in a temp folder. */
export function freshDb(): { db: Db; dir: string; file: string; cleanup(): void } {
  const tmp = tempDir();
  const file = path.join(tmp.dir, 'test.db');
  const db = openDatabase(file);
  return {
    db,
    dir: tmp.dir,
    file,
    cleanup() {
      if (db.open) db.close();
      tmp.cleanup();
    },
  };
}

/** Runs an import in-process, as the CLI does. */
export function importFile(
  db: Db,
  options: ImportOptions,
  clock: Clock = systemClock,
  cancelAfterRows?: number,
) {
  let done = 0;
  return runImport(
    {
      db,
      clock,
      progress: (n) => (done = n),
      throwIfCancelled: () => {
        if (cancelAfterRows !== undefined && done >= cancelAfterRows) throw new Error('cancelled by test');
      },
    },
    options,
  );
}

export const count = (db: Db, table: string, where = '1') =>
  db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
