import { AppFailure } from '@shared/contract/result';
import type { DiscoveryRun, DiscoveryRunStatus, DiscoveryScope } from '@shared/domain/linkedin';
import type { Db } from '../db/database';
import { statement } from '../db/statementCache';
import { isAtlTitle } from '../titles/atlTitle';

/** A discovery run and its per-company progress, as stored (see migration 0012). */

interface RunRow {
  id: number;
  label: string;
  status: DiscoveryRunStatus;
  message: string | null;
  stop_kind: string | null;
  found: number;
  added: number;
  updated: number;
  skipped: number;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  total: number;
  done: number;
  failed: number;
}

export interface RunCompany {
  companyId: number;
  name: string;
}

const RUN_SQL = `SELECT r.*,
    (SELECT count(*) FROM discovery_run_companies c WHERE c.run_id = r.id) AS total,
    (SELECT count(*) FROM discovery_run_companies c WHERE c.run_id = r.id AND c.status = 'done') AS done,
    (SELECT count(*) FROM discovery_run_companies c WHERE c.run_id = r.id AND c.status = 'failed') AS failed,
    (SELECT coalesce(sum(a.details ->> '$.count'), 0) FROM audit_log a
      WHERE a.entity_type = 'discovery_run' AND a.entity_id = r.id AND a.action = 'discovery.skipped') AS skipped
  FROM discovery_runs r`;

