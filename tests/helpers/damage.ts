import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Overwrites the middle of a b-tree page of the contacts table with garbage, as a failing disk
 * would: the header stays readable, so the file opens, and only a check (or a query that reads that
 * page) finds the damage.
 */
export function damagePage(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  const page = db
    .prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'contacts'`)
    .pluck()
    .get() as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (page - 1) * size + 8);
  fs.closeSync(fd);
}
