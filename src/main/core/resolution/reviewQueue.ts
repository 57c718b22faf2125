import { AppFailure } from '@shared/contract/result';
import type {
  EntityKind,
  RecordView,
  ReviewDecision,
  ReviewPair,
  ReviewQueueView,
} from '@shared/domain/resolution';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { mergeRecords, TABLE } from './merge';

const SHOWN: Record<EntityKind, readonly string[]> = {
  company: [
    'name',
    'address',
    'city',
    'state',
    'zip',
    'phone',
    'domain',
    'website',
    'license_number',
    'license_status',
    'industry',
    'employee_count',
  ],
  contact: [
    'full_name',
    'title',
    'email',
    'linkedin_url',
    'phone',
    'company',
    'city',
    'state',
    'connected_on',
  ],
};

interface CandidateRow {
  id: number;
  kind: EntityKind;
  left_id: number;
  right_id: number;
  score: number;
  reasons: string;
  status: ReviewPair['status'];
}

function recordView(db: Db, kind: EntityKind, id: number): RecordView | null {
  const row = (
    kind === 'company'
      ? db.prepare('SELECT * FROM companies WHERE id = ? AND merged_into IS NULL').get(id)
      : db
          .prepare(
            'SELECT c.*, co.name AS company FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.id = ? AND c.merged_into IS NULL',
          )
          .get(id)
  ) as Record<string, string | number | null> | undefined;
  if (!row) return null;
  const fields: RecordView['fields'] = {};
  for (const f of SHOWN[kind]) fields[f] = row[f] ?? null;
  const column = kind === 'company' ? 'company_id' : 'contact_id';
  const sources = (
    db
      .prepare(
        `SELECT b.file_name, s.row_number FROM source_rows s JOIN import_batches b ON b.id = s.batch_id
         WHERE s.${column} = ? ORDER BY s.id LIMIT 4`,
      )
      .all(id) as { file_name: string; row_number: number }[]
  ).map((s) => `${s.file_name} row ${s.row_number}`);
  const inCrm = row.crm_id ? { source: String(row.crm_source ?? 'crm'), id: String(row.crm_id) } : null;
  return { id, fields, sources, inCrm };
}

function toPair(db: Db, row: CandidateRow): ReviewPair | null {
  const left = recordView(db, row.kind, row.left_id);
  const right = recordView(db, row.kind, row.right_id);
  // A pair whose record has since been merged away is no longer a question.
  if (!left || !right) return null;
  const differing = SHOWN[row.kind].filter((f) => {
    const a = left.fields[f];
    const b = right.fields[f];
    return a !== null && b !== null && String(a).toLowerCase() !== String(b).toLowerCase();
  });
  return {
    id: row.id,
    kind: row.kind,
    score: row.score,
    reasons: JSON.parse(row.reasons) as ReviewPair['reasons'],
    left,
    right,
    differing,
    status: row.status,
  };
}

const STANDING = `NOT EXISTS (SELECT 1 FROM companies x WHERE m.kind = 'company' AND x.id IN (m.left_id, m.right_id) AND x.merged_into IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM contacts x WHERE m.kind = 'contact' AND x.id IN (m.left_id, m.right_id) AND x.merged_into IS NOT NULL)`;

/** How many pairs wait for the seller (the number on the Review tab). */
export function pendingCount(db: Db): number {
  return db
    .prepare(`SELECT count(*) FROM match_candidates m WHERE status = 'pending' AND ${STANDING}`)
    .pluck()
    .get() as number;
}

