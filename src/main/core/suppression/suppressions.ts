import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { suppressionValue, type SuppressionKind } from './suppressionValue';

export interface Suppression {
  id: number;
  kind: SuppressionKind;
  value: string;
  reason: string | null;
  createdAt: string;
}

export interface SuppressionInput {
  kind: SuppressionKind;
  value: string;
  reason?: string | null;
}

export interface AddReport {
  added: number;
  alreadyListed: number;
  /** Values that are not an email, a domain or a LinkedIn profile, with the kind they were given as. */
  invalid: { kind: SuppressionKind; value: string }[];
}

/** Adds do-not-contact entries; an entry already on the list is kept as it was. */
export function addSuppressions(
  db: Db,
  entries: readonly SuppressionInput[],
  clock: Clock,
  actor: 'user' | 'cli' = 'user',
): AddReport {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO suppressions (kind, value, reason, created_at) VALUES (?, ?, ?, ?)',
  );
  const now = clock.now().toISOString();
  return db.transaction(() => {
    const report: AddReport = { added: 0, alreadyListed: 0, invalid: [] };
    for (const entry of entries) {
      const value = suppressionValue(entry.kind, entry.value);
      if (!value) {
        report.invalid.push({ kind: entry.kind, value: entry.value });
        continue;
      }
      if (insert.run(entry.kind, value, entry.reason ?? null, now).changes) report.added++;
      else report.alreadyListed++;
    }
    recordAudit(
      db,
      { action: 'suppressions.add', actor, details: { added: report.added, invalid: report.invalid.length } },
      clock,
    );
    return report;
  })();
}

export function removeSuppression(db: Db, id: number, clock: Clock): boolean {
  return db.transaction(() => {
    const removed = db.prepare('DELETE FROM suppressions WHERE id = ?').run(id).changes > 0;
    if (removed)
      recordAudit(db, { action: 'suppressions.remove', entityType: 'suppression', entityId: id }, clock);
    return removed;
  })();
}

export function listSuppressions(db: Db): Suppression[] {
  return db
    .prepare('SELECT id, kind, value, reason, created_at AS createdAt FROM suppressions ORDER BY kind, value')
    .all() as Suppression[];
}

/**
 * A SQL condition, true when the contact aliased `c` is on the do-not-contact list: by any of its
 * addresses, by its email's or its company's domain, or by its LinkedIn profile — or the profile of
 * a record merged into it (a merge keeps one profile; the other person is the same person, and the
 * seller listed them by it). A merge moves the emails, so those need no such branch. The plan, the
 * queue and every export use this one rule. Each branch is an index lookup on suppressions.
 */
export function suppressedSql(c: string): string {
  return `(
    EXISTS (SELECT 1 FROM suppressions s WHERE s.kind = 'email' AND s.value = ${c}.email)
    OR EXISTS (SELECT 1 FROM contact_emails ce JOIN suppressions s ON s.kind = 'email' AND s.value = ce.email
               WHERE ce.contact_id = ${c}.id)
    OR EXISTS (SELECT 1 FROM suppressions s WHERE s.kind = 'domain'
               AND ${c}.email IS NOT NULL AND s.value = suppression_domain(${c}.email))
    OR EXISTS (SELECT 1 FROM companies co JOIN suppressions s ON s.kind = 'domain' AND s.value = co.domain
               WHERE co.id = ${c}.company_id)
    OR EXISTS (SELECT 1 FROM suppressions s WHERE s.kind = 'linkedin' AND s.value = ${c}.linkedin_key)
    OR EXISTS (SELECT 1 FROM contacts m JOIN suppressions s ON s.kind = 'linkedin' AND s.value = m.linkedin_key
               WHERE m.merged_into = ${c}.id)
  )`;
}

/** Registers `suppression_domain(email)` on a connection: the registrable domain of an address. */
export function registerSuppressionFunctions(db: Db): void {
  db.function('suppression_domain', { deterministic: true }, (email: unknown) =>
    typeof email === 'string' ? suppressionValue('domain', email) : null,
  );
}

/** Whether one contact is suppressed (for an action about to happen). */
export function isContactSuppressed(db: Db, contactId: number): boolean {
  return (
    db
      .prepare(`SELECT ${suppressedSql('c')} FROM contacts c WHERE c.id = ?`)
      .pluck()
      .get(contactId) === 1
  );
}
