import { AppFailure } from '@shared/contract/result';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { undoMerge } from '../resolution/undoMerge';
import { rescore } from '../scoring/rescore';
import { readSettings } from '../settings/settingsStore';
import { changedByBatch, pauseSearchSync, reindex } from '../search/searchSync';

export interface UndoReport {
  batchId: number;
  companiesRemoved: number;
  contactsRemoved: number;
  recordsRestored: number;
  rowsRemoved: number;
}

const TABLE = { company: 'companies', contact: 'contacts' } as const;

/** Later imports that built on what this one did: they must be undone first. */
function laterDependents(db: Db, batchId: number): number[] {
  return db
    .prepare(
      `SELECT DISTINCT batch_id FROM (
         SELECT s.batch_id FROM source_rows s
         WHERE s.batch_id > @b AND (s.company_id IN (SELECT id FROM companies WHERE created_batch_id = @b)
                                  OR s.contact_id IN (SELECT id FROM contacts WHERE created_batch_id = @b))
         UNION
         SELECT c.batch_id FROM import_changes c
         WHERE c.batch_id > @b AND (
           (c.entity_type = 'company' AND c.entity_id IN (SELECT id FROM companies WHERE created_batch_id = @b))
           OR (c.entity_type = 'contact' AND c.entity_id IN (SELECT id FROM contacts WHERE created_batch_id = @b))
           OR EXISTS (SELECT 1 FROM import_changes o WHERE o.batch_id = @b AND o.entity_type = c.entity_type AND o.entity_id = c.entity_id))
       ) JOIN import_batches b ON b.id = batch_id WHERE b.status = 'committed' ORDER BY batch_id`,
    )
    .pluck()
    .all({ b: batchId }) as number[];
}

/** Work a seller did on this import's contacts (approvals, outreach, merges) that Undo would erase. */
function sellerWork(db: Db, batchId: number): string[] {
  const count = (sql: string) => db.prepare(sql).pluck().get({ b: batchId }) as number;
  const created = `(SELECT id FROM contacts WHERE created_batch_id = @b)`;
  const found: string[] = [];
  const approvals = count(`SELECT count(*) FROM approvals WHERE contact_id IN ${created}`);
  if (approvals) found.push(`${approvals} approval decision${approvals === 1 ? '' : 's'}`);
  const outreach = count(`SELECT count(*) FROM outreach_actions WHERE contact_id IN ${created}`);
  if (outreach) found.push(`${outreach} outreach action${outreach === 1 ? '' : 's'}`);
  // Merges this import made itself are undone with it; merges made since (by hand, by a
  // "Find duplicates" run) are the seller's work.
  const merges = count(
    `SELECT count(*) FROM merges WHERE undone_at IS NULL AND batch_id IS NOT @b AND (
       (kind = 'company' AND (kept_id IN (SELECT id FROM companies WHERE created_batch_id = @b) OR merged_id IN (SELECT id FROM companies WHERE created_batch_id = @b)))
       OR (kind = 'contact' AND (kept_id IN ${created} OR merged_id IN ${created})))`,
  );
  if (merges) found.push(`${merges} merge${merges === 1 ? '' : 's'}`);
  return found;
}

/**
 * Undoes a whole import in one transaction: restores every record it changed to the state before
 * it, removes every record it created and its raw rows, and marks the batch undone (kept in the
 * history). Refused, with the reason, when later imports or the seller's own work build on it.
 */
