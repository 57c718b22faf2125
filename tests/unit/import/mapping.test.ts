import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { autoMap } from '../../../src/main/core/import/mapping/autoMap';
import { inspectFile } from '../../../src/main/core/import/inspect';
import { BUILT_IN_PROFILES } from '../../../src/main/core/import/mapping/profiles';
import { freshDb, importFile } from '../../helpers/importing';
import { REAL_FIXTURES } from '../../helpers/paths';

const fields = (headers: string[], sample: string[][] = []) =>
  autoMap(headers, sample, true).map((m) => m.field);

describe('automatic mapping', () => {
  it('maps the usual header names exactly, with high confidence', () => {
    const mapping = autoMap(['Company Name', 'Job Title', 'E-mail', 'Zip Code', 'License #'], [], true);
    expect(mapping.map((m) => m.field)).toEqual(['company_name', 'title', 'email', 'zip', 'license_number']);
    expect(mapping.every((m) => m.confidence >= 90)).toBe(true);
  });

  it('maps near misses with fuzzy matching and a lower confidence', () => {
    const mapping = autoMap(['Compnay', 'Phone Nmber', 'Postal Cde'], [], true);
    expect(mapping.map((m) => m.field)).toEqual(['company_name', 'phone', 'zip']);
    for (const m of mapping) expect(m.confidence).toBeLessThan(90);
  });

  it('lets the values decide when the header is vague or missing', () => {
    const sample = [
      ['ann@acme.com', 'https://www.linkedin.com/in/ann', '(415) 555-0100'],
      ['bob@bright.com', 'https://www.linkedin.com/in/bob', '415-555-0101'],
    ];
    expect(fields(['Column A', 'URL', 'Column C'], sample)).toEqual(['email', 'linkedin_url', 'phone']);
    expect(autoMap(['c1', 'c2', 'c3'], sample, false).map((m) => m.field)).toEqual([
      'email',
      'linkedin_url',
      'phone',
    ]);
  });

  it('gives a one-column field to the most confident column only; the rest stay in the raw row', () => {
    const mapping = autoMap(['Email', 'Email Address'], [], true);
    expect(mapping.filter((m) => m.field === 'email')).toHaveLength(1);
    expect(mapping.find((m) => m.field === null)?.reason).toMatch(/already mapped/);
  });

  it('leaves unknown columns unmapped', () => {
    expect(fields(['Favourite colour', 'Shoe size'])).toEqual([null, null]);
  });
});

