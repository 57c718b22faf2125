import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, freshDb, importFile } from '../../helpers/importing';
import { mergeRecords } from '../../../src/main/core/resolution/merge';
import { undoMerge } from '../../../src/main/core/resolution/undoMerge';
import { resolveStored } from '../../../src/main/core/resolution/resolveStored';
import {
  acceptAbove,
  decide,
  pendingCount,
  reopen,
  reviewQueue,
} from '../../../src/main/core/resolution/reviewQueue';
import { readSettings, writeSettings } from '../../../src/main/core/settings/settingsStore';
import { undoImport } from '../../../src/main/core/import/undoImport';
import { systemClock } from '../../../src/main/core/clock';
import type { Db } from '../../../src/main/core/db/database';

/**
 * Everything a merge may touch and undo must put back: the records, their rows, emails,
 * alternatives, the seller's work (approvals, outreach, scores, review decisions), what the CRMs
 * know (links, what was sent) and the search indexes.
 */
const DUMPED: Record<string, string> = {
  companies: 'SELECT * FROM companies ORDER BY id',
  contacts: 'SELECT * FROM contacts ORDER BY id',
  contact_emails: 'SELECT * FROM contact_emails ORDER BY id',
  source_rows: 'SELECT * FROM source_rows ORDER BY id',
  field_alternatives: 'SELECT * FROM field_alternatives ORDER BY id',
  approvals: 'SELECT * FROM approvals ORDER BY id',
  outreach_actions: 'SELECT * FROM outreach_actions ORDER BY id',
  scores: 'SELECT * FROM scores ORDER BY contact_id',
  match_candidates: 'SELECT * FROM match_candidates ORDER BY id',
  crm_links: 'SELECT * FROM crm_links ORDER BY target, entity_type, entity_id',
  export_sent: 'SELECT * FROM export_sent ORDER BY target, contact_id',
  companies_fts: 'SELECT rowid, * FROM companies_fts ORDER BY rowid',
  contacts_fts: 'SELECT rowid, * FROM contacts_fts ORDER BY rowid',
};
const dump = (db: Db) =>
  Object.fromEntries(Object.entries(DUMPED).map(([table, sql]) => [table, db.prepare(sql).all()]));

const settings = (db: Db) => readSettings(db, 'dedupe');

