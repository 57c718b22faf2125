import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/core/db/database';
import { erasePerson, ERASURE_COVERS } from '../../../src/main/core/privacy/erase';
import { exportPerson, personDocument } from '../../../src/main/core/privacy/exportPerson';
import { mergeRecords } from '../../../src/main/core/resolution/merge';
import { editContact } from '../../../src/main/core/records/editContact';
import { decideLeads } from '../../../src/main/core/scoring/approvals';
import { rescore } from '../../../src/main/core/scoring/rescore';
import { readSettings } from '../../../src/main/core/settings/settingsStore';
import { undoImport } from '../../../src/main/core/import/undoImport';
import { listSuppressions } from '../../../src/main/core/suppression/suppressions';
import { count, freshDb, importFile } from '../../helpers/importing';
import { ROOT } from '../../helpers/paths';
import { dumpTables, handClock, tableNames } from '../../helpers/tables';

const CONNECTIONS = path.join(ROOT, 'tests/fixtures/import/Connections.csv');
const CONNECTIONS_2018 = path.join(ROOT, 'tests/fixtures/import/Connections-2018.csv');

/**
 * Ann Lee is in two LinkedIn exports (2024 with her profile, 2018 with her email), merged into one
 * person; she was scored, approved, invited, exported, edited by hand, and a job's result shows her.
 */
