import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, importFile } from '../../helpers/importing';
import { mergeRecords } from '../../../src/main/core/resolution/merge';
import { undoMerge } from '../../../src/main/core/resolution/undoMerge';
import { decideLeads } from '../../../src/main/core/scoring/approvals';
import { rescore } from '../../../src/main/core/scoring/rescore';
import { readSettings } from '../../../src/main/core/settings/settingsStore';
import { systemClock } from '../../../src/main/core/clock';
import { STATUS_SQL } from '../../../src/main/core/records/contactQuery';

const HEADER = 'First Name,Last Name,Title,Company,Website,Email,Employees,Industry';

/** The seller's decisions survive merges: a rejected person does not come back through one. */
describe('decisions through a merge', () => {
  let t: ReturnType<typeof freshDb>;
  const now = () => systemClock.now().toISOString();
  const rescoreAll = () => rescore(t.db, readSettings(t.db, 'scoring'), now());
  const decisions = () =>
    t.db
      .prepare(
        `SELECT c.id, c.approval, c.approval_reason, ${STATUS_SQL} AS status FROM contacts c
         LEFT JOIN scores s ON s.contact_id = c.id ORDER BY c.id`,
      )
      .all();
  const contactsOf = () => t.db.prepare('SELECT * FROM contacts ORDER BY id').all();

  describe('merging two people', () => {
    beforeEach(async () => {
      t = freshDb();
      const file = path.join(t.dir, 'list.csv');
      // Two rows for one person that the import keeps apart (the names are written differently).
      fs.writeFileSync(
        file,
        `${HEADER}\nAnne,Lee,CEO,Acme Roofing,acmeroofing.com,,80,Construction\nAnn,Lee,CEO,Acme Roofing,acmeroofing.com,ann@acmeroofing.com,80,Construction\n`,
      );
      await importFile(t.db, { path: file, matchExisting: false });
      // The same facts the fingerprint covers, so the merge does not change what the decision was made on.
      t.db
        .prepare(`UPDATE contacts SET first_name = 'Ann', full_name = 'Ann Lee', name_key = 'ann lee'`)
        .run();
      rescoreAll();
    });
    afterEach(() => t.cleanup());

    it('keeps the rejection of the merged record, with its reason, out of the queue; undo restores both', () => {
      expect(decideLeads(t.db, [2], 'rejected', 'asked us never to call', systemClock)).toBe(1);
      const before = contactsOf();
      const mergeId = mergeRecords(
        t.db,
        'contact',
        1,
        2,
        { automatic: false, score: 95, reasons: [] },
        systemClock,
      );
      rescoreAll();
      expect(decisions()[0]).toEqual({
        id: 1,
        approval: 'rejected',
        approval_reason: 'asked us never to call',
        status: 'rejected',
      });
      undoMerge(t.db, mergeId, systemClock);
      const after = contactsOf() as Record<string, unknown>[];
      const strip = (rows: unknown[]) =>
        (rows as Record<string, unknown>[]).map(({ updated_at: _u, field_sources: _f, ...rest }) => rest);
      expect(strip(after)).toEqual(strip(before));
    });

    it('a rejection beats an approval, whichever record is kept', () => {
      decideLeads(t.db, [1], 'approved', null, systemClock);
      decideLeads(t.db, [2], 'rejected', 'not a buyer', systemClock);
      mergeRecords(t.db, 'contact', 1, 2, { automatic: false, score: 95, reasons: [] }, systemClock);
      rescoreAll();
      expect(decisions()[0]).toMatchObject({
        approval: 'rejected',
        approval_reason: 'not a buyer',
        status: 'rejected',
      });
    });

    it('an approval carries over to an undecided kept record', () => {
      decideLeads(t.db, [2], 'approved', null, systemClock);
      mergeRecords(t.db, 'contact', 1, 2, { automatic: false, score: 95, reasons: [] }, systemClock);
      rescoreAll();
      expect(decisions()[0]).toMatchObject({ approval: 'approved', status: 'approved' });
    });
  });

  describe('merging two companies', () => {
    beforeEach(async () => {
      t = freshDb();
      const a = path.join(t.dir, 'roster.csv');
      const b = path.join(t.dir, 'list.csv');
      // One business in two files, kept apart by the import (the phones differ).
      fs.writeFileSync(
        a,
        `${HEADER},Phone\nAnn,Lee,CEO,Acme Roofing LLC,acmeroofing.com,ann@acmeroofing.com,80,Construction,512-555-0100\n`,
      );
      fs.writeFileSync(
        b,
        `${HEADER},Phone\nBo,Diaz,CEO,ACME Roofing,acmeroofing.com,bo@acmeroofing.com,80,Construction,512-555-0199\n`,
      );
      await importFile(t.db, { path: a, matchExisting: false });
      await importFile(t.db, { path: b, matchExisting: false });
    });
    afterEach(() => t.cleanup());

    it('leaves the people of both as the seller decided them', () => {
      expect(t.db.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(2);
      decideLeads(t.db, [1], 'approved', null, systemClock);
      decideLeads(t.db, [2], 'approved', null, systemClock);
      mergeRecords(t.db, 'company', 1, 2, { automatic: false, score: 95, reasons: [] }, systemClock);
      rescoreAll();
      expect(t.db.prepare('SELECT company_id FROM contacts ORDER BY id').pluck().all()).toEqual([1, 1]);
      expect(decisions().map((d) => (d as { status: string }).status)).toEqual(['approved', 'approved']);
    });

    it('a rejected person does not come back either', () => {
      decideLeads(t.db, [2], 'rejected', 'asked us never to call', systemClock);
      mergeRecords(t.db, 'company', 1, 2, { automatic: false, score: 95, reasons: [] }, systemClock);
      rescoreAll();
      expect(decisions()[1]).toMatchObject({ approval: 'rejected', status: 'rejected' });
    });

    it('a move to another company is still a new question', () => {
      decideLeads(t.db, [1], 'approved', null, systemClock);
      t.db.prepare('UPDATE contacts SET company_id = 2 WHERE id = 1').run();
      t.db
        .prepare(`UPDATE companies SET name = 'Zenith Roofing', name_key = 'zenith roofing' WHERE id = 2`)
        .run();
      rescoreAll();
      expect(decisions()[0]).toMatchObject({ approval: 'approved', status: 'changed' });
    });

    it('decisions made under the fingerprint that covered the company id stay current after the upgrade', () => {
      decideLeads(t.db, [1], 'approved', null, systemClock);
      // As an earlier version stored it: a `fit:` fingerprint the decision was made on.
      t.db.prepare(`UPDATE scores SET data_hash = 'fit:0badc0de' WHERE contact_id = 1`).run();
      t.db.prepare(`UPDATE contacts SET approval_hash = 'fit:0badc0de' WHERE id = 1`).run();
      rescoreAll();
      expect(decisions()[0]).toMatchObject({ approval: 'approved', status: 'approved' });
      expect(t.db.prepare('SELECT approval_hash FROM contacts WHERE id = 1').pluck().get()).toMatch(/^fit2:/);
    });
  });
});