export function undoImport(db: Db, batchId: number, clock: Clock): UndoReport {
  const batch = db.prepare('SELECT id, status, file_name FROM import_batches WHERE id = ?').get(batchId) as
    { id: number; status: string; file_name: string } | undefined;
  if (!batch) throw new AppFailure('not_found', `There is no import ${batchId}.`);
  if (batch.status === 'undone')
    throw new AppFailure('conflict', `Import ${batchId} (${batch.file_name}) was already undone.`);
  const later = laterDependents(db, batchId);
  if (later.length > 0) {
    throw new AppFailure(
      'conflict',
      `Later import${later.length > 1 ? 's' : ''} ${later.map((id) => `#${id}`).join(', ')} changed records this one created or changed; undo ${later.length > 1 ? 'them' : 'it'} first.`,
    );
  }
  const work = sellerWork(db, batchId);
  if (work.length > 0) {
    throw new AppFailure(
      'conflict',
      `Records from this import already have ${work.join(', ')}; undoing it would erase them.`,
    );
  }

  return db.transaction((): UndoReport => {
    // What to reindex is read before the import's traces are removed; the triggers rest meanwhile.
    const touched = changedByBatch(db, batchId);
    const created = {
      companies: db
        .prepare('SELECT id FROM companies WHERE created_batch_id = ?')
        .pluck()
        .all(batchId) as number[],
      contacts: db
        .prepare('SELECT id FROM contacts WHERE created_batch_id = ?')
        .pluck()
        .all(batchId) as number[],
    };
    pauseSearchSync(db);
    const ownMerges = db
      .prepare('SELECT id FROM merges WHERE batch_id = ? AND undone_at IS NULL ORDER BY id DESC')
      .pluck()
      .all(batchId) as number[];
    for (const mergeId of ownMerges) undoMerge(db, mergeId, clock);
    const changes = db
      .prepare(
        `SELECT entity_type, entity_id, action, before FROM import_changes WHERE batch_id = ? ORDER BY id DESC`,
      )
      .all(batchId) as {
      entity_type: 'company' | 'contact' | 'contact_email';
      entity_id: number;
      action: string;
      before: string | null;
    }[];
    let restored = 0;
    for (const change of changes) {
      if (change.entity_type === 'contact_email') {
        db.prepare('DELETE FROM contact_emails WHERE id = ?').run(change.entity_id);
        continue;
      }
      if (change.action !== 'update' || change.before === null) continue;
      const before = JSON.parse(change.before) as Record<string, unknown>;
      const columns = Object.keys(before).filter((c) => c !== 'id');
      db.prepare(
        `UPDATE ${TABLE[change.entity_type]} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
      ).run(before);
      restored++;
    }
    // Values it met and did not keep, or replaced, were recorded as alternatives: they go with it.
    db.prepare('DELETE FROM field_alternatives WHERE batch_id = ?').run(batchId);
    const createdContacts = `(SELECT id FROM contacts WHERE created_batch_id = ?)`;
    db.prepare(`DELETE FROM contact_emails WHERE contact_id IN ${createdContacts}`).run(batchId);
    db.prepare(`DELETE FROM scores WHERE contact_id IN ${createdContacts}`).run(batchId);
    const contacts = db.prepare('DELETE FROM contacts WHERE created_batch_id = ?').run(batchId).changes;
    const companies = db.prepare('DELETE FROM companies WHERE created_batch_id = ?').run(batchId).changes;
    const rows = db.prepare('DELETE FROM source_rows WHERE batch_id = ?').run(batchId).changes;
    db.prepare('DELETE FROM import_changes WHERE batch_id = ?').run(batchId);
    // The records it created leave the index; those it changed are indexed as restored.
    reindex(db, {
      companies: [...touched.companies, ...created.companies],
      contacts: [...touched.contacts, ...created.contacts],
    });
    rescore(db, readSettings(db, 'scoring'), clock.now().toISOString());
    db.prepare(`UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?`).run(
      clock.now().toISOString(),
      batchId,
    );
    recordAudit(
      db,
      {
        action: 'import.undone',
        entityType: 'import_batch',
        entityId: batchId,
        details: { file: batch.file_name, companies, contacts, restored },
      },
      clock,
    );
    return {
      batchId,
      companiesRemoved: companies,
      contactsRemoved: contacts,
      recordsRestored: restored,
      rowsRemoved: rows,
    };
  })();
}
