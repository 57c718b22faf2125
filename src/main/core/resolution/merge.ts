import { AppFailure } from '@shared/contract/result';
import type { EntityKind } from '@shared/domain/resolution';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { statement } from '../db/statementCache';
import { chooseFields, type Row } from './mergeFields';
import { trustOf } from './trust';

export interface MergeOptions {
  automatic: boolean;
  score: number | null;
  reasons: unknown[];
  candidateId?: number | null;
  /** The import that made this merge (undoing the import undoes it). */
  batchId?: number | null;
}

/** Everything a merge changed, so undo can put it back: both records and every row it re-pointed. */
export interface MergeSnapshot {
  kept: Row;
  merged: Row;
  /** The kept record as the merge left it (undo only restores fields nobody changed since). */
  keptAfter: Row;
  moved: {
    contacts: number[];
    sourceRows: number[];
    emails: number[];
    approvals: number[];
    outreach: number[];
    /**
     * CRMs (crm_links targets) and export targets (export_sent) whose record of the merged one
     * became the kept one's, which had none there: without them the kept record would look new to
     * that CRM and be sent again as a second lead. Absent in merges made before they were moved.
     */
    crmTargets?: string[];
    exportTargets?: string[];
  };
  /** Email rows of the merged contact that the kept one already had (removed, restored on undo). */
  droppedEmails: Row[];
  droppedScores: Row[];
}

export const TABLE: Record<EntityKind, 'companies' | 'contacts'> = {
  company: 'companies',
  contact: 'contacts',
};

