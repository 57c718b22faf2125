import type { Db } from '../../src/main/core/db/database';

/** Every table of the schema (FTS indexes by their visible columns), for comparing two databases. */
export function tableNames(db: Db): string[] {
  return db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE '%_fts_%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
}

/** Every row of every table, in rowid order: two databases with equal dumps hold the same data. */
export function dumpTables(db: Db, except: Record<string, string> = {}): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of tableNames(db)) {
    const where = except[table] ? `WHERE NOT (${except[table]})` : '';
    // WITHOUT ROWID tables have no rowid: their primary key orders them.
    const rowid = db
      .prepare(`SELECT 1 FROM sqlite_schema WHERE name = ? AND sql LIKE '%WITHOUT ROWID%'`)
      .get(table)
      ? ''
      : 'rowid AS _rowid, ';
    const order = rowid ? 'ORDER BY rowid' : 'ORDER BY 1, 2';
    out[table] = db.prepare(`SELECT ${rowid}* FROM "${table}" ${where} ${order}`).all();
  }
  return out;
}

/** A clock the test moves by hand. */
export function handClock(start: string) {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set: (iso: string) => void (t = Date.parse(iso)),
    advance: (ms: number) => void (t += ms),
  };
}
