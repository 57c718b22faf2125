import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '@shared/contract/result';
import type { Db } from '../db/database';
import { personExportsFolder } from './exportPerson';

/** `person-<id>-<time>.json` as exportPerson names it, or its half-written `.partial`. */
const EXPORT_FILE = /^person-(\d+)-.+\.json(?:\.partial)?$/;

/**
 * Deletes the files "Export data" wrote for these records into the app's person-exports folder
 * beside the database: a copy of everything held on the person must not outlive their erasure.
 * (A file written elsewhere with `person export --out` is the seller's, outside the app.)
 * Returns how many went. A file that cannot be deleted fails the erasure, which rolls back, so the
 * app never reports a person erased while a copy of them stays in its own folder.
 */
export function deletePersonExports(db: Db, records: readonly number[]): number {
  if (db.memory || db.name === '') return 0;
  const folder = personExportsFolder(db.name);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const ids = new Set(records);
  let deleted = 0;
  for (const name of names) {
    const match = EXPORT_FILE.exec(name);
    if (!match || !ids.has(Number(match[1]))) continue;
    try {
      fs.rmSync(path.join(folder, name), { force: true });
    } catch (error) {
      throw new AppFailure(
        'internal',
        `Could not delete the person's export ${path.join(folder, name)} (${(error as Error).message}); the erasure was rolled back. Close what holds it open and erase again.`,
      );
    }
    deleted++;
  }
  return deleted;
}
