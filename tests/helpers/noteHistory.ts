import type { Db } from '../../src/main/core/db/database';

/**
 * A long import history beside a person's records: `rows` raw rows of a notes file, every
 * `every`-th of which mentions `mention` (an address), so an erasure's search has many chunks to
 * go through and finds the person in several of them.
 */
export function seedNoteHistory(db: Db, rows: number, every: number, mention: string): void {
  const batch = Number(
    db
      .prepare(
        `INSERT INTO import_batches (file_name, format, headers, mapping, created_at) VALUES ('notes.csv', 'csv', '["Company","Note"]', '[]', '2025-06-01T00:00:00Z')`,
      )
      .run().lastInsertRowid,
  );
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @rows)
     INSERT INTO source_rows (batch_id, row_number, raw, status)
     SELECT @batch, i, json_array('Company ' || i, CASE WHEN i % @every = 0 THEN @mention ELSE 'note ' || i END), 'skipped' FROM n`,
  ).run({ rows, batch, every, mention });
}
