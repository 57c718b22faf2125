import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/main/core/db/database';
import { rescore } from '../../src/main/core/scoring/rescore';
import { decideLeads } from '../../src/main/core/scoring/approvals';
import { readSettings } from '../../src/main/core/settings/settingsStore';
import type { Clock } from '../../src/main/core/clock';
import { importFile } from './importing';
import { resolveStored } from '../../src/main/core/resolution/resolveStored';

/** The columns a seed row may have; they are the headers the importer maps by itself. */
export interface SeedPerson {
  first: string;
  last: string;
  title?: string;
  company?: string;
  email?: string;
  mobile?: string;
  phone?: string;
  website?: string;
  address?: string;
  city?: string;
  state?: string;
  zip?: string;
  industry?: string;
  employees?: number;
  linkedin?: string;
}

const HEADERS: [keyof SeedPerson, string][] = [
  ['first', 'First Name'],
  ['last', 'Last Name'],
  ['title', 'Title'],
  ['company', 'Company'],
  ['email', 'Email'],
  ['mobile', 'Mobile Phone'],
  ['phone', 'Company Phone'],
  ['website', 'Website'],
  ['address', 'Address'],
  ['city', 'City'],
  ['state', 'State'],
  ['zip', 'Zip'],
  ['industry', 'Industry'],
  ['employees', 'Employees'],
  ['linkedin', 'LinkedIn URL'],
];

const cell = (value: unknown) => {
  const text = value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const fixedClock = (iso = '2026-11-20T10:00:00.000Z'): Clock => ({ now: () => new Date(iso) });

/**
 * A seller's list imported through the real importer, deduplicated, scored, and the named people
 * approved (all of them when `approve` is omitted). Returns contact ids by "First Last".
 */
export async function seedPeople(
  db: Db,
  dir: string,
  people: readonly SeedPerson[],
  options: { approve?: readonly string[]; file?: string } = {},
): Promise<Map<string, number>> {
  const file = path.join(dir, options.file ?? 'people.csv');
  const lines = [HEADERS.map(([, h]) => h).join(',')];
  for (const p of people) lines.push(HEADERS.map(([k]) => cell(p[k])).join(','));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const report = await importFile(db, { path: file, matchExisting: false });
  if (report.flagged || report.skipped) throw new Error(`seed import: ${JSON.stringify(report.problems)}`);
  const clock = fixedClock();
  // The seller's "Find duplicates": rows of one company in one file become one company.
  db.transaction(() => resolveStored({ db, clock, settings: readSettings(db, 'dedupe') }, { kind: 'all' }))();
  rescore(db, readSettings(db, 'scoring'), clock.now().toISOString());
  const ids = new Map(
    (
      db.prepare('SELECT full_name, id FROM contacts WHERE merged_into IS NULL').raw().all() as [
        string,
        number,
      ][]
    ).map(([name, id]) => [name, id]),
  );
  const approve = options.approve ?? [...ids.keys()];
  decideLeads(
    db,
    approve.map((name) => ids.get(name)!),
    'approved',
    null,
    clock,
  );
  return ids;
}
