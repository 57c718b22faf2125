import type { EntityKind } from '@shared/domain/resolution';
import type { MatchReason } from '../dedupe/score';
import type { Db } from '../db/database';
import { statement } from '../db/statementCache';
import type { StoredScorer } from './storedScorer';

/**
 * Puts a doubtful pair in the review queue. A pair already waiting gets its new score; a pair the
 * seller already decided (merged, different, skipped) is left as decided: finding it again is
 * not news. Returns whether the pair is new to the queue.
 */
export function queueForReview(
  db: Db,
  kind: EntityKind,
  a: number,
  b: number,
  score: number,
  reasons: readonly MatchReason[],
  now: string,
): boolean {
  const [left, right] = a < b ? [a, b] : [b, a];
  const status = db
    .prepare('SELECT status FROM match_candidates WHERE kind = ? AND left_id = ? AND right_id = ?')
    .pluck()
    .get(kind, left, right) as string | undefined;
  if (status === undefined) {
    db.prepare(
      `INSERT INTO match_candidates (kind, left_id, right_id, score, reasons, status, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
    ).run(kind, left, right, score, JSON.stringify(reasons), now);
    return true;
  }
  if (status === 'pending') {
    db.prepare(
      'UPDATE match_candidates SET score = ?, reasons = ? WHERE kind = ? AND left_id = ? AND right_id = ?',
    ).run(score, JSON.stringify(reasons), kind, left, right);
  }
  return false;
}

/**
 * Pairs the seller said are different: never merged automatically, whatever their score or
 * whatever third record links them. Each side is read as the record it stands in now (a record
 * merged since counts as the one it went into: the seller said it is not the other one).
 */
export function decidedDifferent(db: Db, kind: EntityKind): Set<string> {
  const rows = db
    .prepare(`SELECT left_id, right_id FROM match_candidates WHERE kind = ? AND status = 'different'`)
    .raw()
    .all(kind) as [number, number][];
  const out = new Set<string>();
  for (const [l, r] of rows) {
    const a = standingId(db, kind, l);
    const b = standingId(db, kind, r);
    if (a !== null && b !== null && a !== b) out.add(pairKey(a, b));
  }
  return out;
}

/** The record `id` stands in now: itself, or the record it was merged into (null: gone). */
function standingId(db: Db, kind: EntityKind, id: number): number | null {
  const table = kind === 'company' ? 'companies' : 'contacts';
  let current = id;
  for (let hops = 0; hops < 1000; hops++) {
    const next = statement(db, `SELECT merged_into FROM ${table} WHERE id = ?`).get(current) as
      { merged_into: number | null } | undefined;
    if (!next) return null;
    if (next.merged_into === null) return current;
    current = next.merged_into;
  }
  return null;
}

/**
 * Scores every waiting pair again as its records stand now: a merge or an import since it was
 * queued may have changed either side. A pair no longer at the review threshold leaves the queue
 * (nobody should be asked, nor bulk-accept it, on a score it no longer has); the others show their
 * current score and reasons. Pairs whose record was merged away are left alone (hidden until that
 * merge is undone). Returns how many pairs left the queue.
 */
export function refreshPending(db: Db, scorer: StoredScorer): number {
  const rows = db
    .prepare(
      `SELECT id, left_id, right_id, score, reasons FROM match_candidates WHERE kind = ? AND status = 'pending'`,
    )
    .all(scorer.kind) as { id: number; left_id: number; right_id: number; score: number; reasons: string }[];
  let dropped = 0;
  for (const row of rows) {
    const r = scorer.score(row.left_id, row.right_id);
    if (!r) continue;
    // A pair a merge once came from (merged, then undone) stays: the merge's history names it.
    if (r.score < scorer.thresholds.review) {
      const { changes } = statement(
        db,
        'DELETE FROM match_candidates WHERE id = ? AND NOT EXISTS (SELECT 1 FROM merges WHERE candidate_id = ?)',
      ).run(row.id, row.id);
      if (changes > 0) {
        dropped++;
        continue;
      }
    }
    const reasons = JSON.stringify(r.reasons);
    if (r.score !== row.score || reasons !== row.reasons)
      statement(db, 'UPDATE match_candidates SET score = ?, reasons = ? WHERE id = ?').run(
        r.score,
        reasons,
        row.id,
      );
  }
  return dropped;
}

export const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
