import type { CheckReport } from '@shared/domain/backups';
import { AppFailure } from '@shared/contract/result';
import type { Db } from './database';

/**
 * SQLite's own consistency check. `quick` (PRAGMA quick_check) reads every page and checks the
 * b-trees but not that indexes match their tables: fast enough to run at every start. `full`
 * (integrity_check) also checks every index entry; the CLI offers it.
 */
export function checkDatabase(db: Db, mode: 'quick' | 'full' = 'quick'): CheckReport {
  const started = performance.now();
  let problems: string[];
  try {
    const rows = db
      .prepare(`PRAGMA ${mode === 'full' ? 'integrity_check' : 'quick_check'}(20)`)
      .pluck()
      .all() as string[];
    problems = rows.length === 1 && rows[0] === 'ok' ? [] : rows;
  } catch (error) {
    // A page bad enough that the check itself cannot go on is reported like any other finding.
    problems = [(error as Error).message];
  }
  return { ok: problems.length === 0, mode, problems, seconds: (performance.now() - started) / 1000 };
}

/** The check at start: a damaged database is reported with what to do, never opened as if whole. */
export function assertDatabaseReadable(db: Db): void {
  const report = checkDatabase(db, 'quick');
  if (report.ok) return;
  throw new AppFailure(
    'database_corrupt',
    `The database ${db.name} is damaged: SQLite found ${report.problems.length === 20 ? '20 or more problems' : `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`} ` +
      `(first: ${report.problems[0]}). Nothing was changed. Restore a backup to go on working; the damaged file is kept beside it.`,
    { problems: report.problems },
  );
}