describe('built-in profiles are picked by the shape of the file', () => {
  const t = freshDb();
  afterAll(() => t.cleanup());
  const headerFile = (name: string, headers: string[], row: string[]) => {
    const file = path.join(t.dir, name);
    fs.writeFileSync(
      file,
      `${headers.map((h) => `"${h}"`).join(',')}\n${row.map((c) => `"${c}"`).join(',')}\n`,
    );
    return file;
  };

  const cases: [string, string[], string[]][] = [
    [
      'tx-contractors',
      [
        'name',
        'phone',
        'domain',
        'website',
        'city',
        'state',
        'zip',
        'oem_source',
        'license_number',
        'license_type',
        'license_status',
        'license_expiration_date',
        'icp_score',
        'tier',
        'resimercial_score',
        'om_score',
        'mepr_score',
        'multi_oem_score',
      ],
      [
        'Freedom Enterprises',
        '5125550100',
        'freedom.com',
        'https://freedom.com',
        'Austin',
        'TX',
        '78701',
        'Generac',
        'TECL12345',
        'Electrical',
        'Active',
        '2026-05-01',
        '48',
        'SILVER',
        '10',
        '12',
        '14',
        '12',
      ],
    ],
    [
      'apollo-contacts',
      [
        'First Name',
        'Last Name',
        'Title',
        'Company',
        'Email',
        'Person Linkedin Url',
        'Website',
        '# Employees',
      ],
      ['Ann', 'Lee', 'CEO', 'Acme', 'ann@acme.com', 'https://linkedin.com/in/ann', 'acme.com', '120'],
    ],
    [
      'hubspot-contacts',
      ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Lead Status'],
      ['101', 'Ann', 'Lee', 'ann@acme.com', '4155550100', 'Acme', 'NEW'],
    ],
    [
      'close-leads',
      ['company', 'url', 'status', 'contact', 'title', 'email', 'phone'],
      ['Acme', 'https://acme.com', 'Potential', 'Ann Lee', 'CEO', 'ann@acme.com', '+14155550100'],
    ],
  ];
  for (const [id, headers, row] of cases) {
    it(id, async () => {
      const inspected = await inspectFile(t.db, { path: headerFile(`${id}.csv`, headers, row) });
      expect(inspected.profile).toBe(id);
      const profile = BUILT_IN_PROFILES.find((p) => p.id === id)!;
      for (const m of inspected.mapping) {
        const expected = Object.entries(profile.columns).find(
          ([h]) => h.toLowerCase() === m.header.toLowerCase(),
        )?.[1];
        if (expected !== undefined) expect(m.field, m.header).toBe(expected);
      }
    });
  }

  it('tx-contractors stores the list’s ICP score, its tier and the four sub-scores', async () => {
    const [, headers, row] = cases.find(([id]) => id === 'tx-contractors')!;
    const file = headerFile(
      'tx-import.csv',
      headers,
      row.map((c, i) => (headers[i] === 'tier' ? 'silver' : c)),
    );
    const report = await importFile(t.db, { path: file });
    expect(report).toMatchObject({ rowsRead: 1, companiesCreated: 1, flagged: 0 });
    const company = t.db
      .prepare(
        `SELECT name, license_number, icp_score, icp_tier, icp_subscores, domain, phone FROM companies WHERE license_number = 'TECL12345'`,
      )
      .get() as Record<string, unknown>;
    expect(company).toMatchObject({
      name: 'Freedom Enterprises',
      icp_score: 48,
      icp_tier: 'SILVER',
      domain: 'freedom.com',
      phone: '+15125550100',
    });
    expect(JSON.parse(company.icp_subscores as string)).toEqual({
      resimercial_score: 10,
      om_score: 12,
      mepr_score: 14,
      multi_oem_score: 12,
    });
  });

  it('salesforce-leads, from the real demo export', async () => {
    const inspected = await inspectFile(t.db, { path: path.join(REAL_FIXTURES, 'salesforce_demo/Lead.csv') });
    expect(inspected.profile).toBe('salesforce-leads');
    expect(inspected.sourceKind).toBe('crm_export');
    const byHeader = Object.fromEntries(inspected.mapping.map((m) => [m.header, m.field]));
    expect(byHeader).toMatchObject({
      Id: 'crm_id',
      FirstName: 'first_name',
      Company: 'company_name',
      Email: 'email',
      Name: null,
    });
  });

  it('a LinkedIn export is not taken for another profile, and a CSLB file is recognised without a header', async () => {
    const cslb = await inspectFile(t.db, {
      path: path.join(REAL_FIXTURES, 'cslb/cslb_masterlicensedata_sample_noheader.csv'),
    });
    expect(cslb.profile).toBe('ca-cslb');
    const other = headerFile('plain.csv', ['Company', 'Phone'], ['Acme', '4155550100']);
    expect((await inspectFile(t.db, { path: other })).profile).toBeNull();
  });

  it('a headerless file the app does not recognise takes the layout the seller picks', async () => {
    const row = Array.from({ length: 52 }, (_, i) =>
      i === 0 ? 'A100' : i === 2 ? 'ACME BUILDERS' : i === 11 ? '(415) 555-0100' : '',
    );
    const file = path.join(t.dir, 'odd-cslb.csv');
    fs.writeFileSync(file, `${row.join(',')}\n${row.join(',').replace('A100', 'A101')}\n`);
    const auto = await inspectFile(t.db, { path: file, noHeader: true });
    expect(auto.profile).toBeNull();
    expect(auto.headers[0]).toBe('Column 1');
    const picked = await inspectFile(t.db, { path: file, noHeader: true, profile: 'ca-cslb' });
    expect(picked.headers.slice(0, 3)).toEqual(['LicenseNo', 'LastUpdate', 'BusinessName']);
    expect(picked.mapping[2]?.field).toBe('company_name');
  });

  it('a chosen profile wins, and an unknown one is refused', async () => {
    const file = headerFile('x.csv', ['First Name', 'Last Name', 'Company'], ['Ann', 'Lee', 'Acme']);
    expect((await inspectFile(t.db, { path: file, profile: 'linkedin-connections' })).profile).toBe(
      'linkedin-connections',
    );
    await expect(inspectFile(t.db, { path: file, profile: 'nope' })).rejects.toThrow(
      /no mapping profile "nope"/,
    );
  });
});
