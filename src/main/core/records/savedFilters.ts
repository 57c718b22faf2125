import { AppFailure } from '@shared/contract/result';
import type { CompanyFilter, ContactFilter, SavedFilter } from '@shared/domain/records';
import type { Db } from '../db/database';
import type { Clock } from '../clock';

export function listFilters(db: Db): SavedFilter[] {
  return (
    db.prepare('SELECT id, name, kind, filter FROM saved_filters ORDER BY kind, name').all() as (Omit<
      SavedFilter,
      'filter'
    > & { filter: string })[]
  ).map((r) => ({ ...r, filter: JSON.parse(r.filter) as ContactFilter | CompanyFilter }));
}

/** Saves (or replaces) a named filter for the records table. */
export function saveFilter(
  db: Db,
  name: string,
  kind: 'contact' | 'company',
  filter: ContactFilter | CompanyFilter,
  clock: Clock,
): SavedFilter[] {
  db.prepare(
    `INSERT INTO saved_filters (name, kind, filter, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind, name) DO UPDATE SET filter = excluded.filter`,
  ).run(name.trim(), kind, JSON.stringify(filter), clock.now().toISOString());
  return listFilters(db);
}

export function deleteFilter(db: Db, id: number): SavedFilter[] {
  if (db.prepare('DELETE FROM saved_filters WHERE id = ?').run(id).changes === 0)
    throw new AppFailure('not_found', `There is no saved filter ${id}.`);
  return listFilters(db);
}

export function filterNamed(db: Db, name: string): SavedFilter {
  const row = listFilters(db).find((f) => f.name.toLowerCase() === name.trim().toLowerCase());
  if (!row) throw new AppFailure('not_found', `There is no saved filter named “${name}”.`);
  return row;
}
