import type { Db } from '../db/database';

/**
 * The version of the scoring code: bumped when a change to the code (not to the seller's
 * settings) changes what leads score, so the stored scores are redone once after the upgrade
 * (by the maintenance round) instead of waiting for the next import or settings save — until then
 * the list would show old scores beside a breakdown worked out with the new rules.
 * 2: a title earns its best rule; chief officers score like presidents (migration 15).
 */
export const SCORING_CODE_VERSION = 2;

/** Kept in the settings table beside the sections, under a key no section has. */
const KEY = 'scoring.codeVersion';

/** Whether the stored scores were all worked out by this version (none stored: nothing to redo). */
export function scoresCurrent(db: Db): boolean {
  const stored = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as
    string | undefined;
  if (Number(stored) === SCORING_CODE_VERSION) return true;
  return db.prepare('SELECT 1 FROM scores LIMIT 1').get() === undefined;
}

/** Said by a full rescore, inside its transaction. */
export function markScoresCurrent(db: Db, now: string): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(KEY, String(SCORING_CODE_VERSION), now);
}