function toRun(row: RunRow, current: string | null = null): DiscoveryRun {
  return {
    id: row.id,
    label: row.label,
    status: row.status,
    message: row.message,
    stopKind: row.stop_kind,
    total: row.total,
    done: row.done,
    failed: row.failed,
    found: row.found,
    added: row.added,
    updated: row.updated,
    skipped: row.skipped,
    current,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

export function getRun(db: Db, id: number, current: string | null = null): DiscoveryRun {
  const row = db.prepare(`${RUN_SQL} WHERE r.id = ?`).get(id) as RunRow | undefined;
  if (!row) throw new AppFailure('not_found', `There is no discovery run ${id}.`);
  return toRun(row, current);
}

export function listRuns(db: Db, limit = 20): DiscoveryRun[] {
  return (db.prepare(`${RUN_SQL} ORDER BY r.id DESC LIMIT ?`).all(limit) as RunRow[]).map((r) => toRun(r));
}

/**
 * The companies of a "top N" run: the highest ICP scores first, skipping companies that already
 * have an ATL contact (by the seller's title words), companies whose domain is on the do-not-contact
 * list, and merged-away duplicates.
 */
export function topCompaniesWithoutAtl(db: Db, limit: number, atlKeywords: readonly string[]): number[] {
  const companies = db
    .prepare(
      `SELECT id FROM companies co WHERE merged_into IS NULL
         AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.kind = 'domain' AND s.value = co.domain)
       ORDER BY icp_score IS NULL, icp_score DESC, id`,
    )
    .pluck()
    .iterate() as IterableIterator<number>;
  const titles = statement(
    db,
    'SELECT title FROM contacts WHERE company_id = ? AND merged_into IS NULL AND title IS NOT NULL',
  ).pluck();
  const chosen: number[] = [];
  for (const id of companies) {
    if (chosen.length >= limit) break;
    const hasAtl = (titles.all(id) as string[]).some((t) => isAtlTitle(t, atlKeywords));
    if (!hasAtl) chosen.push(id);
  }
  return chosen;
}

export function createRun(
  db: Db,
  scope: DiscoveryScope,
  atlKeywords: readonly string[],
  now: string,
): DiscoveryRun {
  let ids =
    scope.kind === 'top'
      ? topCompaniesWithoutAtl(db, scope.limit, atlKeywords)
      : [...new Set(scope.companyIds)];
  // Chosen companies pass the do-not-contact list too (a "top N" run never picks them): nobody at
  // a company the seller must not contact is looked for, whichever way it was chosen.
  const onList = statement(
    db,
    `SELECT 1 FROM companies co JOIN suppressions s ON s.kind = 'domain' AND s.value = co.domain WHERE co.id = ?`,
  ).pluck();
  const chosen = ids.length;
  if (scope.kind !== 'top') ids = ids.filter((id) => onList.get(id) === undefined);
  const leftOut = chosen - ids.length;
  if (ids.length === 0)
    throw new AppFailure(
      'invalid_input',
      scope.kind === 'top'
        ? 'Every company already has an above-the-line contact; there is nobody to look for.'
        : leftOut > 0
          ? `${leftOut === 1 ? 'The chosen company is' : 'Every chosen company is'} on the do-not-contact list (by its domain); nobody there is looked for.`
          : 'Choose at least one company.',
    );
  const known = statement(db, 'SELECT 1 FROM companies WHERE id = ? AND merged_into IS NULL').pluck();
  const missing = ids.filter((id) => known.get(id) === undefined);
  if (missing.length > 0)
    throw new AppFailure('not_found', `There is no company ${missing.slice(0, 5).join(', ')}.`);
  const label =
    scope.kind === 'top'
      ? `Top ${ids.length} by ICP score without an ATL contact`
      : `${ids.length} chosen ${ids.length === 1 ? 'company' : 'companies'}${leftOut > 0 ? ` (${leftOut} on the do-not-contact list left out)` : ''}`;
  const id = db.transaction(() => {
    const runId = Number(
      db
        .prepare(
          `INSERT INTO discovery_runs (label, status, created_at, updated_at) VALUES (?, 'running', ?, ?)`,
        )
        .run(label, now, now).lastInsertRowid,
    );
    const add = db.prepare(
      'INSERT INTO discovery_run_companies (run_id, company_id, position) VALUES (?, ?, ?)',
    );
    ids.forEach((companyId, position) => add.run(runId, companyId, position));
    return runId;
  })();
  return getRun(db, id);
}

/** The next company still to read, in the run's order; null when every one is done. */
export function nextCompany(db: Db, runId: number): RunCompany | null {
  const row = statement(
    db,
    `SELECT rc.company_id AS companyId, co.name FROM discovery_run_companies rc JOIN companies co ON co.id = rc.company_id
      WHERE rc.run_id = ? AND rc.status = 'pending' ORDER BY rc.position LIMIT 1`,
  ).get(runId) as RunCompany | undefined;
  return row ?? null;
}

/** One company finished; with its counts added to the run's, in the same transaction. */
export function finishCompany(
  db: Db,
  runId: number,
  companyId: number,
  outcome: { found: number; added: number; updated: number } | { error: string },
  now: string,
): void {
  db.transaction(() => {
    if ('error' in outcome) {
      db.prepare(
        `UPDATE discovery_run_companies SET status = 'failed', error = ?, done_at = ? WHERE run_id = ? AND company_id = ?`,
      ).run(outcome.error, now, runId, companyId);
    } else {
      db.prepare(
        `UPDATE discovery_run_companies SET status = 'done', found = ?, added = ?, done_at = ? WHERE run_id = ? AND company_id = ?`,
      ).run(outcome.found, outcome.added, now, runId, companyId);
      db.prepare(
        'UPDATE discovery_runs SET found = found + ?, added = added + ?, updated = updated + ?, updated_at = ? WHERE id = ?',
      ).run(outcome.found, outcome.added, outcome.updated, now, runId);
    }
  })();
}

export function setRunStatus(
  db: Db,
  runId: number,
  status: DiscoveryRunStatus,
  now: string,
  why: { message?: string | null; stopKind?: string | null } = {},
): void {
  const final = status === 'done' || status === 'cancelled';
  db.prepare(
    `UPDATE discovery_runs SET status = ?, message = ?, stop_kind = ?, updated_at = ?, finished_at = ? WHERE id = ?`,
  ).run(status, why.message ?? null, why.stopKind ?? null, now, final ? now : null, runId);
}

/** Runs that were running when the app closed: paused, to go on when the seller says (the browser must be open). */
export function pauseInterruptedRuns(db: Db, now: string): number {
  return db
    .prepare(
      `UPDATE discovery_runs SET status = 'paused', message = ?, updated_at = ? WHERE status = 'running'`,
    )
    .run('Prospect Desk closed while this run was going. Press Resume to go on where it was.', now).changes;
}
