import { AppFailure } from '@shared/contract/result';
import type { EntityKind } from '@shared/domain/resolution';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { statement } from '../db/statementCache';
import { TABLE, type MergeSnapshot } from './merge';
import type { Row } from './mergeFields';

interface MergeRow {
  id: number;
  kind: EntityKind;
  kept_id: number;
  merged_id: number;
  candidate_id: number | null;
  score: number | null;
  reasons: string;
  snapshot: string;
  undone_at: string | null;
}

/** Later merges that built on this one (they touched the same records): they come off first. */
function laterMerges(db: Db, merge: MergeRow, snapshot: MergeSnapshot): number[] {
  const involved = [merge.kept_id, merge.merged_id];
  const same = db
    .prepare(
      `SELECT id FROM merges WHERE id > ? AND undone_at IS NULL AND kind = ?
       AND (kept_id IN (?, ?) OR merged_id IN (?, ?))`,
    )
    .pluck()
    .all(merge.id, merge.kind, ...involved, ...involved) as number[];
  if (merge.kind !== 'company' || snapshot.moved.contacts.length === 0) return same;
  const people = snapshot.moved.contacts;
  const contactMerges = db
    .prepare(
      `SELECT id FROM merges WHERE id > ? AND undone_at IS NULL AND kind = 'contact'
       AND (kept_id IN (SELECT value FROM json_each(?)) OR merged_id IN (SELECT value FROM json_each(?)))`,
    )
    .pluck()
    .all(merge.id, JSON.stringify(people), JSON.stringify(people)) as number[];
  return [...same, ...contactMerges].sort((a, b) => a - b);
}

export interface UndoMergeOptions {
  /** Undo the later merges that build on this one first (else refused). */
  cascade?: boolean;
  /**
   * The seller undid this merge (Review page, record page), as opposed to an import being undone
   * with its merges. An undone automatic merge is then remembered as "different" (see below).
   */
  bySeller?: boolean;
}

/**
 * Undoes one merge: both records come back as they were, every row it re-pointed points back, the
 * alternatives it recorded go. A field of the kept record that something changed after the merge
 * (an import, an edit) keeps its newer value. Refused while a later merge builds on this one.
 */
