import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, freshDb, importFile } from '../../helpers/importing';
import { systemClock } from '../../../src/main/core/clock';
import { decideLeads } from '../../../src/main/core/scoring/approvals';
import { undoImport } from '../../../src/main/core/import/undoImport';

const HEADER = 'First Name,Last Name,Title,Company,Website,Email,Employees,Industry';

/**
 * An address is not a person: an office inbox or a family gmail is shared, and a row with another
 * person's name at that address is another person (issue 4: a shared switchboard never merges
 * alone; a free-mail address says nothing about an employer).
 */
describe('an import meeting an address another person already has', () => {
  let t: ReturnType<typeof freshDb>;
  const write = (name: string, ...rows: string[]) => {
    const file = path.join(t.dir, name);
    fs.writeFileSync(file, [HEADER, ...rows].join('\n') + '\n');
    return file;
  };
  const people = () =>
    t.db
      .prepare(
        `SELECT c.full_name, c.title, c.approval, co.name AS company FROM contacts c
         LEFT JOIN companies co ON co.id = c.company_id WHERE c.merged_into IS NULL ORDER BY c.id`,
      )
      .all() as {
      full_name: string;
      title: string | null;
      approval: string | null;
      company: string | null;
    }[];
  const idOf = (name: string) =>
    t.db
      .prepare('SELECT id FROM contacts WHERE full_name = ? AND merged_into IS NULL')
      .pluck()
      .get(name) as number;
  beforeEach(() => (t = freshDb()));
  afterEach(() => t.cleanup());

  it('keeps an approved CEO as she is when a later file puts someone else at her office inbox', async () => {
    await importFile(t.db, {
      path: write(
        'crm.csv',
        'Ann,Lee,CEO,Acme Roofing,acmeroofing.com,office@acmeroofing.com,80,Construction',
      ),
    });
    expect(decideLeads(t.db, [idOf('Ann Lee')], 'approved', null, systemClock)).toBe(1);
    const score = t.db.prepare('SELECT score, tier FROM scores WHERE contact_id = ?');
    const annBefore = score.get(idOf('Ann Lee'));
    const report = await importFile(t.db, {
      path: write(
        'list.csv',
        'Bo,Diaz,Estimator,Acme Roofing,acmeroofing.com,office@acmeroofing.com,80,Construction',
      ),
    });
    expect(report).toMatchObject({ contactsCreated: 1, inserted: 1, updated: 0 });
    expect(people()).toEqual([
      { full_name: 'Ann Lee', title: 'CEO', approval: 'approved', company: 'Acme Roofing' },
      { full_name: 'Bo Diaz', title: 'Estimator', approval: null, company: 'Acme Roofing' },
    ]);
    expect(score.get(idOf('Ann Lee'))).toEqual(annBefore);
    // The shared inbox is an address of each of them (contact_emails is unique per contact).
    expect(
      t.db
        .prepare(
          `SELECT contact_id FROM contact_emails WHERE email = 'office@acmeroofing.com' ORDER BY contact_id`,
        )
        .pluck()
        .all(),
    ).toEqual([idOf('Ann Lee'), idOf('Bo Diaz')]);
    // Undo takes Bo away and leaves Ann as she was.
    undoImport(t.db, report.batchId!, systemClock);
    expect(people()).toEqual([
      { full_name: 'Ann Lee', title: 'CEO', approval: 'approved', company: 'Acme Roofing' },
    ]);
  });

  it('makes three people who share one inbox in one file three contacts, and a re-import finds each again', async () => {
    const rows = [
      'Ann,Lee,CEO,Acme Roofing,acmeroofing.com,office@acmeroofing.com,80,Construction',
      'Bo,Diaz,Estimator,Acme Roofing,acmeroofing.com,office@acmeroofing.com,80,Construction',
      'Cy,Park,Office Manager,Acme Roofing,acmeroofing.com,office@acmeroofing.com,80,Construction',
    ];
    const report = await importFile(t.db, { path: write('one.csv', ...rows) });
    expect(report).toMatchObject({ rowsRead: 3, contactsCreated: 3, updated: 0 });
    expect(people().map((p) => `${p.full_name} | ${String(p.title)}`)).toEqual([
      'Ann Lee | CEO',
      'Bo Diaz | Estimator',
      'Cy Park | Office Manager',
    ]);
    // The same people in another order: each row finds its own person, nothing changes.
    const again = await importFile(t.db, { path: write('two.csv', ...[...rows].reverse()) });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, contactsCreated: 0 });
    expect(count(t.db, 'contacts')).toBe(3);
  });

  it('still updates the same person at the same address when the name is written another way', async () => {
    await importFile(t.db, {
      path: write('a.csv', 'Ann,Lee,CEO,Acme Roofing,acmeroofing.com,ann@acmeroofing.com,80,Construction'),
    });
    const report = await importFile(t.db, {
      path: write(
        'b.csv',
        'A.,Lee,Founder & CEO,Acme Roofing,acmeroofing.com,ann@acmeroofing.com,80,Construction',
      ),
    });
    expect(report).toMatchObject({ contactsCreated: 0, updated: 1 });
    expect(count(t.db, 'contacts')).toBe(1);
  });

  it('never moves a person to another company because of a free-mail address', async () => {
    await importFile(t.db, {
      path: write(
        'plumbing.csv',
        'John,Smith,Owner,Smith Plumbing,smithplumbing.com,jsmith1970@gmail.com,12,Plumbing',
      ),
    });
    const report = await importFile(t.db, {
      path: write(
        'electric.csv',
        'John,Smith,Owner,Smith Electric,smithelectric.com,jsmith1970@gmail.com,30,Electrical',
      ),
    });
    expect(report).toMatchObject({ companiesCreated: 1, contactsCreated: 1 });
    expect(people().map((p) => `${p.full_name} @ ${String(p.company)}`)).toEqual([
      'John Smith @ Smith Plumbing',
      'John Smith @ Smith Electric',
    ]);
  });

  it('a company address (not free mail) at a new employer is still the same person moving', async () => {
    await importFile(t.db, {
      path: write('a.csv', 'Ann,Lee,CEO,Acme Roofing,acmeroofing.com,ann@acmeroofing.com,80,Construction'),
    });
    await importFile(t.db, {
      path: write(
        'b.csv',
        'Ann,Lee,CEO,Acme Roofing West,acmeroofing.com,ann@acmeroofing.com,80,Construction',
      ),
    });
    expect(count(t.db, 'contacts', 'merged_into IS NULL')).toBe(1);
  });
});
