import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REAL_FIXTURES } from '../../helpers/paths';
import { count, freshDb, importFile } from '../../helpers/importing';
import { inspectFile } from '../../../src/main/core/import/inspect';

const CSLB = path.join(REAL_FIXTURES, 'cslb/cslb_masterlicensedata_sample_noheader.csv');

describe('the CA CSLB License Master sample (headerless, 52 columns)', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(() => (t = freshDb()));
  afterEach(() => t.cleanup());

  it('is recognised by its shape and mapped by the built-in profile', async () => {
    const inspected = await inspectFile(t.db, { path: CSLB });
    expect(inspected.headerRow).toBeNull();
    expect(inspected.profile).toBe('ca-cslb');
    expect(inspected.headers).toHaveLength(52);
    expect(inspected.headers.slice(0, 3)).toEqual(['LicenseNo', 'LastUpdate', 'BusinessName']);
    const fields = Object.fromEntries(
      inspected.mapping.filter((m) => m.field).map((m) => [m.header, m.field]),
    );
    expect(fields).toMatchObject({
      LicenseNo: 'license_number',
      BusinessName: 'company_name',
      BusinessPhone: 'phone',
      ZIPCode: 'zip',
    });
  });

  it('imports into 123 companies with normalised phones', async () => {
    const report = await importFile(t.db, { path: CSLB });
    expect(report).toMatchObject({
      rowsRead: 123,
      inserted: 123,
      updated: 0,
      skipped: 0,
      companiesCreated: 123,
    });
    expect(count(t.db, 'companies')).toBe(123);
    expect(count(t.db, 'source_rows')).toBe(123);
    const first = t.db.prepare(`SELECT * FROM companies WHERE license_number = '1000001'`).get() as Record<
      string,
      unknown
    >;
    expect(first).toMatchObject({
      name: 'STOKES JOHN R',
      phone: '+18053383191',
      phone10: '8053383191',
      city: 'SIMI VALLEY',
      state: 'CA',
      zip: '93063',
      license_status: 'CLEAR',
      license_expires: '2021-01-31',
      classifications: 'C-7',
    });
    const phones = t.db.prepare('SELECT phone, phone10 FROM companies').all() as {
      phone: string | null;
      phone10: string | null;
    }[];
    for (const { phone, phone10 } of phones) {
      if (phone === null) continue;
      expect(phone).toMatch(/^\+1\d{10}$/);
      expect(phone10).toBe(phone.slice(2));
    }
    expect(phones.filter((p) => p.phone !== null).length).toBeGreaterThan(110);
  });
});