describe('merging two records, and undoing it', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(async () => {
    t = freshDb();
    const roster = path.join(t.dir, 'roster.csv');
    fs.writeFileSync(
      roster,
      'Company,Address,City,Zip,Phone,License Number\nAcme Solar Inc,12 Main St,Austin,78701,(512) 555-0100,TX-9\n',
    );
    await importFile(t.db, { path: roster });
    const crm = path.join(t.dir, 'crm.csv');
    fs.writeFileSync(
      crm,
      'Record ID,First Name,Last Name,Email,Company Name,Website URL,City\n101,Ann,Lee,ann@acmesolar.com,ACME Solar,https://acmesolar.com,Round Rock\n',
    );
    await importFile(t.db, { path: crm, matchExisting: false });
  });
  afterEach(() => t.cleanup());

  it('keeps the better value field by field, keeps the others as alternatives, and moves the people', () => {
    expect(count(t.db, 'companies')).toBe(2);
    const before = dump(t.db);
    const mergeId = mergeRecords(
      t.db,
      'company',
      1,
      2,
      { automatic: false, score: 85, reasons: [] },
      systemClock,
    );
    const kept = t.db.prepare('SELECT * FROM companies WHERE id = 1').get() as Record<string, unknown>;
    // The CRM is the team's system of record, so its name and city win; the roster's stay as
    // alternatives, and what the CRM lacked (license, phone) stays from the roster.
    expect(kept).toMatchObject({
      name: 'ACME Solar',
      city: 'Round Rock',
      domain: 'acmesolar.com',
      license_number: 'TX-9',
      phone10: '5125550100',
      merged_into: null,
    });
    expect(t.db.prepare('SELECT merged_into FROM companies WHERE id = 2').pluck().get()).toBe(1);
    expect(
      t.db
        .prepare(
          `SELECT a.field, a.value, b.file_name AS file, s.row_number AS row FROM field_alternatives a
           LEFT JOIN source_rows s ON s.id = a.source_row_id LEFT JOIN import_batches b ON b.id = s.batch_id
           ORDER BY a.field`,
        )
        .all(),
    ).toEqual([
      { field: 'city', value: 'Austin', file: 'roster.csv', row: 1 },
      { field: 'name', value: 'Acme Solar Inc', file: 'roster.csv', row: 1 },
    ]);
    // Contacts follow their company.
    expect(t.db.prepare('SELECT company_id FROM contacts').pluck().all()).toEqual([1]);
    expect(t.db.prepare('SELECT company_id FROM source_rows ORDER BY id').pluck().all()).toEqual([1, 1]);

    undoMerge(t.db, mergeId, systemClock);
    expect(dump(t.db)).toEqual(before);
  });

  it('every alternative says which file and row it came from, whichever side it was on', () => {
    // The CRM record is kept this time: the roster's values it outranks come from the merged side.
    mergeRecords(t.db, 'company', 2, 1, { automatic: false, score: 85, reasons: [] }, systemClock);
    expect(
      t.db
        .prepare(
          `SELECT a.field, a.value, b.file_name AS file, s.row_number AS row FROM field_alternatives a
           LEFT JOIN source_rows s ON s.id = a.source_row_id LEFT JOIN import_batches b ON b.id = s.batch_id
           ORDER BY a.field`,
        )
        .all(),
    ).toEqual([
      { field: 'city', value: 'Austin', file: 'roster.csv', row: 1 },
      { field: 'name', value: 'Acme Solar Inc', file: 'roster.csv', row: 1 },
    ]);
  });

  it('keeps a CRM id on the merged record: the company shows as already in the CRM', () => {
    t.db.prepare(`UPDATE companies SET crm_source = 'hubspot', crm_id = 'C-7' WHERE id = 2`).run();
    mergeRecords(t.db, 'company', 1, 2, { automatic: true, score: 95, reasons: [] }, systemClock);
    expect(t.db.prepare('SELECT crm_source, crm_id FROM companies WHERE id = 1').get()).toEqual({
      crm_source: 'hubspot',
      crm_id: 'C-7',
    });
  });

  it('refuses to undo a merge that a later merge built on, until that one is undone', () => {
    t.db
      .prepare(
        `INSERT INTO companies (name, name_key, created_at, updated_at) VALUES ('Acme Solar', 'acme solar', '2026-01-01', '2026-01-01')`,
      )
      .run();
    const first = mergeRecords(
      t.db,
      'company',
      1,
      2,
      { automatic: false, score: 85, reasons: [] },
      systemClock,
    );
    const second = mergeRecords(
      t.db,
      'company',
      1,
      3,
      { automatic: false, score: 85, reasons: [] },
      systemClock,
    );
    expect(() => undoMerge(t.db, first, systemClock)).toThrow(/Later merge #2/);
    undoMerge(t.db, second, systemClock);
    undoMerge(t.db, first, systemClock);
    expect(count(t.db, 'companies', 'merged_into IS NULL')).toBe(3);
  });

  it('merges two contacts: emails, approvals and outreach go to the kept one, and come back on undo', () => {
    t.db
      .prepare(
        `INSERT INTO contacts (company_id, first_name, last_name, full_name, name_key, email, created_at, updated_at)
       VALUES (1, 'Ann', 'Lee', 'Ann Lee', 'ann lee', 'ann.lee@acmesolar.com', '2026-01-01', '2026-01-01')`,
      )
      .run();
    t.db
      .prepare(
        `INSERT INTO contact_emails (contact_id, email, source, confidence, status, created_at) VALUES (2, 'ann.lee@acmesolar.com', 'hunter', 95, 'verified', '2026-01-01'), (2, 'ann@acmesolar.com', 'pattern', 60, 'unknown', '2026-01-01')`,
      )
      .run();
    t.db
      .prepare(
        `INSERT INTO approvals (contact_id, decision, data_hash, decided_at) VALUES (2, 'approved', 'h', '2026-01-02')`,
      )
      .run();
    t.db.exec(`
      INSERT OR REPLACE INTO scores (contact_id, score, tier, breakdown, data_hash, scored_at) VALUES
        (1, 40, 'COLD', '{}', 'a', '2026-01-02'), (2, 80, 'HOT', '{}', 'b', '2026-01-02');
      INSERT INTO match_candidates (kind, left_id, right_id, score, reasons, status, created_at)
        VALUES ('contact', 1, 2, 85, '[]', 'pending', '2026-01-02');
      INSERT INTO crm_links (target, entity_type, entity_id, remote_id, origin, synced_at)
        VALUES ('close', 'contact', 2, 'cont_2', 'created', '2026-01-03');
      INSERT INTO exports (target, scope, rows, created_at) VALUES ('close', 'approved', 1, '2026-01-03');
      INSERT INTO export_sent (target, contact_id, data_hash, export_id) VALUES ('close', 2, 'b', 1);
    `);
    const before = dump(t.db);
    const mergeId = mergeRecords(
      t.db,
      'contact',
      1,
      2,
      { automatic: false, score: 92, reasons: [] },
      systemClock,
    );
    // The verified address wins over the unverified one.
    expect(t.db.prepare('SELECT email FROM contacts WHERE id = 1').pluck().get()).toBe(
      'ann.lee@acmesolar.com',
    );
    expect(
      t.db.prepare('SELECT email FROM contact_emails WHERE contact_id = 1 ORDER BY email').pluck().all(),
    ).toEqual(['ann.lee@acmesolar.com', 'ann@acmesolar.com']);
    expect(t.db.prepare('SELECT contact_id FROM approvals').pluck().all()).toEqual([1]);
    // Close knows the merged contact: the kept one is that Close contact now, not a new one to send.
    expect(t.db.prepare(`SELECT entity_id, remote_id FROM crm_links`).all()).toEqual([
      { entity_id: 1, remote_id: 'cont_2' },
    ]);
    expect(t.db.prepare(`SELECT contact_id FROM export_sent`).pluck().all()).toEqual([1]);
    undoMerge(t.db, mergeId, systemClock);
    expect(dump(t.db)).toEqual(before);
  });

  it('a kept record with its own CRM record keeps it; the merged one keeps its own for undo', () => {
    t.db.exec(`
      INSERT INTO contacts (company_id, first_name, last_name, full_name, name_key, created_at, updated_at)
        VALUES (1, 'Ann', 'Lee', 'Ann Lee', 'ann lee', '2026-01-01', '2026-01-01');
      INSERT INTO crm_links (target, entity_type, entity_id, remote_id, origin, synced_at) VALUES
        ('close', 'contact', 1, 'cont_1', 'created', '2026-01-03'),
        ('close', 'contact', 2, 'cont_2', 'created', '2026-01-03'),
        ('hubspot', 'contact', 2, 'hs_2', 'matched', '2026-01-03'),
        ('close', 'company', 2, 'lead_2', 'created', '2026-01-03');
    `);
    const before = dump(t.db);
    const contacts = mergeRecords(
      t.db,
      'contact',
      1,
      2,
      { automatic: false, score: 92, reasons: [] },
      systemClock,
    );
    const companies = mergeRecords(
      t.db,
      'company',
      1,
      2,
      { automatic: false, score: 95, reasons: [] },
      systemClock,
    );
    expect(
      t.db.prepare(`SELECT target, entity_type, entity_id, remote_id FROM crm_links ORDER BY 1, 2, 4`).all(),
    ).toEqual([
      { target: 'close', entity_type: 'company', entity_id: 1, remote_id: 'lead_2' },
      { target: 'close', entity_type: 'contact', entity_id: 1, remote_id: 'cont_1' },
      { target: 'close', entity_type: 'contact', entity_id: 2, remote_id: 'cont_2' },
      { target: 'hubspot', entity_type: 'contact', entity_id: 1, remote_id: 'hs_2' },
    ]);
    undoMerge(t.db, companies, systemClock);
    undoMerge(t.db, contacts, systemClock);
    expect(dump(t.db)).toEqual(before);
  });
});

