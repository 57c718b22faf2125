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

/**
 * Every `table.column` whose text contains `needle` (case-insensitive), across every table in
 * sqlite_schema (FTS shadow tables included) and every column that can hold text (declared TEXT or
 * untyped); BLOB and number columns are left out.
 */
export function textHits(db: Db, needle: string): string[] {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const hits: string[] = [];
  for (const table of tables) {
    const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string }[];
    for (const column of columns) {
      if (!['TEXT', ''].includes(column.type.toUpperCase())) continue;
      const found = db
        .prepare(
          `SELECT count(*) FROM "${table}" WHERE typeof("${column.name}") = 'text' AND instr(lower("${column.name}"), ?) > 0`,
        )
        .pluck()
        .get(needle.toLowerCase()) as number;
      if (found > 0) hits.push(`${table}.${column.name}`);
    }
  }
  return hits;
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