/** The queue: strongest first; `status` picks the pending ones or those skipped for later. */
export function reviewQueue(
  db: Db,
  options: { status?: 'pending' | 'skipped'; limit?: number; kind?: EntityKind } = {},
): ReviewQueueView {
  const status = options.status ?? 'pending';
  const rows = db
    .prepare(
      `SELECT * FROM match_candidates m WHERE status = ? ${options.kind ? 'AND kind = ?' : ''} AND ${STANDING}
       ORDER BY score DESC, id LIMIT ?`,
    )
    .all(...[status, ...(options.kind ? [options.kind] : []), options.limit ?? 50]) as CandidateRow[];
  const skipped = db
    .prepare(`SELECT count(*) FROM match_candidates m WHERE status = 'skipped' AND ${STANDING}`)
    .pluck()
    .get() as number;
  return {
    pending: pendingCount(db),
    skipped,
    pairs: rows.map((r) => toPair(db, r)).filter((p): p is ReviewPair => p !== null),
  };
}

/**
 * The seller's decision on one pair: merge them (undoable), call them different (never merged
 * automatically again), or skip for now. Returns the merge's id when one was made.
 */
export function decide(
  db: Db,
  candidateId: number,
  decision: ReviewDecision,
  clock: Clock,
): { mergeId: number | null } {
  const row = db.prepare('SELECT * FROM match_candidates WHERE id = ?').get(candidateId) as
    CandidateRow | undefined;
  if (!row) throw new AppFailure('not_found', `There is no review pair ${candidateId}.`);
  if (row.status !== 'pending' && row.status !== 'skipped')
    throw new AppFailure('conflict', `Pair ${candidateId} was already decided (${row.status}).`);
  const now = clock.now().toISOString();
  if (decision === 'merge') {
    // The older record stays: its id is the one CRM links and outreach history point to.
    const mergeId = mergeRecords(
      db,
      row.kind,
      row.left_id,
      row.right_id,
      { automatic: false, score: row.score, reasons: JSON.parse(row.reasons) as unknown[], candidateId },
      clock,
    );
    return { mergeId };
  }
  db.prepare(`UPDATE match_candidates SET status = ?, decided_at = ?, decided_by = 'user' WHERE id = ?`).run(
    decision === 'different' ? 'different' : 'skipped',
    now,
    candidateId,
  );
  recordAudit(
    db,
    {
      action: `review.${decision}`,
      entityType: row.kind,
      entityId: row.left_id,
      details: { candidate: candidateId, other: row.right_id },
    },
    clock,
  );
  return { mergeId: null };
}

/** Takes back a "different" or "skip" decision: the pair waits in the queue again. */
export function reopen(db: Db, candidateId: number, clock: Clock): void {
  const { changes } = db
    .prepare(
      `UPDATE match_candidates SET status = 'pending', decided_at = NULL, decided_by = NULL WHERE id = ? AND status IN ('different', 'skipped')`,
    )
    .run(candidateId);
  if (changes === 0) throw new AppFailure('conflict', `Pair ${candidateId} has no decision to take back.`);
  recordAudit(db, { action: 'review.reopened', details: { candidate: candidateId } }, clock);
}

/** Merges every pending pair at or above a score, one merge each (each undoable on its own). */
export function acceptAbove(db: Db, minScore: number, clock: Clock, kind?: EntityKind): number {
  return db.transaction(() => {
    const rows = db
      .prepare(
        `SELECT id FROM match_candidates m WHERE status = 'pending' AND score >= ? ${kind ? 'AND kind = ?' : ''} AND ${STANDING} ORDER BY score DESC, id`,
      )
      .pluck()
      .all(...[minScore, ...(kind ? [kind] : [])]) as number[];
    let merged = 0;
    for (const id of rows) {
      // An earlier merge in this run may have taken one of this pair's records already.
      const row = db
        .prepare('SELECT kind, left_id, right_id FROM match_candidates WHERE id = ?')
        .get(id) as CandidateRow;
      const standing = db
        .prepare(`SELECT count(*) FROM ${TABLE[row.kind]} WHERE id IN (?, ?) AND merged_into IS NULL`)
        .pluck()
        .get(row.left_id, row.right_id);
      if (standing !== 2) continue;
      decide(db, id, 'merge', clock);
      merged++;
    }
    return merged;
  })();
}