function load(db: Db, kind: EntityKind, id: number): Row {
  const row = statement(db, `SELECT * FROM ${TABLE[kind]} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new AppFailure('not_found', `There is no ${kind} ${id}.`);
  if (row.merged_into !== null)
    throw new AppFailure('conflict', `${kind} ${id} was already merged into ${String(row.merged_into)}.`);
  return row;
}

function sourceTrust(db: Db, row: Row): number {
  if (row.created_batch_id === null) return trustOf(row.discovery_source === 'import' ? 'other' : 'linkedin');
  return trustOf(
    statement(db, 'SELECT source_kind FROM import_batches WHERE id = ?')
      .pluck()
      .get(row.created_batch_id) as string,
  );
}

const ids = (db: Db, sql: string, id: number) => statement(db, sql).pluck().all(id) as number[];

/**
 * Merges `mergedId` into `keptId`: the kept record takes, group by group, the better value
 * (see chooseFields), keeps the others as alternatives with their source, and takes over every row
 * that pointed at the merged one — its raw source rows, its contacts (a company's people follow
 * it), its emails, approvals and outreach. The merged record stays, marked merged_into, so the
 * merge can be undone on its own. Returns the merge's id.
 */
export function mergeRecords(
  db: Db,
  kind: EntityKind,
  keptId: number,
  mergedId: number,
  options: MergeOptions,
  clock: Clock,
): number {
  if (keptId === mergedId) throw new AppFailure('invalid_input', 'A record cannot be merged into itself.');
  return db.transaction(() => {
    const now = clock.now().toISOString();
    const kept = load(db, kind, keptId);
    const merged = load(db, kind, mergedId);
    // Where each side's values came from, read before the merged record's rows move to the kept one.
    const firstRow = { kept: firstSourceRow(db, kind, keptId), merged: firstSourceRow(db, kind, mergedId) };
    const verified = kind === 'contact' ? emailPreference(db, kept, merged) : () => null;
    const choice = chooseFields(
      kind,
      { row: kept, trust: sourceTrust(db, kept) },
      { row: merged, trust: sourceTrust(db, merged) },
      verified,
    );

    const sources = JSON.parse(kept.field_sources) as Record<string, unknown>;
    const mergedSources = JSON.parse(merged.field_sources) as Record<string, unknown>;
    for (const column of choice.taken) sources[column] = mergedSources[column] ?? { record: mergedId };
    const changes = { ...choice.changes, field_sources: JSON.stringify(sources), updated_at: now };
    statement(
      db,
      `UPDATE ${TABLE[kind]} SET ${Object.keys(changes)
        .map((c) => `${c} = @${c}`)
        .join(', ')} WHERE id = @id`,
    ).run({ ...changes, id: keptId });
    statement(db, `UPDATE ${TABLE[kind]} SET merged_into = ?, updated_at = ? WHERE id = ?`).run(
      keptId,
      now,
      mergedId,
    );

    const moved: MergeSnapshot['moved'] = {
      contacts: [],
      sourceRows: [],
      emails: [],
      approvals: [],
      outreach: [],
    };
    const droppedEmails: Row[] = [];
    const droppedScores: Row[] = [];
    // Where the kept record already has its own CRM record or export, that one stays; the merged
    // record's stays with it (undone with the merge, it is the right one again).
    moved.crmTargets = db
      .prepare(
        `SELECT target FROM crm_links m WHERE entity_type = ? AND entity_id = ?
           AND NOT EXISTS (SELECT 1 FROM crm_links k WHERE k.target = m.target AND k.entity_type = m.entity_type AND k.entity_id = ?)`,
      )
      .pluck()
      .all(kind, mergedId, keptId) as string[];
    const moveLink = statement(
      db,
      'UPDATE crm_links SET entity_id = ? WHERE target = ? AND entity_type = ? AND entity_id = ?',
    );
    for (const target of moved.crmTargets) moveLink.run(keptId, target, kind, mergedId);
    if (kind === 'contact') {
      moved.exportTargets = db
        .prepare(
          `SELECT target FROM export_sent m WHERE contact_id = ?
             AND NOT EXISTS (SELECT 1 FROM export_sent k WHERE k.target = m.target AND k.contact_id = ?)`,
        )
        .pluck()
        .all(mergedId, keptId) as string[];
      const moveSent = statement(
        db,
        'UPDATE export_sent SET contact_id = ? WHERE target = ? AND contact_id = ?',
      );
      for (const target of moved.exportTargets) moveSent.run(keptId, target, mergedId);
    }
    if (kind === 'company') {
      moved.contacts = ids(db, 'SELECT id FROM contacts WHERE company_id = ?', mergedId);
      statement(db, 'UPDATE contacts SET company_id = ? WHERE company_id = ?').run(keptId, mergedId);
      moved.sourceRows = ids(db, 'SELECT id FROM source_rows WHERE company_id = ?', mergedId);
      statement(db, 'UPDATE source_rows SET company_id = ? WHERE company_id = ?').run(keptId, mergedId);
    } else {
      moved.sourceRows = ids(db, 'SELECT id FROM source_rows WHERE contact_id = ?', mergedId);
      statement(db, 'UPDATE source_rows SET contact_id = ? WHERE contact_id = ?').run(keptId, mergedId);
      const duplicates = db
        .prepare(
          'SELECT * FROM contact_emails WHERE contact_id = ? AND email IN (SELECT email FROM contact_emails WHERE contact_id = ?)',
        )
        .all(mergedId, keptId) as Row[];
      for (const row of duplicates) statement(db, 'DELETE FROM contact_emails WHERE id = ?').run(row.id);
      droppedEmails.push(...duplicates);
      moved.emails = ids(db, 'SELECT id FROM contact_emails WHERE contact_id = ?', mergedId);
      statement(db, 'UPDATE contact_emails SET contact_id = ? WHERE contact_id = ?').run(keptId, mergedId);
      moved.approvals = ids(db, 'SELECT id FROM approvals WHERE contact_id = ?', mergedId);
      statement(db, 'UPDATE approvals SET contact_id = ? WHERE contact_id = ?').run(keptId, mergedId);
      moved.outreach = ids(db, 'SELECT id FROM outreach_actions WHERE contact_id = ?', mergedId);
      statement(db, 'UPDATE outreach_actions SET contact_id = ? WHERE contact_id = ?').run(keptId, mergedId);
      // Scores are derived: the kept contact is scored again; the merged one's is set aside.
      droppedScores.push(
        ...(statement(db, 'SELECT * FROM scores WHERE contact_id = ?').all(mergedId) as Row[]),
      );
      statement(db, 'DELETE FROM scores WHERE contact_id = ?').run(mergedId);
    }

    const snapshot: MergeSnapshot = {
      kept,
      merged,
      keptAfter: statement(db, `SELECT * FROM ${TABLE[kind]} WHERE id = ?`).get(keptId) as Row,
      moved,
      droppedEmails,
      droppedScores,
    };
    const mergeId = Number(
      db
        .prepare(
          `INSERT INTO merges (kind, kept_id, merged_id, candidate_id, score, reasons, automatic, snapshot, created_at, batch_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          kind,
          keptId,
          mergedId,
          options.candidateId ?? null,
          options.score,
          JSON.stringify(options.reasons),
          options.automatic ? 1 : 0,
          JSON.stringify(snapshot),
          now,
          options.batchId ?? null,
        ).lastInsertRowid,
    );
    const alternative = statement(
      db,
      `INSERT INTO field_alternatives (entity_type, entity_id, field, value, source_row_id, merge_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const alt of choice.alternatives) {
      alternative.run(kind, keptId, alt.field, alt.value, firstRow[alt.from], mergeId, now);
    }
    if (options.candidateId) {
      statement(
        db,
        `UPDATE match_candidates SET status = 'merged', decided_at = ?, decided_by = ? WHERE id = ?`,
      ).run(now, options.automatic ? 'system' : 'user', options.candidateId);
    }
    recordAudit(
      db,
      {
        action: `${kind}.merged`,
        entityType: kind,
        entityId: keptId,
        actor: options.automatic ? 'system' : 'user',
        details: { merged: mergedId, mergeId, score: options.score },
      },
      clock,
    );
    return mergeId;
  })();
}

/**
 * The first raw row behind a record, to say where an alternative value came from. Read it before
 * the merge moves the merged record's rows to the kept one (after, they would answer for both).
 */
function firstSourceRow(db: Db, kind: EntityKind, id: number): number | null {
  const column = kind === 'company' ? 'company_id' : 'contact_id';
  return (
    (statement(db, `SELECT min(id) FROM source_rows WHERE ${column} = ?`).pluck().get(id) as number | null) ??
    null
  );
}

/** For the email group: a verified address wins over an unverified one. */
function emailPreference(
  db: Db,
  kept: Row,
  merged: Row,
): (group: readonly string[]) => 'kept' | 'merged' | null {
  const status = (contact: number, email: unknown) =>
    email
      ? (statement(db, 'SELECT status FROM contact_emails WHERE contact_id = ? AND email = ?')
          .pluck()
          .get(contact, email) as string | undefined)
      : undefined;
  return (group) => {
    if (group[0] !== 'email') return null;
    const a = status(kept.id, kept.email) === 'verified';
    const b = status(merged.id, merged.email) === 'verified';
    return a === b ? null : b ? 'merged' : 'kept';
  };
}
