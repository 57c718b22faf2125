import type { ExportHistoryEntry, ExportHistoryItem } from '@shared/domain/export';
import type { Db } from '../db/database';

/**
 * Each contact's fingerprint as last sent to this target. "Only new or changed since the last
 * export" keeps the contacts whose fingerprint differs or who never went.
 */
export function lastSentHashes(db: Db, target: string): Map<number, string> {
  const rows = db
    .prepare('SELECT contact_id, data_hash FROM export_sent WHERE target = ?')
    .raw()
    .all(target) as [number, string][];
  return new Map(rows);
}

export interface NewExport {
  target: string;
  scope: string;
  filePath: string | null;
  sha256: string | null;
  rows: number;
  createdAt: string;
  details: Record<string, unknown>;
}

/**
 * Records an export and what went in it. Call inside the transaction that finishes the export.
 * A file export also becomes what its target has now: `newlySent` are the items whose fingerprint
 * the target did not have yet (all of them when not given); the others are already in export_sent.
 */
export function recordExport(
  db: Db,
  entry: NewExport,
  items: Iterable<{ contactId: number; hash: string }>,
  newlySent?: Iterable<{ contactId: number; hash: string }>,
): number {
  const id = Number(
    db
      .prepare(
        'INSERT INTO exports (target, scope, file_path, file_sha256, rows, created_at, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        entry.target,
        entry.scope,
        entry.filePath,
        entry.sha256,
        entry.rows,
        entry.createdAt,
        JSON.stringify(entry.details),
      ).lastInsertRowid,
  );
  addExportItems(db, id, items);
  if (entry.filePath !== null) markSent(db, entry.target, id, newlySent ?? items);
  return id;
}

const idOrder = (items: Iterable<{ contactId: number; hash: string }>): string =>
  // In id order: the indexes then grow at one end instead of being touched all over, which makes
  // recording a big export several times faster once the history is large.
  JSON.stringify(Array.from(items, (i) => [i.contactId, i.hash] as const).sort((a, b) => a[0] - b[0]));

/**
 * Adds what an export held to its history. One statement over a JSON array: a 100,000-row export
 * is recorded in a fraction of a second.
 */
export function addExportItems(
  db: Db,
  exportId: number,
  items: Iterable<{ contactId: number; hash: string }>,
): void {
  db.prepare(
    `INSERT INTO export_items (export_id, entity_type, entity_id, data_hash)
     SELECT ?, 'contact', j.value ->> 0, j.value ->> 1 FROM json_each(?) j WHERE true
     ON CONFLICT (export_id, entity_type, entity_id) DO UPDATE SET data_hash = excluded.data_hash`,
  ).run(exportId, idOrder(items));
}

/**
 * Makes these fingerprints what the target has now. `export_id` is the export that first sent each
 * one: re-sending a record unchanged writes nothing here (export_items still says it went again).
 */
function markSent(
  db: Db,
  target: string,
  exportId: number,
  items: Iterable<{ contactId: number; hash: string }>,
): void {
  db.prepare(
    `INSERT INTO export_sent (target, contact_id, data_hash, export_id)
     SELECT ?, j.value ->> 0, j.value ->> 1, ? FROM json_each(?) j WHERE true
     ON CONFLICT (target, contact_id) DO UPDATE SET data_hash = excluded.data_hash, export_id = excluded.export_id`,
  ).run(target, exportId, idOrder(items));
}

interface ExportRow {
  id: number;
  target: string;
  scope: string;
  file_path: string | null;
  file_sha256: string | null;
  rows: number;
  created_at: string;
  details: string;
}

export function exportHistory(db: Db, limit: number): ExportHistoryEntry[] {
  return (db.prepare('SELECT * FROM exports ORDER BY id DESC LIMIT ?').all(limit) as ExportRow[]).map(
    (r) => ({
      id: r.id,
      target: r.target,
      scope: r.scope,
      filePath: r.file_path,
      sha256: r.file_sha256,
      rows: r.rows,
      createdAt: r.created_at,
      details: JSON.parse(r.details) as Record<string, unknown>,
    }),
  );
}

/** The people one export held, by name. */
export function exportItems(db: Db, exportId: number, limit: number): ExportHistoryItem[] {
  return db
    .prepare(
      `SELECT c.id AS contactId, c.full_name AS fullName, co.name AS companyName
       FROM export_items ei JOIN contacts c ON c.id = ei.entity_id LEFT JOIN companies co ON co.id = c.company_id
       WHERE ei.export_id = ? AND ei.entity_type = 'contact' ORDER BY c.full_name COLLATE NOCASE, c.id LIMIT ?`,
    )
    .all(exportId, limit) as ExportHistoryItem[];
}