async function annLeeEverywhere(db: Db, clock: ReturnType<typeof handClock>) {
  await importFile(db, { path: CONNECTIONS, matchExisting: false }, clock);
  await importFile(db, { path: CONNECTIONS_2018, matchExisting: false }, clock);
  const [kept, merged] = db
    .prepare(`SELECT id FROM contacts WHERE full_name = 'Ann Lee' ORDER BY id`)
    .pluck()
    .all() as number[];
  db.prepare(
    `INSERT INTO match_candidates (kind, left_id, right_id, score, reasons, created_at) VALUES ('contact', ?, ?, 88, '[]', ?)`,
  ).run(kept, merged, clock.now().toISOString());
  const candidate = db.prepare('SELECT max(id) FROM match_candidates').pluck().get() as number;
  mergeRecords(
    db,
    'contact',
    kept!,
    merged!,
    { automatic: false, score: 88, reasons: [], candidateId: candidate },
    clock,
  );
  rescore(db, readSettings(db, 'scoring'), clock.now().toISOString());
  editContact(db, kept!, { title: 'Chief Executive Officer & Founder' }, clock);
  rescore(db, readSettings(db, 'scoring'), clock.now().toISOString());
  decideLeads(db, [kept!], 'approved', null, clock);
  const at = clock.now().toISOString();
  const action = Number(
    db
      .prepare(
        `INSERT INTO outreach_actions (contact_id, kind, body, status, created_at, updated_at) VALUES (?, 'invite', 'Hi Ann', 'accepted', ?, ?)`,
      )
      .run(kept, at, at).lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO outreach_events (action_id, status, at) VALUES (?, 'sent', ?), (?, 'accepted', ?)`,
  ).run(action, at, action, at);
  db.prepare(
    `INSERT INTO quota_ledger (quota, at, units, outcome, ref_type, ref_id, note) VALUES ('linkedin.invite', ?, 1, 'used', 'outreach_action', ?, 'Ann Lee')`,
  ).run(at, action);
  db.prepare(
    `INSERT INTO exports (id, target, scope, rows, created_at) VALUES (1, 'close', 'all', 5, ?)`,
  ).run(at);
  db.prepare(
    `INSERT INTO export_items (export_id, entity_type, entity_id, data_hash) SELECT 1, 'contact', id, 'h' FROM contacts WHERE merged_into IS NULL`,
  ).run();
  db.prepare(
    `INSERT INTO export_sent (target, contact_id, data_hash, export_id) SELECT 'close', id, 'h', 1 FROM contacts WHERE merged_into IS NULL`,
  ).run();
  db.prepare(
    `INSERT INTO crm_links (target, entity_type, entity_id, remote_id, origin, synced_at)
     SELECT 'close', 'contact', id, 'cont_' || lower(replace(full_name, ' ', '_')), 'created', ? FROM contacts WHERE merged_into IS NULL`,
  ).run(at);
  db.prepare(
    `INSERT INTO jobs (kind, label, status, params, result, started_at) VALUES ('import', 'Importing', 'done', '{}', ?, ?)`,
  ).run(
    JSON.stringify({
      previewRows: [
        { values: { email: 'ann@acmesolar.com', full_name: 'Ann Lee' } },
        { values: { full_name: 'Dev Patel' } },
      ],
    }),
    at,
  );
  return { kept: kept!, merged: merged!, action };
}

describe('erasing a person', () => {
  let fresh: ReturnType<typeof freshDb>;
  let db: Db;
  const clock = handClock('2025-06-10T09:00:00Z');
  beforeEach(() => {
    fresh = freshDb();
    db = fresh.db;
  });
  afterEach(() => fresh.cleanup());

  it('exports everything held on the person as JSON first', async () => {
    const { kept, merged } = await annLeeEverywhere(db, clock);
    const document = personDocument(db, merged, clock) as Record<string, unknown[] | unknown>;
    expect(document.contactId).toBe(kept);
    expect(document.lawfulBasis).toBe('B2B legitimate interest');
    expect((document.records as unknown[]).length).toBe(2);
    expect(document.emails).toEqual([expect.objectContaining({ email: 'ann@acmesolar.com' })]);
    expect(document.approvals).toEqual([expect.objectContaining({ decision: 'approved' })]);
    expect(document.outreach).toEqual([
      expect.objectContaining({ status: 'accepted', events: [expect.anything(), expect.anything()] }),
    ]);
    expect(document.sourceRows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'Connections.csv',
          values: expect.objectContaining({ URL: 'https://www.linkedin.com/in/ann-lee-4b1a2c' }),
        }),
        expect.objectContaining({
          file: 'Connections-2018.csv',
          values: expect.objectContaining({ 'Email Address': 'ann@acmesolar.com' }),
        }),
      ]),
    );
    expect(document.merges).toHaveLength(1);
    expect(document.exports).toEqual([expect.objectContaining({ target: 'close' })]);
    expect((document.audit as { action: string }[]).map((a) => a.action)).toContain('contact.edited');

    const written = exportPerson(db, kept, clock, { folder: path.join(fresh.dir, 'person-exports') });
    const onDisk = JSON.parse(fs.readFileSync(written.path, 'utf8')) as Record<string, unknown>;
    expect(onDisk.contactId).toBe(kept);
    expect(written.bytes).toBe(fs.statSync(written.path).size);
    const audit = db
      .prepare(`SELECT entity_id, details FROM audit_log WHERE action = 'person.exported'`)
      .get() as {
      entity_id: number;
      details: string;
    };
    expect(audit.entity_id).toBe(kept);
    expect(JSON.parse(audit.details)).toEqual({ bytes: written.bytes });
  });

  it('removes them from every table, keeps everyone else, and audits only ids and counts', async () => {
    const { kept, merged } = await annLeeEverywhere(db, clock);
    const others = count(db, 'contacts', `full_name != 'Ann Lee'`);
    const otherEmails = count(db, 'contact_emails', `email != 'ann@acmesolar.com'`);
    const ledger = count(db, 'quota_ledger');

    const traces = ['ann lee', 'ann@acmesolar.com', 'ann-lee-4b1a2c', '"ann"', 'cont_ann_lee'];
    const before = JSON.stringify(dumpTables(db)).toLowerCase();
    for (const trace of traces) expect(before, trace).toContain(trace);

    const report = erasePerson(db, merged, clock, { suppress: true });
    expect(report).toMatchObject({
      people: 1,
      contacts: 2,
      emails: 1,
      scores: 1,
      approvals: 1,
      outreachActions: 1,
      outreachEvents: 2,
      merges: 1,
      matchCandidates: 1,
      // The file's row, what Close was last sent, the link to her Close record.
      exportItems: 3,
      inExports: 1,
      quotaRefsCleared: 1,
      suppressionsAdded: 2,
    });
    expect(report.sourceRowsRedacted).toBe(2);

    // Nothing anywhere still says who she was: not her name, address or profile.
    const everything = JSON.stringify(
      dumpTables(db, { suppressions: `1` /* the do-not-contact list keeps her address, by request */ }),
    ).toLowerCase();
    for (const trace of traces) expect(everything, trace).not.toContain(trace);
    expect(
      listSuppressions(db)
        .map((s) => `${s.kind}:${s.value}`)
        .sort(),
    ).toEqual(['email:ann@acmesolar.com', 'linkedin:ann-lee-4b1a2c']);

    // Everyone else, and the companies, stay; the quota stays used.
    expect(count(db, 'contacts')).toBe(others);
    expect(count(db, 'contact_emails')).toBe(otherEmails);
    expect(count(db, 'companies', `name = 'Acme Solar'`)).toBeGreaterThan(0);
    expect(count(db, 'quota_ledger', `units = 1 AND outcome = 'used'`)).toBe(ledger);
    expect(count(db, 'contacts_fts', `contacts_fts MATCH 'patel'`)).toBe(1);
    // Her raw rows keep the company cells, for the company's provenance.
    const rows = db
      .prepare(`SELECT raw FROM source_rows WHERE raw LIKE '%Acme Solar%' AND contact_id IS NULL`)
      .pluck()
      .all() as string[];
    expect(rows.map((r) => JSON.parse(r) as string[])).toEqual([
      ['', '', '', '', 'Acme Solar', '', ''],
      ['', '', '', 'Acme Solar', '', ''],
    ]);

    // The erasure is audited with her ids (her record and the one merged into it) and counts,
    // nothing she was.
    const entry = db
      .prepare(`SELECT entity_id, details FROM audit_log WHERE action = 'person.erased'`)
      .get() as {
      entity_id: number;
      details: string;
    };
    expect(entry.entity_id).toBe(kept);
    const { records, ...details } = JSON.parse(entry.details) as Record<string, unknown>;
    expect(records).toEqual([kept, merged]);
    expect(Object.values(details).every((v) => typeof v === 'number')).toBe(true);
    expect(details.contacts).toBe(2);

    // The other job result keeps its other rows.
    expect(db.prepare(`SELECT result FROM jobs`).pluck().get()).toContain('Dev Patel');
    // Undoing the imports still works and finds nothing of hers to bring back.
    const batches = db.prepare('SELECT id FROM import_batches ORDER BY id DESC').pluck().all() as number[];
    for (const batch of batches) undoImport(db, batch, clock);
    expect(count(db, 'contacts')).toBe(0);
  });

  it('is one transaction: a failure leaves every table as it was', async () => {
    const { kept } = await annLeeEverywhere(db, clock);
    const before = dumpTables(db);
    db.exec(`CREATE TRIGGER stop BEFORE DELETE ON contacts BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => erasePerson(db, kept, clock)).toThrow('disk full');
    db.exec('DROP TRIGGER stop');
    expect(dumpTables(db)).toEqual(before);
  });

  it('refuses an unknown contact', () => {
    expect(() => erasePerson(db, 999, clock)).toThrow(/no contact 999/);
  });

  it('covers every table that refers to a person', () => {
    const refersToPeople = tableNames(db).filter((table) => {
      const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      const keys = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string }[];
      return (
        table === 'contacts' ||
        table.startsWith('contacts_fts') ||
        keys.some((k) => k.table === 'contacts') ||
        columns.includes('contact_id') ||
        columns.includes('entity_id') ||
        columns.includes('kept_id') ||
        columns.includes('left_id') ||
        (columns.includes('ref_id') && columns.includes('ref_type'))
      );
    });
    expect(refersToPeople.filter((t) => !(t in ERASURE_COVERS))).toEqual([]);
  });
});
