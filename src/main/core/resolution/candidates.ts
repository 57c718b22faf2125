import type { EntityKind } from '@shared/domain/resolution';
import type { MatchReason } from '../dedupe/score';
import type { Db } from '../db/database';

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

/** Pairs the seller said are different: never merged automatically, whatever their score. */
export function decidedDifferent(db: Db, kind: EntityKind): Set<string> {
  const rows = db
    .prepare(`SELECT left_id, right_id FROM match_candidates WHERE kind = ? AND status = 'different'`)
    .raw()
    .all(kind) as [number, number][];
  return new Set(rows.map(([l, r]) => `${l}:${r}`));
}

export const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