describe('finding duplicates', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(() => (t = freshDb()));
  afterEach(() => t.cleanup());

  async function load(rows: string) {
    const file = path.join(t.dir, `list-${Math.random()}.csv`);
    fs.writeFileSync(file, `Company,Address,City,Zip,Phone\n${rows}`);
    return importFile(t.db, { path: file, matchExisting: false });
  }

  it('merges sure matches, queues doubtful ones, and a second run finds nothing new', async () => {
    await load(
      [
        'Acme Solar Inc,12 Main St,Austin,78701,(512) 555-0100',
        'ACME Solar Energy,12 Main Street,Austin,78701,512.555.0100',
        'Acme Solar Power,,,78701,',
        'Acme Solar,980 Oak Ave,Dallas,75201,(214) 555-0199',
        'Bright Roofing,4 Elm St,Austin,78702,(512) 555-0101',
      ].join('\n'),
    );
    const first = resolveStored({ db: t.db, clock: systemClock, settings: settings(t.db) }, { kind: 'all' });
    expect(first.company).toMatchObject({ records: 5, merged: 1, sentToReview: 1 });
    expect(count(t.db, 'companies', 'merged_into IS NULL')).toBe(4);
    const [pair] = reviewQueue(t.db).pairs;
    expect(pair!.left.fields.name).toBe('Acme Solar Inc');
    expect(pair!.right.fields.name).toBe('Acme Solar Power');
    expect(pair!.score).toBeGreaterThanOrEqual(80);
    expect(pair!.score).toBeLessThan(90);
    expect(pair!.reasons.map((r) => r.field)).toContain('name');
    const again = resolveStored({ db: t.db, clock: systemClock, settings: settings(t.db) }, { kind: 'all' });
    expect(again.company).toMatchObject({ merged: 0, sentToReview: 0 });
    expect(count(t.db, 'merges')).toBe(1);
    expect(pendingCount(t.db)).toBe(1);
  });

  it('an automatic merge the seller undid stays undone: the next run does not merge the two again', async () => {
    await load(
      [
        'Acme Solar Inc,12 Main St,Austin,78701,(512) 555-0100',
        'ACME Solar Energy,12 Main Street,Austin,78701,512.555.0100',
      ].join('\n'),
    );
    const run = () =>
      resolveStored({ db: t.db, clock: systemClock, settings: settings(t.db) }, { kind: 'all' });
    expect(run().company).toMatchObject({ merged: 1 });
    const merge = t.db.prepare('SELECT id, score FROM merges').get() as { id: number; score: number };
    undoMerge(t.db, merge.id, systemClock, { bySeller: true });
    expect(run().company).toMatchObject({ merged: 0, sentToReview: 0 });
    expect(count(t.db, 'companies', 'merged_into IS NULL')).toBe(2);
    // Remembered as the seller's "different", with the score it was merged on; it can be taken back.
    const decided = t.db.prepare('SELECT id, status, decided_by, score FROM match_candidates').all() as {
      id: number;
    }[];
    expect(decided).toEqual([
      { id: expect.any(Number), status: 'different', decided_by: 'user', score: merge.score },
    ]);
    reopen(t.db, decided[0]!.id, systemClock);
    expect(pendingCount(t.db)).toBe(1);
  });

  it('follows the thresholds in Settings', async () => {
    await load(['Acme Solar,12 Main St,Austin,78701,(512) 555-0100', 'Acme Solar Power,,,78701,'].join('\n'));
    writeSettings(t.db, 'dedupe', { ...settings(t.db), companies: { same: 85, review: 80 } }, systemClock);
    const lower = resolveStored({ db: t.db, clock: systemClock, settings: settings(t.db) }, { kind: 'all' });
    expect(lower.company).toMatchObject({ merged: 1, sentToReview: 0 });
    expect(() => writeSettings(t.db, 'dedupe', { companies: { same: 70, review: 90 } }, systemClock)).toThrow(
      /review threshold/,
    );
  });

  it('below the review threshold, records stay apart and nobody is asked', async () => {
    await load(
      [
        'Acme Solar,12 Main St,Austin,78701,(512) 555-0100',
        'Acme Solar,980 Oak Ave,Dallas,75201,(214) 555-0199',
      ].join('\n'),
    );
    const run = resolveStored({ db: t.db, clock: systemClock, settings: settings(t.db) }, { kind: 'all' });
    expect(run.company).toMatchObject({ merged: 0, sentToReview: 0 });
  });

  it('the seller decides: merge, different (never merged again), skip, and take a decision back', async () => {
    await load(
      [
        'Acme Solar,12 Main St,Austin,78701,(512) 555-0100',
        'Acme Solar Power,,,78701,',
        'Acme Solar Systems,,,78701,',
      ].join('\n'),
    );
    resolveStored({ db: t.db, clock: systemClock, settings: settings(t.db) }, { kind: 'all' });
    const queue = reviewQueue(t.db);
    expect(queue.pending).toBeGreaterThanOrEqual(2);
    const [first, second] = queue.pairs;
    decide(t.db, first!.id, 'different', systemClock);
    expect(pendingCount(t.db)).toBe(queue.pending - 1);
    reopen(t.db, first!.id, systemClock);
    expect(pendingCount(t.db)).toBe(queue.pending);
    decide(t.db, first!.id, 'different', systemClock);
    decide(t.db, second!.id, 'skip', systemClock);
    expect(reviewQueue(t.db, { status: 'skipped' }).pairs.map((p) => p.id)).toEqual([second!.id]);
    // A pair called different stays apart even when a rerun would merge it.
    writeSettings(t.db, 'dedupe', { ...settings(t.db), companies: { same: 50, review: 40 } }, systemClock);
    resolveStored({ db: t.db, clock: systemClock, settings: settings(t.db) }, { kind: 'all' });
    const standing = t.db
      .prepare('SELECT count(*) FROM companies WHERE id IN (?, ?) AND merged_into IS NULL')
      .pluck()
      .get(first!.left.id, first!.right.id);
    expect(standing).toBe(2);
    expect(() => decide(t.db, first!.id, 'merge', systemClock)).toThrow(/already decided/);
  });

  it('bulk accept merges every waiting pair at or above a score, each undoable on its own', async () => {
    await load(['Acme Solar,12 Main St,Austin,78701,(512) 555-0100', 'Acme Solar Power,,,78701,'].join('\n'));
    resolveStored({ db: t.db, clock: systemClock, settings: settings(t.db) }, { kind: 'all' });
    const score = reviewQueue(t.db).pairs[0]!.score;
    expect(acceptAbove(t.db, score + 0.01, systemClock)).toBe(0);
    expect(acceptAbove(t.db, score, systemClock)).toBe(1);
    expect(pendingCount(t.db)).toBe(0);
    const mergeId = t.db.prepare('SELECT id FROM merges').pluck().get() as number;
    undoMerge(t.db, mergeId, systemClock);
    expect(pendingCount(t.db)).toBe(1);
  });
});