export function undoMerge(db: Db, mergeId: number, clock: Clock, options: UndoMergeOptions = {}): void {
  db.transaction(() => {
    const merge = statement(db, 'SELECT * FROM merges WHERE id = ?').get(mergeId) as MergeRow | undefined;
    if (!merge) throw new AppFailure('not_found', `There is no merge ${mergeId}.`);
    if (merge.undone_at) throw new AppFailure('conflict', `Merge ${mergeId} was already undone.`);
    const snapshot = JSON.parse(merge.snapshot) as MergeSnapshot;
    const later = laterMerges(db, merge, snapshot);
    if (later.length > 0) {
      if (!options.cascade) {
        throw new AppFailure(
          'conflict',
          `Later merge${later.length > 1 ? 's' : ''} ${later.map((i) => `#${i}`).join(', ')} built on this one; undo ${later.length > 1 ? 'them' : 'it'} first.`,
        );
      }
      for (const id of later.reverse()) undoMerge(db, id, clock, { cascade: true });
    }
    const table = TABLE[merge.kind];
    const current = statement(db, `SELECT * FROM ${table} WHERE id = ?`).get(merge.kept_id) as Row;
    const restore: Record<string, unknown> = {};
    for (const [column, before] of Object.entries(snapshot.kept)) {
      if (column === 'id') continue;
      if (current[column] === snapshot.keptAfter[column] && current[column] !== before)
        restore[column] = before;
    }
    if (Object.keys(restore).length > 0) {
      statement(
        db,
        `UPDATE ${table} SET ${Object.keys(restore)
          .map((c) => `${c} = @${c}`)
          .join(', ')} WHERE id = @id`,
      ).run({ ...restore, id: merge.kept_id });
    }
    const merged = snapshot.merged;
    const columns = Object.keys(merged).filter((c) => c !== 'id');
    statement(db, `UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(
      merged,
    );

    const repoint = (sql: string, list: number[]) => {
      const update = statement(db, sql);
      for (const id of list) update.run(merge.merged_id, id);
    };
    const backLink = statement(
      db,
      'UPDATE crm_links SET entity_id = ? WHERE target = ? AND entity_type = ? AND entity_id = ?',
    );
    for (const target of snapshot.moved.crmTargets ?? [])
      backLink.run(merge.merged_id, target, merge.kind, merge.kept_id);
    const backSent = statement(
      db,
      'UPDATE export_sent SET contact_id = ? WHERE target = ? AND contact_id = ?',
    );
    for (const target of snapshot.moved.exportTargets ?? [])
      backSent.run(merge.merged_id, target, merge.kept_id);
    if (merge.kind === 'company') {
      repoint('UPDATE contacts SET company_id = ? WHERE id = ?', snapshot.moved.contacts);
      repoint('UPDATE source_rows SET company_id = ? WHERE id = ?', snapshot.moved.sourceRows);
    } else {
      repoint('UPDATE source_rows SET contact_id = ? WHERE id = ?', snapshot.moved.sourceRows);
      repoint('UPDATE contact_emails SET contact_id = ? WHERE id = ?', snapshot.moved.emails);
      repoint('UPDATE approvals SET contact_id = ? WHERE id = ?', snapshot.moved.approvals);
      repoint('UPDATE outreach_actions SET contact_id = ? WHERE id = ?', snapshot.moved.outreach);
      for (const row of snapshot.droppedEmails) insertRow(db, 'contact_emails', row);
      for (const row of snapshot.droppedScores) insertRow(db, 'scores', row);
    }
    statement(db, 'DELETE FROM field_alternatives WHERE merge_id = ?').run(mergeId);
    const now = clock.now().toISOString();
    statement(db, 'UPDATE merges SET undone_at = ? WHERE id = ?').run(now, mergeId);
    if (merge.candidate_id) {
      // A merge the seller chose in review: undoing takes that decision back, the pair waits again.
      statement(
        db,
        `UPDATE match_candidates SET status = 'pending', decided_at = NULL, decided_by = NULL WHERE id = ?`,
      ).run(merge.candidate_id);
    } else if (options.bySeller) {
      // An automatic merge the seller undid: that is the seller saying "these are not the same".
      // Without remembering it, the next Find duplicates (or import) would merge them again with
      // the same evidence; queueing the pair for review would ask a question already answered.
      // So it becomes a "different" decision, shown with the score it was merged on, and like any
      // decision it can be taken back on the Review page.
      rememberDifferent(db, merge, now);
    }
    recordAudit(
      db,
      {
        action: `${merge.kind}.merge_undone`,
        entityType: merge.kind,
        entityId: merge.kept_id,
        details: { mergeId, restored: merge.merged_id },
      },
      clock,
    );
  })();
}

function rememberDifferent(db: Db, merge: MergeRow, now: string): void {
  const [left, right] =
    merge.kept_id < merge.merged_id ? [merge.kept_id, merge.merged_id] : [merge.merged_id, merge.kept_id];
  statement(
    db,
    `INSERT INTO match_candidates (kind, left_id, right_id, score, reasons, status, created_at, decided_at, decided_by)
     VALUES (?, ?, ?, ?, ?, 'different', ?, ?, 'user')
     ON CONFLICT (kind, left_id, right_id) DO UPDATE SET status = 'different', decided_at = excluded.decided_at, decided_by = 'user'`,
  ).run(merge.kind, left, right, merge.score ?? 0, merge.reasons, now, now);
}

function insertRow(db: Db, table: string, row: Row): void {
  const columns = Object.keys(row);
  statement(
    db,
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  ).run(row);
}
