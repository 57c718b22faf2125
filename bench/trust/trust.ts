/**
 * Backups, restore, the start check, the dashboard and erasure on a seller-sized database:
 * 250,000 contacts at 100,000 companies, each with its raw import row, scored, 5,000 outreach
 * actions with events and a quota ledger. Each figure is printed beside a baseline measured in the
 * same run on the same file.
 *
 * npm run build && npm run bench -- bench/trust/trust.ts [contacts]
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/main/core/db/database';
import { checkDatabase } from '../../src/main/core/db/check';
import { createBackup, backupsFolder } from '../../src/main/core/backups/backupStore';
import { restoreIntoLive } from '../../src/main/core/backups/restore';
import { dashboardData } from '../../src/main/core/dashboard/handlers';
import { factorOutcomes } from '../../src/main/core/dashboard/factorOutcomes';
import { erasePerson } from '../../src/main/core/privacy/erase';
import { purgeUnverified, unverifiedIds } from '../../src/main/core/privacy/retention';
import { RecordLists } from '../../src/main/core/records/recordLists';
import { editContact } from '../../src/main/core/records/editContact';
import { systemClock } from '../../src/main/core/clock';
import { generateTrustDb } from './generate';
import { WORK, fmt } from '../lib/measure';

const CONTACTS = Number(process.argv[2] ?? 250_000);

const time = async <T>(work: () => T | Promise<T>): Promise<[number, T]> => {
  const started = performance.now();
  const result = await work();
  return [(performance.now() - started) / 1000, result];
};

async function main(): Promise<void> {
  const dir = path.join(WORK, 'trust');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'prospect-desk.db');
  const db = openDatabase(file);
  const [generated] = await time(() => generateTrustDb(db, CONTACTS));
  db.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = fs.statSync(file).size;
  console.log(
    `${CONTACTS.toLocaleString()} contacts, ${(bytes / 1048576).toFixed(0)} MB, generated in ${fmt(generated)} s\n`,
  );
  const rows: string[][] = [];
  const add = (what: string, ours: number, baselineName: string, baseline: number) => {
    rows.push([what, `${fmt(ours)} s`, `${baselineName}: ${fmt(baseline)} s`, `${fmt(ours / baseline, 1)}×`]);
    console.log(rows.at(-1)!.join('  |  '));
  };

  const [quick] = await time(() => checkDatabase(db, 'quick'));
  const [full] = await time(() => checkDatabase(db, 'full'));
  add('start check (quick_check)', quick, 'integrity_check', full);

  const [backup, info] = await time(() => createBackup(db, 'manual', systemClock));
  const copy = path.join(dir, 'plain-copy.db');
  const [copied] = await time(() => fs.copyFileSync(file, copy));
  add('backup now (online, checked)', backup, 'file copy', copied);

  const [restore] = await time(() =>
    restoreIntoLive(db, path.join(backupsFolder(file), info.name), { clock: systemClock }),
  );
  const [copiedBack] = await time(() => fs.copyFileSync(copy, path.join(dir, 'plain-copy-2.db')));
  add('restore into the open database', restore, 'file copy', copiedBack);

  const lists = new RecordLists(db);
  const [firstPage] = await time(() => lists.contactsPage({}, 0, 100, 'score', 'desc'));
  const [dashboard] = await time(() => dashboardData(db, systemClock, 30));
  add('dashboard figures', dashboard, 'records table, first page by score', firstPage);
  const [factors] = await time(() => factorOutcomes(db));
  add('what predicts replies', factors, 'records table, first page by score', firstPage);

  const [edit] = await time(() => editContact(db, 17, { title: 'Owner' }, systemClock));
  // Someone with an address: their raw rows are searched for it across the whole import history.
  const someone = db
    .prepare('SELECT id FROM contacts WHERE email IS NOT NULL ORDER BY id LIMIT 1 OFFSET 100')
    .pluck()
    .get() as number;
  const [erase] = await time(() => erasePerson(db, someone, systemClock));
  add('erase one person', erase, 'edit one contact', edit);

  // The baseline deletes the same contacts from a copy with plain DELETEs: no redaction of raw rows,
  // audit details or job results, no merge graph.
  const victims = unverifiedIds(db, 365, systemClock);
  const other = openDatabase(copy);
  const [plainDelete] = await time(() =>
    other.transaction(() => {
      const ids = JSON.stringify(victims);
      const run = (sql: string) => other.prepare(sql).run(ids);
      run(`DELETE FROM contact_emails WHERE contact_id IN (SELECT value FROM json_each(?))`);
      run(`DELETE FROM scores WHERE contact_id IN (SELECT value FROM json_each(?))`);
      run(`UPDATE source_rows SET contact_id = NULL WHERE contact_id IN (SELECT value FROM json_each(?))`);
      run(
        `DELETE FROM outreach_events WHERE action_id IN (SELECT id FROM outreach_actions WHERE contact_id IN (SELECT value FROM json_each(?)))`,
      );
      run(`DELETE FROM outreach_actions WHERE contact_id IN (SELECT value FROM json_each(?))`);
      run(`DELETE FROM contacts WHERE id IN (SELECT value FROM json_each(?))`);
    })(),
  );
  other.close();
  const [purge, report] = await time(() => purgeUnverified(db, 365, systemClock));
  add(
    `retention purge (${report.purged.toLocaleString()} contacts)`,
    purge,
    'plain DELETEs of the same',
    plainDelete,
  );

  db.close();
  console.log('');
  const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  '));
}

void main();
