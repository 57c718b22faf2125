import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { fixedClock, seedPeople } from '../../helpers/exportSeed';
import { formatInfo, resetColumns, saveColumns } from '../../../src/main/core/export/columns';
import { readSettings } from '../../../src/main/core/settings/settingsStore';
import { exportTo, readCsv } from './support';

/** The column mapping a seller edits, saved per target and used by every later export. */
describe('export columns', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(async () => {
    t = freshDb();
    await seedPeople(t.db, t.dir, [
      { first: 'Ann', last: 'Lee', title: 'CEO', company: 'Acme Plumbing', email: 'ann@acme.com' },
    ]);
  });
  afterEach(() => t.cleanup());

  it('renamed, reordered and left-out columns are saved per target and written that way', () => {
    const info = formatInfo(t.db, 'hubspot');
    const columns = info.columns.map((c) => ({ key: c.key, header: c.header, enabled: c.enabled }));
    const email = columns.splice(
      columns.findIndex((c) => c.key === 'email'),
      1,
    )[0]!;
    columns.unshift({ ...email, header: 'Work Email' });
    for (const c of columns) if (c.key === 'lead_tier' || c.key === 'zip') c.enabled = false;
    saveColumns(t.db, 'hubspot', columns, fixedClock());
    const file = path.join(t.dir, 'hs.csv');
    exportTo(t.db, file, { target: 'hubspot' });
    const { headers, rows } = readCsv(file);
    expect(headers[0]).toBe('Work Email');
    expect(headers).not.toContain('Lead Tier');
    expect(headers).not.toContain('Postal Code');
    expect(rows[0]!['Work Email']).toBe('ann@acme.com');
    // Other targets keep their own columns; the choice is audited.
    expect(formatInfo(t.db, 'close').columns.every((c) => c.header === c.defaultHeader)).toBe(true);
    expect(
      t.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'settings.changed'`).pluck().get(),
    ).toBe(1);
    resetColumns(t.db, 'hubspot', fixedClock());
    expect(readSettings(t.db, 'export').mappings.hubspot).toBeUndefined();
    expect(formatInfo(t.db, 'hubspot').columns[0]!.header).toBe('First Name');
  });

  it('refuses a mapping that the target could not import, saying why', () => {
    const base = formatInfo(t.db, 'salesforce').columns.map((c) => ({
      key: c.key,
      header: c.header,
      enabled: c.enabled,
    }));
    const off = base.map((c) => (c.key === 'company' ? { ...c, enabled: false } : c));
    expect(() => saveColumns(t.db, 'salesforce', off, fixedClock())).toThrow(/needs the column Company/);
    const twice = base.map((c) => (c.key === 'title' ? { ...c, header: 'Email' } : c));
    expect(() => saveColumns(t.db, 'salesforce', twice, fixedClock())).toThrow(/both be called “Email”/);
    expect(() => saveColumns(t.db, 'salesforce', [...base, base[0]!], fixedClock())).toThrow(/listed twice/);
    expect(() =>
      saveColumns(t.db, 'salesforce', [{ key: 'shoe_size', header: 'x', enabled: true }], fixedClock()),
    ).toThrow(/no column “shoe_size”/);
    const formula = base.map((c) => (c.key === 'title' ? { ...c, header: '=cmd' } : c));
    expect(() => saveColumns(t.db, 'salesforce', formula, fixedClock())).toThrow(/may not start with/);
    expect(readSettings(t.db, 'export').mappings.salesforce).toBeUndefined();
  });

  it('a column added in a later version appears after the seller’s own, with its default', () => {
    saveColumns(
      t.db,
      'close',
      [
        { key: 'contact', header: 'Name', enabled: true },
        { key: 'company', header: 'company', enabled: true },
      ],
      fixedClock(),
    );
    const columns = formatInfo(t.db, 'close').columns;
    expect(columns.slice(0, 2).map((c) => c.header)).toEqual(['Name', 'company']);
    expect(columns).toHaveLength(18);
    expect(columns.find((c) => c.key === 'tags')).toMatchObject({ header: 'tags', enabled: true });
  });
});
