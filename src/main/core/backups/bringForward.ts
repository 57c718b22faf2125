import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { erasePeople } from '../privacy/erase';
import { personRecords } from '../privacy/people';

/**
 * What a restore must not take back. A backup is the database as it was; but some of what happened
 * since is a promise to someone outside the app, and restoring an older backup must keep it:
 * - erasures: a person asked to be forgotten stays forgotten;
 * - the do-not-contact list: an address put on it stays on it (a removal since is not replayed:
 *   keeping someone on the list a little longer is the safe way to be wrong);
 * - the quota ledger: invites, InMails and credits already spent stay spent, so a restore never
 *   opens room to pass a quota.
 * These are read from the database being replaced and written into the restored copy before it
 * takes its place, so the swap brings them in the same transaction.
 */
export interface SinceBackup {
  /** Contact ids erased since the backup was taken (the records merged into them too). */
  erased: number[];
  suppressions: SuppressionRow[];
  ledger: LedgerRow[];
}

export interface CarriedCounts {
  /** People erased again in the restored database. */
  erasuresReapplied: number;
  /** Do-not-contact entries the backup did not have, added. */
  suppressionsCarried: number;
  /** Quota ledger entries (units spent, refunds, LinkedIn limit notices, Hunter's own count) added. */
  quotaEntriesCarried: number;
}

interface SuppressionRow {
  kind: string;
  value: string;
  reason: string | null;
  created_at: string;
}

type LedgerRow = Record<string, unknown> & { id: number; quota: string; at: string };

/**
 * Contacts erased since `since`, read from an audit log: each erasure's entry names the person's
 * id and, since erasures record them, every record merged into the person (a backup taken before
 * the merge holds them as people of their own). With no time known (a backup with no audit entry
 * at all), every erasure counts. Ids are safe to reuse here: a person erased after the backup was
 * taken had that id in the backup.
 */
export function erasedSince(db: Db, since: string | null): number[] {
  const ids = new Set<number>();
  const add = (values: unknown) => {
    if (Array.isArray(values)) for (const id of values) if (typeof id === 'number') ids.add(id);
  };
  const rows = db
    .prepare(
      `SELECT action, entity_id, details FROM audit_log
       WHERE action IN ('person.erased', 'privacy.retention_purged') AND at >= ?`,
    )
    .all(since ?? '') as { action: string; entity_id: number | null; details: string }[];
  for (const row of rows) {
    if (row.entity_id !== null && row.action === 'person.erased') ids.add(row.entity_id);
    const details = parseDetails(row.details);
    add(details.ids);
    add(details.records);
  }
  return [...ids].sort((a, b) => a - b);
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Reads from the database being replaced what the restored one must keep. */
export function readSinceBackup(live: Db, takenAt: string | null): SinceBackup {
  return {
    erased: erasedSince(live, takenAt),
    suppressions: live
      .prepare('SELECT kind, value, reason, created_at FROM suppressions ORDER BY id')
      .all() as SuppressionRow[],
    ledger: live.prepare('SELECT * FROM quota_ledger ORDER BY id').all() as LedgerRow[],
  };
}

/** Writes into the restored copy, in one transaction, what `readSinceBackup` found. */
export function applySinceBackup(copy: Db, since: SinceBackup, clock: Clock): CarriedCounts {
  return copy.transaction(() => ({
    erasuresReapplied: eraseAgain(copy, since.erased, clock),
    suppressionsCarried: carrySuppressions(copy, since.suppressions),
    quotaEntriesCarried: carryLedger(copy, since.ledger),
  }))();
}

/** Erases again the people erased since the backup; a record merged since is a person here. */
function eraseAgain(db: Db, ids: number[], clock: Clock): number {
  if (ids.length === 0) return 0;
  const roots = new Set<number>();
  for (const id of ids) {
    try {
      roots.add(personRecords(db, id)[0]!);
    } catch {
      // not in this backup (added after it was taken, or already erased in it): nothing to erase
    }
  }
  if (roots.size > 0) erasePeople(db, [...roots], clock, { actor: 'system' });
  return roots.size;
}

/** Entries the backup lacks are added as they were (kind and value are the list's key). */
function carrySuppressions(db: Db, rows: SuppressionRow[]): number {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO suppressions (kind, value, reason, created_at) VALUES (?, ?, ?, ?)',
  );
  let added = 0;
  for (const row of rows) added += insert.run(row.kind, row.value, row.reason, row.created_at).changes;
  return added;
}

/**
 * Ledger rows are never deleted, so a row of the replaced database that the backup does not hold
 * (same id, quota and time) was booked after it: it is added with its units, outcome and note (a
 * Hunter credit's note is what stops the same search being paid twice). Its link to an outreach
 * action or contact is dropped: those ids mean nothing, or someone else, in the restored database.
 * Its id is kept when free, else a new one is given.
 */
function carryLedger(db: Db, rows: LedgerRow[]): number {
  if (rows.length === 0) return 0;
  const columns = (
    db.prepare(`SELECT name FROM pragma_table_info('quota_ledger')`).pluck().all() as string[]
  ).filter((c) => c in rows[0]!);
  const held = db.prepare('SELECT 1 FROM quota_ledger WHERE id = ? AND quota = ? AND at = ?').pluck();
  const taken = db.prepare('SELECT 1 FROM quota_ledger WHERE id = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO quota_ledger (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  let added = 0;
  for (const row of rows) {
    if (held.get(row.id, row.quota, row.at)) continue;
    const values: Record<string, unknown> = {};
    for (const column of columns) values[column] = row[column];
    values.ref_type = null;
    values.ref_id = null;
    if (taken.get(row.id)) values.id = null;
    insert.run(values);
    added++;
  }
  return added;
}