describe('matching an import against what is already stored', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(() => (t = freshDb()));
  afterEach(() => t.cleanup());

  it('merges a sure match at import, and undoing the import undoes that merge exactly', async () => {
    const first = path.join(t.dir, 'first.csv');
    fs.writeFileSync(
      first,
      'Company,Address,City,Zip,Phone\nAcme Solar Inc,12 Main St,Austin,78701,(512) 555-0100\n',
    );
    await importFile(t.db, { path: first });
    const before = dump(t.db);
    const second = path.join(t.dir, 'second.csv');
    fs.writeFileSync(
      second,
      'Company,Address,City,Zip,Phone,Industry\nACME Solar Energy,12 Main Street,Austin,78701,512.555.0100,Energy\n',
    );
    const report = await importFile(t.db, { path: second });
    expect(report).toMatchObject({ inserted: 1, merged: 1 });
    expect(count(t.db, 'companies', 'merged_into IS NULL')).toBe(1);
    expect(t.db.prepare('SELECT industry FROM companies WHERE id = 1').pluck().get()).toBe('Energy');
    expect(t.db.prepare('SELECT batch_id FROM merges').pluck().all()).toEqual([report.batchId]);
    undoImport(t.db, report.batchId!, systemClock);
    const after = dump(t.db);
    expect(after.companies).toEqual(before.companies);
    expect(after.source_rows).toEqual(before.source_rows);
    expect(after.field_alternatives).toEqual([]);
    // Undoing an import is not the seller judging its merges: no decision is recorded.
    expect(count(t.db, 'match_candidates')).toBe(0);
  });
});
