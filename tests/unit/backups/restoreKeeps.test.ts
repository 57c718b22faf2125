import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/main/core/db/database';
import { backupDatabase } from '../../../src/main/core/db/backup';
import { backupsFolder, createBackup } from '../../../src/main/core/backups/backupStore';
import { restoreIntoLive, restoreOverDamaged } from '../../../src/main/core/backups/restore';
import { erasePerson } from '../../../src/main/core/privacy/erase';
import { purgeUnverified } from '../../../src/main/core/privacy/retention';
import { mergeRecords } from '../../../src/main/core/resolution/merge';
import { addSuppressions, removeSuppression } from '../../../src/main/core/suppression/suppressions';
import { recordNotice, reserveUnits, usedIn } from '../../../src/main/core/quotas/ledger';
import { count } from '../../helpers/importing';
import { fillPipeline } from '../../helpers/pipeline';
import { useOutreachSettings } from '../../helpers/leads';
import { handClock } from '../../helpers/tables';
import { tempDir } from '../../helpers/paths';
import { damagePage } from '../../helpers/damage';

/**
 * What a restore from an older backup must not take back: erasures (of merged records too, and
 * from a backup file the app did not name), the do-not-contact list, and quota already spent.
 */
describe('a restore keeps what happened since the backup', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const fn of cleanups.splice(0)) fn();
  });
  const live = async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const db = openDatabase(path.join(tmp.dir, 'prospect-desk.db'));
    cleanups.unshift(() => db.open && db.close());
    await fillPipeline(db);
    return { db, dir: tmp.dir };
  };
  const twoPeople = (db: Db) =>
    db
      .prepare(
        `SELECT id, email FROM contacts WHERE email IS NOT NULL AND merged_into IS NULL ORDER BY id LIMIT 2`,
      )
      .all() as { id: number; email: string }[];
  const mentionsAnywhere = (db: Db, text: string) =>
    JSON.stringify(
      Object.fromEntries(
        ['contacts', 'contact_emails', 'source_rows', 'audit_log'].map((t) => [
          t,
          db.prepare(`SELECT * FROM ${t}`).all(),
        ]),
      ),
    )
      .toLowerCase()
      .includes(text.toLowerCase());

  it('erases again a record merged into the erased person after the backup was taken', async () => {
    const { db } = await live();
    const clock = handClock('2025-06-10T08:00:00Z');
    const backup = await createBackup(db, 'manual', clock);
    const [kept, merged] = twoPeople(db);
    clock.set('2025-06-11T08:00:00Z');
    mergeRecords(db, 'contact', kept!.id, merged!.id, { automatic: false, score: 90, reasons: [] }, clock);
    erasePerson(db, kept!.id, clock);
    const people = count(db, 'contacts');
    clock.set('2025-06-12T08:00:00Z');

    const report = await restoreIntoLive(db, path.join(backupsFolder(db.name), backup.name), { clock });
    // In the backup they were two people; both are erased again.
    expect(report.erasuresReapplied).toBe(2);
    expect(count(db, 'contacts', `id IN (${kept!.id}, ${merged!.id})`)).toBe(0);
    expect(mentionsAnywhere(db, merged!.email)).toBe(false);
    expect(count(db, 'contacts')).toBe(people);
    // The restore's own erasures name every record, so a restore of an even older backup is safe too.
    const records = db
      .prepare(`SELECT details FROM audit_log WHERE action = 'person.erased' AND actor = 'system'`)
      .pluck()
      .all()
      .flatMap((d) => (JSON.parse(d as string) as { records: number[] }).records);
    expect(records.sort((a, b) => a - b)).toEqual([kept!.id, merged!.id].sort((a, b) => a - b));
  });

  it('erases again what the retention rule purged since, merged records included', async () => {
    const { db } = await live();
    const clock = handClock('2025-06-10T08:00:00Z');
    const backup = await createBackup(db, 'manual', clock);
    // Two people never contacted, made what the retention rule purges: imported, unverified,
    // undecided, not in a CRM.
    const [kept, merged] = db
      .prepare(
        `SELECT id FROM contacts c WHERE merged_into IS NULL
           AND NOT EXISTS (SELECT 1 FROM outreach_actions o WHERE o.contact_id = c.id) ORDER BY id LIMIT 2`,
      )
      .pluck()
      .all() as number[];
    db.prepare(
      `UPDATE contacts SET discovery_source = 'import', connection_degree = NULL, approval = NULL, crm_id = NULL
       WHERE id IN (?, ?)`,
    ).run(kept, merged);
    db.prepare(`DELETE FROM contact_emails WHERE contact_id IN (?, ?) AND status = 'verified'`).run(
      kept,
      merged,
    );
    expect(merged).toBeDefined();
    clock.set('2025-06-11T08:00:00Z');
    mergeRecords(db, 'contact', kept!, merged!, { automatic: false, score: 90, reasons: [] }, clock);
    db.prepare(`UPDATE contacts SET created_at = '2020-01-01T00:00:00.000Z'`).run();
    db.prepare(`UPDATE contacts SET created_at = '2025-06-11T00:00:00.000Z' WHERE id != ?`).run(kept);
    expect(purgeUnverified(db, 30, clock).purged).toBe(1);
    clock.set('2025-06-12T08:00:00Z');

    const report = await restoreIntoLive(db, path.join(backupsFolder(db.name), backup.name), { clock });
    expect(report.erasuresReapplied).toBe(2);
    expect(count(db, 'contacts', `id IN (${kept}, ${merged})`)).toBe(0);
  });

  it('knows when a backup was taken from inside the file: a copy with a new name and time still counts', async () => {
    const { db, dir } = await live();
    const clock = handClock('2025-06-10T08:00:00Z');
    const out = path.join(dir, 'out.db');
    // As the README says: `db backup OUT`, then the file is copied about (a new mtime).
    await backupDatabase(db, out, { takenAt: clock.now() });
    const mary = twoPeople(db)[0]!;
    clock.set('2025-06-11T08:00:00Z');
    erasePerson(db, mary.id, clock);
    const copy = path.join(dir, 'copied.db');
    fs.copyFileSync(out, copy);
    const later = new Date('2025-07-01T00:00:00Z');
    fs.utimesSync(copy, later, later);
    clock.set('2025-06-12T08:00:00Z');

    const report = await restoreIntoLive(db, copy, { clock });
    expect(report.erasuresReapplied).toBe(1);
    expect(count(db, 'contacts', `id = ${mary.id}`)).toBe(0);
    expect(mentionsAnywhere(db, mary.email)).toBe(false);
  });

  it('a backup from before stamps, under a name the app did not give it: its newest audit entry dates it', async () => {
    const { db, dir } = await live();
    const clock = handClock('2025-06-10T08:00:00Z');
    const out = path.join(dir, 'old.db');
    await backupDatabase(db, out, { takenAt: clock.now() });
    // An older build wrote no stamp; its newest entry is the last thing it audited.
    const raw = new Database(out);
    raw.prepare(`DELETE FROM audit_log WHERE action = 'backup.taken'`).run();
    raw.prepare(`UPDATE audit_log SET at = '2025-06-01T00:00:00.000Z'`).run();
    raw
      .prepare(`INSERT INTO audit_log (at, action) VALUES ('2025-06-10T07:59:00.000Z', 'settings.updated')`)
      .run();
    raw.close();
    fs.utimesSync(out, new Date('2025-07-01T00:00:00Z'), new Date('2025-07-01T00:00:00Z'));
    const mary = twoPeople(db)[0]!;
    clock.set('2025-06-11T08:00:00Z');
    erasePerson(db, mary.id, clock);
    clock.set('2025-06-12T08:00:00Z');

    const report = await restoreIntoLive(db, out, { clock });
    expect(report.erasuresReapplied).toBe(1);
    expect(count(db, 'contacts', `id = ${mary.id}`)).toBe(0);
  });

  it('keeps the do-not-contact entries added since; one removed since stays listed', async () => {
    const { db } = await live();
    const clock = handClock('2025-06-10T08:00:00Z');
    addSuppressions(db, [{ kind: 'domain', value: 'removed-later.com' }], clock);
    const backup = await createBackup(db, 'manual', clock);
    clock.set('2025-06-11T08:00:00Z');
    const mary = twoPeople(db)[0]!;
    erasePerson(db, mary.id, clock, { suppress: true });
    addSuppressions(db, [{ kind: 'domain', value: 'competitor.com', reason: 'a competitor' }], clock);
    const removed = db
      .prepare(`SELECT id FROM suppressions WHERE value = 'removed-later.com'`)
      .pluck()
      .get() as number;
    removeSuppression(db, removed, clock);
    const listed = db.prepare(`SELECT kind, value, reason FROM suppressions ORDER BY value`).all();
    clock.set('2025-06-12T08:00:00Z');

    const report = await restoreIntoLive(db, path.join(backupsFolder(db.name), backup.name), { clock });
    // Her address (and profile), and the competitor's domain.
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect(report.suppressionsCarried).toBe(listed.length);
    const after = db.prepare(`SELECT kind, value, reason FROM suppressions ORDER BY value`).all();
    expect(after).toEqual(
      [...listed, { kind: 'domain', value: 'removed-later.com', reason: null }].sort((a, b) =>
        String((a as { value: string }).value).localeCompare((b as { value: string }).value),
      ),
    );
    expect(count(db, 'suppressions', `kind = 'email' AND value = '${mary.email.toLowerCase()}'`)).toBe(1);
    expect(
      JSON.parse(
        db.prepare(`SELECT details FROM audit_log WHERE action = 'backup.restored'`).pluck().get() as string,
      ),
    ).toMatchObject({ erasuresReapplied: 1, suppressionsCarried: listed.length });
  });

  it('keeps the quota spent since: a unit spent after the backup cannot be spent again', async () => {
    const { db } = await live();
    const clock = handClock('2026-03-02T17:00:00Z');
    const config = useOutreachSettings(db, clock, { timeZone: 'UTC', limits: { invite_day: 3 } });
    const at = (iso: string) => new Date(iso);
    expect(reserveUnits(db, 'linkedin.invite', at('2026-03-02T17:00:00Z'), 1, config).ok).toBe(true);
    const backup = await createBackup(db, 'manual', clock);
    clock.set('2026-03-02T17:30:00Z');
    const action = db.prepare('SELECT id FROM outreach_actions LIMIT 1').pluck().get() as number;
    expect(
      reserveUnits(db, 'linkedin.invite', at('2026-03-02T17:30:00Z'), 2, config, {
        type: 'outreach_action',
        id: action,
      }).ok,
    ).toBe(true);
    expect(reserveUnits(db, 'linkedin.invite', at('2026-03-02T17:31:00Z'), 1, config).ok).toBe(false);
    recordNotice(db, 'linkedin.inmail', 'You have no InMail credits left', at('2026-03-02T17:35:00Z'), 'UTC');
    const ledger = count(db, 'quota_ledger');
    clock.set('2026-03-02T18:00:00Z');

    const report = await restoreIntoLive(db, path.join(backupsFolder(db.name), backup.name), { clock });
    expect(report.quotaEntriesCarried).toBe(2);
    // Nothing is counted twice, and the day's invites are still used up.
    expect(count(db, 'quota_ledger')).toBe(ledger);
    const day = { start: at('2026-03-02T00:00:00Z'), end: at('2026-03-03T00:00:00Z') };
    expect(usedIn(db, 'linkedin.invite', day.start, day.end)).toBe(3);
    expect(reserveUnits(db, 'linkedin.invite', at('2026-03-02T18:00:00Z'), 1, config).ok).toBe(false);
    expect(reserveUnits(db, 'linkedin.inmail', at('2026-03-02T18:00:00Z'), 1, config)).toMatchObject({
      ok: false,
      reason: 'limit_notice',
    });
    // The carried booking no longer points at an action: that id means another in the backup.
    expect(
      db.prepare(`SELECT ref_type, ref_id FROM quota_ledger WHERE at = '2026-03-02T17:30:00.000Z'`).get(),
    ).toEqual({ ref_type: null, ref_id: null });
  });

  it('over a damaged database, keeps what the damaged file still says', async () => {
    const { db, dir } = await live();
    const clock = handClock('2025-06-10T08:00:00Z');
    const backup = await createBackup(db, 'daily', clock);
    clock.set('2025-06-11T08:00:00Z');
    const mary = twoPeople(db)[0]!;
    erasePerson(db, mary.id, clock, { suppress: true });
    const listed = count(db, 'suppressions');
    const dbPath = db.name;
    db.close();
    // A page far from the audit log and the lists: the file fails its check but still reads.
    damagePage(dbPath);
    const report = await restoreOverDamaged(dbPath, path.join(backupsFolder(dbPath), backup.name), clock);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('prospect-desk.db.damaged-'))).toBe(true);
    const again = openDatabase(dbPath);
    cleanups.unshift(() => again.open && again.close());
    expect(report).toMatchObject({ erasuresReapplied: 1, suppressionsCarried: listed });
    expect(count(again, 'suppressions', `kind = 'email' AND value = '${mary.email.toLowerCase()}'`)).toBe(1);
    expect(count(again, 'contacts', `id = ${mary.id}`)).toBe(0);
  });
});
