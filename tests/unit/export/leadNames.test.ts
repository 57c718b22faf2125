import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { seedPeople } from '../../helpers/exportSeed';
import { exportTo, readCsv } from './support';

/**
 * Close's importer puts every row with the same `company` into one lead, wherever it is in the
 * file: two businesses of the same name, or two people without a company who share a name, must
 * not become one lead.
 */
describe('lead names in a Close file', () => {
  let t: ReturnType<typeof freshDb>;
  let ids: Map<string, number>;
  beforeAll(async () => {
    t = freshDb();
    ids = await seedPeople(t.db, t.dir, [
      {
        first: 'Ann',
        last: 'Lee',
        title: 'CEO',
        company: 'Acme Plumbing',
        website: 'acmeplumbing.com',
        email: 'ann@acmeplumbing.com',
        city: 'Austin',
        state: 'TX',
        phone: '512-555-0100',
      },
      {
        first: 'Bob',
        last: 'Stone',
        title: 'Owner',
        company: 'ACME PLUMBING',
        website: 'acme-plumbing-fresno.com',
        email: 'bob@acme-plumbing-fresno.com',
        city: 'Fresno',
        state: 'CA',
        phone: '559-555-0100',
      },
      { first: 'Cy', last: 'Mora', title: 'President', company: 'Bright Roofing', email: 'cy@bright.com' },
      // Namesakes beyond ASCII: told apart too.
      {
        first: 'Eva',
        last: 'Ruiz',
        title: 'Owner',
        company: 'Élan Électrique',
        website: 'elan-austin.com',
        email: 'eva@elan-austin.com',
        city: 'Austin',
        state: 'TX',
      },
      {
        first: 'Leo',
        last: 'Diaz',
        title: 'Owner',
        company: 'ÉLAN ÉLECTRIQUE',
        website: 'elan-dallas.com',
        email: 'leo@elan-dallas.com',
        city: 'Dallas',
        state: 'TX',
      },
      { first: 'Sam', last: 'Green', title: 'Owner', email: 'sam@greenhvac.com' },
      { first: 'Sam', last: 'Green', title: 'Founder', email: 'sam@samgreen.io' },
    ]);
    // Both Sams approved (the seed approves by name, which finds one of them).
    t.db
      .prepare(
        `UPDATE contacts SET approval = 'approved', approval_hash = (SELECT data_hash FROM scores s WHERE s.contact_id = contacts.id) WHERE full_name = 'Sam Green'`,
      )
      .run();
  });
  afterAll(() => t.cleanup());

  const companyOf = (name: string) =>
    t.db.prepare('SELECT company_id FROM contacts WHERE id = ?').pluck().get(ids.get(name)) as number | null;

  it('keeps namesakes apart, and leaves every other name as it is', () => {
    expect(companyOf('Ann Lee')).not.toBe(companyOf('Bob Stone'));
    const sams = t.db
      .prepare(
        `SELECT id, email FROM contacts WHERE full_name = 'Sam Green' AND company_id IS NULL ORDER BY id`,
      )
      .all() as { id: number; email: string }[];
    expect(sams).toHaveLength(2);
    const file = path.join(t.dir, 'close.csv');
    exportTo(t.db, file, { target: 'close' });
    const leadOf = Object.fromEntries(readCsv(file).rows.map((r) => [`${r.contact}|${r.email}`, r.company]));
    expect(leadOf).toEqual({
      'Ann Lee|ann@acmeplumbing.com': `Acme Plumbing (Austin, TX, #${companyOf('Ann Lee')})`,
      'Bob Stone|bob@acme-plumbing-fresno.com': `ACME PLUMBING (Fresno, CA, #${companyOf('Bob Stone')})`,
      'Cy Mora|cy@bright.com': 'Bright Roofing',
      'Eva Ruiz|eva@elan-austin.com': `Élan Électrique (Austin, TX, #${companyOf('Eva Ruiz')})`,
      'Leo Diaz|leo@elan-dallas.com': `ÉLAN ÉLECTRIQUE (Dallas, TX, #${companyOf('Leo Diaz')})`,
      'Sam Green|sam@greenhvac.com': 'Sam Green (sam@greenhvac.com)',
      'Sam Green|sam@samgreen.io': 'Sam Green (sam@samgreen.io)',
    });
    // Seven leads, as many as there are companies and company-less people.
    expect(new Set(Object.values(leadOf)).size).toBe(7);
  });

  it('Salesforce: a person without a company or a last name still fills the required fields', () => {
    t.db.prepare(`UPDATE contacts SET last_name = NULL WHERE id = ?`).run(ids.get('Cy Mora'));
    const file = path.join(t.dir, 'salesforce.csv');
    exportTo(t.db, file, { target: 'salesforce' });
    const rows = readCsv(file).rows;
    expect(rows.filter((r) => r.Email?.startsWith('sam@')).map((r) => [r.LastName, r.Company])).toEqual([
      ['Green', '[not provided]'],
      ['Green', '[not provided]'],
    ]);
    expect(rows.find((r) => r.Email === 'cy@bright.com')).toMatchObject({
      FirstName: 'Cy',
      LastName: 'Cy Mora',
      Company: 'Bright Roofing',
    });
  });

  it('names a lead the same whatever else the export holds, so the next export finds it again', () => {
    t.db.prepare(`UPDATE contacts SET approval = NULL WHERE id <> ?`).run(ids.get('Ann Lee'));
    const file = path.join(t.dir, 'only-ann.csv');
    expect(exportTo(t.db, file, { target: 'close' }).rows).toBe(1);
    expect(readCsv(file).rows[0]!.company).toBe(`Acme Plumbing (Austin, TX, #${companyOf('Ann Lee')})`);
    // Once the namesake is merged away, the name is plain again.
    t.db
      .prepare('UPDATE companies SET merged_into = ? WHERE id = ?')
      .run(companyOf('Ann Lee'), companyOf('Bob Stone'));
    exportTo(t.db, file, { target: 'close' });
    expect(readCsv(file).rows[0]!.company).toBe('Acme Plumbing');
  });
});
