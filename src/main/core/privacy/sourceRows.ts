import { IMPORT_FIELDS } from '@shared/domain/import/fields';
import type { ColumnMapping } from '@shared/domain/import/types';
import type { Db } from '../db/database';
import { splitEmails } from '../normalize/email';
import { linkedinKey } from '../normalize/linkedin';
import { mentions, type Identifiers } from './people';

/** Fields that describe a person rather than a company: their cells go when the person is erased. */
const PERSON_FIELDS = new Set<string>(IMPORT_FIELDS.filter((f) => f.target === 'contact').map((f) => f.id));

/** Whether one cell names the person: one of their addresses, or their LinkedIn profile. */
function cellNames(cell: string, ids: Identifiers): boolean {
  if (cell.includes('@')) {
    for (const email of splitEmails(cell).valid) if (ids.emails.has(email)) return true;
  }
  if (/linkedin\.com\//i.test(cell)) {
    const key = linkedinKey(cell);
    if (key && ids.linkedinKeys.has(key)) return true;
  }
  return false;
}

/**
 * Blanks the person out of the raw import rows. A row that belonged to one of their records (or
 * to no record: skipped as a repeat, flagged) and names them loses every cell mapped to a person
 * field (name, title, email, LinkedIn, phone…) and keeps its company cells, so the company's
 * provenance still holds. A row of another contact that happens to carry one of their addresses
 * loses that cell only. Returns how many rows changed.
 *
 * What this costs: the file as imported can no longer be rebuilt from the database, and the
 * person's fields in those rows read as empty. Undoing the import still works (it removes what is
 * left of the rows); it cannot bring the person back, which is the point.
 *
 * `onChunk` hears how many rows each chunk of the search read (the bulk of an erasure's time on a
 * big import history), so a job can report progress and stop between chunks by throwing.
 */
export function redactSourceRows(
  db: Db,
  recordIds: readonly number[],
  ids: Identifiers,
  onChunk?: (rows: number) => void,
): number {
  const records = new Set(recordIds);
  const batchColumns = new Map<number, Columns>();
  const columnsOf = (batchId: number): Columns => {
    let columns = batchColumns.get(batchId);
    if (!columns) {
      const mapping = JSON.parse(
        (db.prepare('SELECT mapping FROM import_batches WHERE id = ?').pluck().get(batchId) as string) ??
          '[]',
      ) as ColumnMapping[];
      const of = (wanted: (field: string) => boolean) =>
        new Set(mapping.filter((m) => m.field && wanted(m.field)).map((m) => m.column));
      columns = { person: of((f) => PERSON_FIELDS.has(f)), company: of((f) => !PERSON_FIELDS.has(f)) };
      batchColumns.set(batchId, columns);
    }
    return columns;
  };
  const update = db.prepare(`UPDATE source_rows SET raw = ? WHERE id = ?`);
  const recordJson = JSON.stringify(recordIds);
  let changed = 0;
  const redact = (row: SourceRow, linked: boolean) => {
    const cells = JSON.parse(row.raw) as string[];
    const own = linked || row.contact_id === null;
    const columns = own ? columnsOf(row.batch_id) : null;
    let touched = false;
    const out = cells.map((cell, column) => {
      if (cell === '') return cell;
      // In their own rows, an unmapped cell that names them ("spoke to Jane Roe") goes too;
      // company cells stay even when the company bears their name.
      const named =
        columns !== null &&
        !columns.company.has(column) &&
        (columns.person.has(column) || mentions(cell, ids));
      if (named || cellNames(cell, ids)) {
        touched = true;
        return '';
      }
      return cell;
    });
    if (touched) update.run(JSON.stringify(out), row.id);
    if (touched || linked) changed++;
  };

  const linkedRows = db
    .prepare(
      `SELECT id, batch_id, raw, contact_id FROM source_rows WHERE contact_id IN (SELECT value FROM json_each(?))`,
    )
    .all(recordJson) as SourceRow[];
  const done = new Set<number>();
  for (const row of linkedRows) {
    redact(row, true);
    done.add(row.id);
  }
  // Their rows point at no record any more (one statement: the id list is read once).
  db.prepare(
    `UPDATE source_rows SET contact_id = NULL WHERE contact_id IN (SELECT value FROM json_each(?))`,
  ).run(recordJson);
  // Rows that name them without pointing at their records: read in chunks, each chunk whole
  // before anything is written (a connection cannot write while it iterates).
  if (ids.emails.size + ids.linkedinKeys.size === 0) return changed;
  const chunk = db.prepare(
    'SELECT id, batch_id, raw, contact_id FROM source_rows WHERE id > ? ORDER BY id LIMIT 5000',
  );
  let after = 0;
  for (;;) {
    const rows = chunk.all(after) as SourceRow[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    for (const row of rows) {
      if (done.has(row.id) || (row.contact_id !== null && records.has(row.contact_id))) continue;
      // A cheap test on the row's text before its cells are parsed.
      if (!mentions(row.raw, ids, false)) continue;
      redact(row, false);
    }
    onChunk?.(rows.length);
  }
  return changed;
}

interface Columns {
  person: Set<number>;
  company: Set<number>;
}

interface SourceRow {
  id: number;
  batch_id: number;
  raw: string;
  contact_id: number | null;
}
