import fs from 'node:fs';
import path from 'node:path';
import { REAL_FIXTURES } from '../../helpers/paths';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { fixedClock, seedPeople } from '../../helpers/exportSeed';
import { breakdownOf, rescore } from '../../../src/main/core/scoring/rescore';
import { readSettings } from '../../../src/main/core/settings/settingsStore';
import { addSuppressions } from '../../../src/main/core/suppression/suppressions';
import { previewExport } from '../../../src/main/core/export/runExport';
import { FORMATS } from '../../../src/main/core/export/formats';
import { exportTo, readCsv } from './support';

/**
 * Each target's file, read back as the CRM's importer would read it, against that CRM's column
 * names and rules: Close (one lead per company, custom fields, tags), HubSpot's contact properties,
 * Salesforce's Lead fields, and the generic file.
 */
describe('export formats', () => {
  let t: ReturnType<typeof freshDb>;
  beforeAll(async () => {
    t = freshDb();
    await seedPeople(
      t.db,
      t.dir,
      [
        {
          first: 'Ann',
          last: 'Lee',
          title: 'CEO',
          company: 'Acme Plumbing, Inc.',
          email: 'ann@acmeplumbing.com',
          mobile: '(512) 555-0100',
          phone: '512-555-0199',
          website: 'acmeplumbing.com',
          address: '12 Main St',
          city: 'Austin',
          state: 'TX',
          zip: '78701',
          industry: 'Plumbing',
          employees: 120,
          linkedin: 'https://www.linkedin.com/in/ann-lee',
        },
        {
          first: 'Bob',
          last: 'Stone',
          title: 'VP Operations',
          company: 'Acme Plumbing, Inc.',
          email: 'bob@acmeplumbing.com',
          website: 'acmeplumbing.com',
          industry: 'Plumbing',
          employees: 120,
        },
        {
          first: 'Cara',
          last: 'Diaz',
          title: 'Chief Executive Officer',
          company: 'Bright Roofing',
          website: 'https://brightroofing.com',
          city: 'Dallas',
          state: 'TX',
          industry: 'Roofing contractor',
          employees: 600,
          linkedin: 'linkedin.com/in/cara-diaz',
        },
        {
          first: 'Dan',
          last: 'Wu',
          title: 'Office Manager',
          company: 'Bright Roofing',
          email: 'dan@brightroofing.com',
        },
        { first: 'Gus', last: 'Hale', title: 'Owner', company: 'Hale HVAC', email: 'gus@halehvac.com' },
      ],
      { approve: ['Ann Lee', 'Bob Stone', 'Cara Diaz', 'Gus Hale'] },
    );
    // Cara was found among the seller's LinkedIn connections; Ann replied to an InMail, Bob was written to.
    t.db.prepare(`UPDATE contacts SET discovery_source = 'connection' WHERE full_name = 'Cara Diaz'`).run();
    rescore(t.db, readSettings(t.db, 'scoring'), '2026-11-20T10:00:00.000Z');
    const id = (name: string) =>
      t.db.prepare('SELECT id FROM contacts WHERE full_name = ?').pluck().get(name);
    const action = t.db.prepare(
      `INSERT INTO outreach_actions (contact_id, kind, status, created_at, updated_at) VALUES (?, ?, ?, '2026-11-01', '2026-11-02')`,
    );
    action.run(id('Ann Lee'), 'inmail', 'replied');
    action.run(id('Bob Stone'), 'email', 'sent');
    // Gus asked not to be contacted: no export may carry him.
    addSuppressions(t.db, [{ kind: 'email', value: 'gus@halehvac.com' }], fixedClock());
  });
  afterAll(() => t.cleanup());

  it('Close: the importer’s columns, one lead per company on consecutive rows, custom fields and tags', () => {
    const file = path.join(t.dir, 'close.csv');
    const report = exportTo(t.db, file, { target: 'close' });
    expect(report).toMatchObject({ written: true, rows: 3, suppressed: 1 });
    const { headers, rows } = readCsv(file);
    expect(headers).toEqual([
      'company',
      'url',
      'status',
      'contact',
      'title',
      'email',
      'phone',
      'address',
      'city',
      'state',
      'zip',
      'country',
      'linkedin_url',
      'lead_score',
      'lead_tier',
      'discovery_source',
      'inmail_eligible',
      'tags',
    ]);
    expect(rows.map((r) => [r.company, r.contact])).toEqual([
      ['Acme Plumbing, Inc.', 'Ann Lee'],
      ['Acme Plumbing, Inc.', 'Bob Stone'],
      ['Bright Roofing', 'Cara Diaz'],
    ]);
    const [ann, bob, cara] = rows as [Record<string, string>, Record<string, string>, Record<string, string>];
    expect(ann).toMatchObject({
      url: 'https://acmeplumbing.com',
      status: 'Potential',
      title: 'CEO',
      email: 'ann@acmeplumbing.com',
      phone: '+15125550100',
      address: '12 Main St',
      city: 'Austin',
      state: 'TX',
      zip: '78701',
      linkedin_url: 'https://www.linkedin.com/in/ann-lee',
      lead_score: '80',
      lead_tier: 'HOT',
      discovery_source: 'Imported list',
      inmail_eligible: 'no',
      tags: 'ATL, HOT',
    });
    // The url must start with http(s); a person's phone, else the company's switchboard.
    expect(bob).toMatchObject({ phone: '+15125550199', lead_tier: 'WARM', tags: 'ATL, WARM' });
    expect(cara).toMatchObject({
      url: 'https://brightroofing.com',
      email: '',
      lead_tier: 'HOT',
      inmail_eligible: 'yes',
      discovery_source: 'LinkedIn connection',
      tags: 'ATL, LinkedIn Discovery, HOT',
      linkedin_url: 'https://www.linkedin.com/in/cara-diaz',
    });
    for (const row of rows) expect(row.url).toMatch(/^https?:\/\//);
    // Close's own importer description (the real fixture): every column we write that it does not
    // list is one of our custom fields, which it imports as custom fields.
    const readme = fs.readFileSync(
      path.join(REAL_FIXTURES, 'close/close_legacy_csv_importer_columns_README.md'),
      'utf8',
    );
    const known = [...readme.matchAll(/^- `([a-z_]+)`/gm)].map((m) => m[1]);
    expect(known).toContain('company');
    const custom = ['linkedin_url', 'lead_score', 'lead_tier', 'discovery_source', 'inmail_eligible', 'tags'];
    expect(headers.filter((h) => !known.includes(h))).toEqual(custom);
    // "Multiple contacts will be grouped in the same lead if multiple rows have the same value in
    // the company column": each company's rows come together.
    const seen = rows.map((r) => r.company).filter((c, i, all) => i === 0 || all[i - 1] !== c);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('HubSpot: contact properties by label, lead status from the outreach log, within the row limit', () => {
    const file = path.join(t.dir, 'hubspot.csv');
    exportTo(t.db, file, { target: 'hubspot' });
    const { headers, rows } = readCsv(file);
    expect(headers).toEqual([
      'First Name',
      'Last Name',
      'Email',
      'Phone Number',
      'Job Title',
      'Company Name',
      'Company Domain Name',
      'City',
      'State/Region',
      'Postal Code',
      'LinkedIn URL',
      'Lead Status',
      'Lead Score',
      'Lead Tier',
    ]);
    expect(rows.map((r) => [r['First Name'], r['Last Name'], r['Lead Status'], r['Lead Tier']])).toEqual([
      ['Ann', 'Lee', 'CONNECTED', 'HOT'],
      ['Bob', 'Stone', 'ATTEMPTED_TO_CONTACT', 'WARM'],
      ['Cara', 'Diaz', 'NEW', 'HOT'],
    ]);
    expect(rows[0]).toMatchObject({
      'Company Domain Name': 'acmeplumbing.com',
      'Job Title': 'CEO',
      City: 'Austin',
      'State/Region': 'TX',
      'Postal Code': '78701',
      'Lead Score': '80',
    });
    expect(FORMATS.hubspot.maxRows).toBe(250_000);
    // A person who lives elsewhere than the company's address: their place, and no postal code of
    // the company's beside it.
    t.db
      .prepare(`UPDATE contacts SET city = 'San Antonio', state = 'TX' WHERE full_name = 'Bob Stone'`)
      .run();
    try {
      exportTo(t.db, file, { target: 'hubspot' });
      expect(readCsv(file).rows[1]).toMatchObject({
        'First Name': 'Bob',
        City: 'San Antonio',
        'State/Region': 'TX',
        'Postal Code': '',
      });
    } finally {
      t.db.prepare(`UPDATE contacts SET city = NULL, state = NULL WHERE full_name = 'Bob Stone'`).run();
    }
  });

  it('Salesforce: Lead API fields, Company required, Rating from the tier, the score’s reasons', () => {
    const file = path.join(t.dir, 'salesforce.csv');
    exportTo(t.db, file, { target: 'salesforce' });
    const { headers, rows } = readCsv(file);
    expect(headers).toEqual([
      'FirstName',
      'LastName',
      'Title',
      'Company',
      'Email',
      'Phone',
      'Website',
      'LeadSource',
      'Status',
      'Rating',
      'Industry',
      'NumberOfEmployees',
      'Street',
      'City',
      'State',
      'PostalCode',
      'Description',
    ]);
    const [ann, bob, cara] = rows as [Record<string, string>, Record<string, string>, Record<string, string>];
    expect(ann).toMatchObject({
      FirstName: 'Ann',
      LastName: 'Lee',
      Company: 'Acme Plumbing, Inc.',
      Website: 'https://acmeplumbing.com',
      LeadSource: 'Other',
      Status: 'Working - Contacted',
      Rating: 'Hot',
      Industry: 'Plumbing',
      NumberOfEmployees: '120',
      Street: '12 Main St',
      PostalCode: '78701',
    });
    expect(ann.Description).toMatch(/^Score 80 \(HOT\)\. “CEO” counts as chief executive: 40 of 40\./);
    expect(ann.Description).toMatch(/A work email is known: 15 of 15\./);
    expect(bob).toMatchObject({ Rating: 'Warm', Status: 'Working - Contacted' });
    expect(cara).toMatchObject({ Rating: 'Hot', Status: 'Open - Not Contacted', LeadSource: 'LinkedIn' });
    // Each row says what the contact page says: the same score and the same sentences.
    const ids = t.db
      .prepare(`SELECT id FROM contacts WHERE merged_into IS NULL AND approval = 'approved' ORDER BY id`)
      .pluck()
      .all() as number[];
    const shown = ids.map((id) => {
      const b = breakdownOf(t.db, readSettings(t.db, 'scoring'), id)!;
      return `Score ${b.score} (${b.tier}). ${b.factors.map((f) => f.sentence).join(' ')}`;
    });
    // (One approved lead is on the do-not-contact list and not in the file.)
    expect(rows).toHaveLength(ids.length - 1);
    for (const row of rows) expect(shown).toContain(row.Description);
    for (const row of rows) {
      expect(row.Company).not.toBe('');
      expect(row.LastName).not.toBe('');
    }
  });

  it('Generic: every field under plain names', () => {
    const file = path.join(t.dir, 'generic.csv');
    exportTo(t.db, file, { target: 'generic' });
    const { headers, rows } = readCsv(file);
    expect(headers).toEqual(FORMATS.generic.columns.map((c) => c.header));
    expect(rows[2]).toMatchObject({
      full_name: 'Cara Diaz',
      company: 'Bright Roofing',
      employees: '600',
      tier: 'HOT',
      approval: 'approved',
      outreach: 'none',
      inmail_eligible: 'yes',
    });
  });

  it('the preview shows the same rows without writing, and what it left out', () => {
    const preview = previewExport(
      t.db,
      { target: 'salesforce', scope: { kind: 'approved' }, sinceLast: false },
      2,
    );
    expect(preview.headers[0]).toBe('FirstName');
    expect(preview.rows).toHaveLength(2);
    expect(preview.rows[0]!.slice(0, 2)).toEqual(['Ann', 'Lee']);
    expect(preview).toMatchObject({ total: 3, suppressed: 1, unchanged: 0 });
  });

  it('scopes: a tier, everything, a saved filter — suppressed people never', () => {
    const hot = previewExport(t.db, {
      target: 'generic',
      scope: { kind: 'all', tiers: ['HOT'] },
      sinceLast: false,
    });
    expect(hot.rows.map((r) => r[3])).toEqual(['Ann Lee', 'Cara Diaz']);
    const all = previewExport(t.db, { target: 'generic', scope: { kind: 'all' }, sinceLast: false });
    expect(all.rows.map((r) => r[3])).toEqual(['Ann Lee', 'Bob Stone', 'Cara Diaz', 'Dan Wu']);
    expect(all.suppressed).toBe(1);
    const filterId = Number(
      t.db
        .prepare(
          `INSERT INTO saved_filters (name, kind, filter, created_at) VALUES ('Roofers', 'contact', ?, '2026-11-20')`,
        )
        .run(JSON.stringify({ search: 'bright' })).lastInsertRowid,
    );
    const filtered = previewExport(t.db, {
      target: 'generic',
      scope: { kind: 'filter', filterId },
      sinceLast: false,
    });
    expect(filtered.rows.map((r) => r[3])).toEqual(['Cara Diaz', 'Dan Wu']);
    expect(() =>
      previewExport(t.db, { target: 'generic', scope: { kind: 'filter', filterId: 999 }, sinceLast: false }),
    ).toThrow(/no saved filter 999/);
  });
});
