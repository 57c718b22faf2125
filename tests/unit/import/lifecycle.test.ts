import fs from 'node:fs';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, freshDb, importFile } from '../../helpers/importing';
import { inspectFile } from '../../../src/main/core/import/inspect';
import { loadSavedProfiles } from '../../../src/main/core/import/mapping/savedProfiles';
import { undoImport } from '../../../src/main/core/import/undoImport';
import { systemClock } from '../../../src/main/core/clock';
import { cli } from '../../helpers/cli';
import { REAL_FIXTURES } from '../../helpers/paths';

const LIST = `Company,Phone,City,License Number,Contact,Title,Email
Acme Solar Inc,(415) 555-0100,San Francisco,CA-1001,Ann Lee,CEO,ann@acmesolar.com
Bright Roofing LLC,415-555-0101,Oakland,CA-1002,Bob Ray,Owner,bob@brightroofing.com
Coastal Electric,415.555.0102,San Jose,CA-1003,,,
Acme Solar Inc,(415) 555-0100,San Francisco,CA-1001,Dev Patel,VP Sales,dev@acmesolar.com
`;

/** Everything an import can touch, to prove that "nothing changed" means nothing. */
function snapshot(db: ReturnType<typeof freshDb>['db']) {
  const tables = [
    'companies',
    'contacts',
    'contact_emails',
    'source_rows',
    'import_batches',
    'import_changes',
    'audit_log',
    'import_profiles',
  ];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

describe('an import, from start to undo', () => {
  let t: ReturnType<typeof freshDb>;
  let file: string;
  beforeEach(() => {
    t = freshDb();
    file = path.join(t.dir, 'leads.csv');
    fs.writeFileSync(file, LIST);
  });
  afterEach(() => t.cleanup());

  it('turns rows that repeat each other into one record, keeping every row as provenance', async () => {
    const report = await importFile(t.db, { path: file });
    expect(report).toMatchObject({ rowsRead: 4, inserted: 4, companiesCreated: 3, contactsCreated: 3 });
    const acme = t.db.prepare(`SELECT id FROM companies WHERE license_number = 'CA-1001'`).pluck().get();
    expect(
      t.db
        .prepare('SELECT row_number FROM source_rows WHERE company_id = ? ORDER BY row_number')
        .pluck()
        .all(acme),
    ).toEqual([1, 4]);
    expect(
      t.db.prepare('SELECT full_name FROM contacts WHERE company_id = ? ORDER BY id').pluck().all(acme),
    ).toEqual(['Ann Lee', 'Dev Patel']);
  });

  it('a dry run reports exactly what the import would do and leaves nothing behind', async () => {
    const before = snapshot(t.db);
    const dry = await importFile(t.db, { path: file, dryRun: true });
    expect(snapshot(t.db)).toEqual(before);
    const real = await importFile(t.db, { path: file });
    expect({ ...dry, batchId: null, dryRun: false, seconds: 0 }).toEqual({
      ...real,
      batchId: null,
      seconds: 0,
    });
  });

  it('importing the same file again changes nothing', async () => {
    await importFile(t.db, { path: file });
    const before = snapshot(t.db);
    const again = await importFile(t.db, { path: file });
    expect(again.alreadyImported?.batchId).toBe(1);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    expect(snapshot(t.db)).toEqual(before);
  });

  it('an updated file updates what changed and reports new, updated, unchanged and skipped', async () => {
    await importFile(t.db, { path: file });
    const updated =
      LIST.replace('Oakland', 'Berkeley') + 'Delta Builders,415-555-0103,Fresno,CA-1004,,,\n,,,,,,\n';
    fs.writeFileSync(file, updated);
    const report = await importFile(t.db, { path: file });
    expect(report).toMatchObject({
      rowsRead: 6,
      inserted: 1,
      updated: 1,
      unchanged: 3,
      skipped: 1,
      blankRows: 1,
    });
    expect(t.db.prepare(`SELECT city FROM companies WHERE license_number = 'CA-1002'`).pluck().get()).toBe(
      'Berkeley',
    );
    // The changed value is traced to the new import's row and column.
    const sources = JSON.parse(
      t.db
        .prepare(`SELECT field_sources FROM companies WHERE license_number = 'CA-1002'`)
        .pluck()
        .get() as string,
    );
    const rowId = t.db
      .prepare(`SELECT id FROM source_rows WHERE batch_id = 2 AND row_number = 2`)
      .pluck()
      .get();
    expect(sources.city).toEqual([rowId, 2]);
  });

  it('an empty cell never erases a stored value', async () => {
    await importFile(t.db, { path: file });
    fs.writeFileSync(file, 'Company,Phone,City,License Number\nAcme Solar Inc,,,CA-1001\n');
    const report = await importFile(t.db, { path: file });
    expect(report.unchanged).toBe(1);
    expect(
      t.db.prepare(`SELECT phone10, city FROM companies WHERE license_number = 'CA-1001'`).get(),
    ).toEqual({ phone10: '4155550100', city: 'San Francisco' });
  });

  it('undo removes what the import added and restores what it changed, exactly', async () => {
    await importFile(t.db, { path: file });
    const afterFirst = snapshot(t.db);
    fs.writeFileSync(
      file,
      LIST.replace('Oakland', 'Berkeley').replace(
        'bob@brightroofing.com',
        'bob@brightroofing.com; robert@brightroofing.com',
      ) + 'Delta Builders,415-555-0103,Fresno,CA-1004,Eve Ng,CFO,eve@delta.com\n',
    );
    const second = await importFile(t.db, { path: file });
    expect(count(t.db, 'contact_emails')).toBe(5);
    undoImport(t.db, second.batchId!, systemClock);
    const afterUndo = snapshot(t.db);
    for (const table of ['companies', 'contacts', 'contact_emails', 'source_rows', 'import_changes']) {
      expect(afterUndo[table], table).toEqual(afterFirst[table]);
    }
    expect(t.db.prepare('SELECT status FROM import_batches ORDER BY id').pluck().all()).toEqual([
      'committed',
      'undone',
    ]);
    expect(() => undoImport(t.db, second.batchId!, systemClock)).toThrow(/already undone/);
  });

  it('undo of an import that a later one built on is refused until the later one is undone', async () => {
    const first = await importFile(t.db, { path: file });
    fs.writeFileSync(file, LIST.replace('Oakland', 'Berkeley'));
    const second = await importFile(t.db, { path: file });
    expect(() => undoImport(t.db, first.batchId!, systemClock)).toThrow(/Later import #2/);
    undoImport(t.db, second.batchId!, systemClock);
    undoImport(t.db, first.batchId!, systemClock);
    expect(count(t.db, 'companies')).toBe(0);
    expect(count(t.db, 'source_rows')).toBe(0);
  });

  it('an import cancelled half-way leaves no trace', async () => {
    const big = path.join(t.dir, 'big.csv');
    const lines = ['Company,Phone'];
    for (let i = 0; i < 3000; i++)
      lines.push(`Company ${i},(415) 555-${String(1000 + (i % 9000)).padStart(4, '0')}`);
    fs.writeFileSync(big, lines.join('\n'));
    const before = snapshot(t.db);
    await expect(importFile(t.db, { path: big }, systemClock, 1000)).rejects.toThrow(/cancelled/);
    expect(snapshot(t.db)).toEqual(before);
    expect(t.db.inTransaction).toBe(false);
  });

  it('rows with a problem are flagged by default, or skipped when the seller says so', async () => {
    fs.writeFileSync(
      file,
      'Company,Phone,Email,Contact\nAcme,555-01,ann@acme.com,Ann Lee\nBright,415-555-0101,not-an-email,Bob Ray\nCoastal,415-555-0102,,\n',
    );
    const flagged = await importFile(t.db, { path: file, dryRun: true });
    expect(flagged).toMatchObject({
      inserted: 3,
      flagged: 2,
      problems: { phone_not_10_digits: 1, invalid_email: 1 },
    });
    expect(flagged.problemSamples.phone_not_10_digits).toEqual([
      { row: 1, column: 'Phone', value: '555-01' },
    ]);
    const skipped = await importFile(t.db, { path: file, problemActions: { invalid_email: 'skip' } });
    expect(skipped).toMatchObject({ inserted: 2, skipped: 1, flagged: 1 });
    expect(t.db.prepare('SELECT status FROM source_rows ORDER BY row_number').pluck().all()).toEqual([
      'flagged',
      'skipped',
      'imported',
    ]);
  });

  it('remembers a mapping and picks it again for a file of the same shape', async () => {
    fs.writeFileSync(file, 'Org,Tel,Zone\nAcme,415-555-0100,West\n');
    const first = await inspectFile(t.db, { path: file });
    expect(first.mapping.map((m) => m.field)).toEqual(['company_name', 'phone', null]);
    await importFile(t.db, { path: file, mapping: { 2: 'industry' } });
    const other = path.join(t.dir, 'next-month.csv');
    fs.writeFileSync(other, 'Org,Tel,Zone\nBright,415-555-0101,East\n');
    const again = await inspectFile(t.db, { path: other });
    expect(again.profile).toMatch(/^saved:/);
    expect(again.mapping.map((m) => m.field)).toEqual(['company_name', 'phone', 'industry']);
  });

  it('a file without a header, mapped by hand, becomes a layout the seller can pick for the next one', async () => {
    fs.writeFileSync(file, 'Acme Solar,415-555-0100,Fresno\nBright Roofing,415-555-0101,Austin\n');
    await importFile(t.db, {
      path: file,
      noHeader: true,
      mapping: { 0: 'company_name', 1: 'phone', 2: 'city' },
    });
    const layout = loadSavedProfiles(t.db).find((p) => p.headerless);
    expect(layout?.label).toBe('leads.csv layout (no header)');
    // Not picked by itself: a row of data does not say which layout it follows.
    const next = path.join(t.dir, 'next.csv');
    fs.writeFileSync(next, 'Corner Electric,415-555-0102,Dallas\n');
    const plain = await inspectFile(t.db, { path: next, noHeader: true });
    expect(plain.profile).toBeNull();
    const chosen = await inspectFile(t.db, { path: next, noHeader: true, profile: layout!.id });
    expect(chosen.mapping.map((m) => m.field)).toEqual(['company_name', 'phone', 'city']);
    await importFile(t.db, { path: next, noHeader: true, profile: layout!.id });
    expect(t.db.prepare(`SELECT city FROM companies WHERE name = 'Corner Electric'`).pluck().get()).toBe(
      'Dallas',
    );
    // One layout per width, kept current.
    expect(loadSavedProfiles(t.db).filter((p) => p.headerless)).toHaveLength(1);
  });

  it('a remembered CRM export is still that CRM’s: records keep their CRM link and are found by CRM id', async () => {
    const header = 'Record ID,First Name,Last Name,Email,Company Name,Job Title';
    fs.writeFileSync(file, `${header}\n101,Ann,Lee,ann@acme.com,Acme,CEO\n`);
    await importFile(t.db, { path: file });
    // Next month's export from the same HubSpot: Ann has a new address and a new title; Bob is new.
    const next = path.join(t.dir, 'hubspot-next.csv');
    fs.writeFileSync(
      next,
      `${header}\n101,Ann,Lee,ann.lee@acme.com,Acme,Founder\n102,Bob,Stone,bob@acme.com,Acme,VP Sales\n`,
    );
    const inspected = await inspectFile(t.db, { path: next });
    expect(inspected.profile).toMatch(/^saved:/);
    const report = await importFile(t.db, { path: next });
    expect(report).toMatchObject({ inserted: 1, updated: 1 });
    const people = t.db
      .prepare(
        `SELECT full_name, crm_source, crm_id, title FROM contacts WHERE merged_into IS NULL ORDER BY crm_id`,
      )
      .all();
    expect(people).toEqual([
      { full_name: 'Ann Lee', crm_source: 'hubspot', crm_id: '101', title: 'Founder' },
      { full_name: 'Bob Stone', crm_source: 'hubspot', crm_id: '102', title: 'VP Sales' },
    ]);
  });
});

describe('cli: import and fields', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(() => (t = freshDb()));
  afterEach(() => t.cleanup());

  it('prints a report, or one JSON object on the last line', async () => {
    const file = path.join(t.dir, 'leads.csv');
    fs.writeFileSync(file, LIST);
    t.db.close();
    const dry = await cli('--db', t.file, 'import', file, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(dry.json()).toMatchObject({ batch: null, dryRun: true, rowsRead: 4, inserted: 4, problems: {} });
    const run = await cli('--db', t.file, 'import', file, '--map', 'City=none', '--json');
    expect(run.json()).toMatchObject({
      batch: 1,
      rowsRead: 4,
      inserted: 4,
      updated: 0,
      unchanged: 0,
      skipped: 0,
    });
    const human = await cli('--db', t.file, 'import', file);
    expect(human.out.join('\n')).toMatch(/already imported the same way \(import #1/);
  });

  it('refuses a --map with an unknown column or field, and lists the fields', async () => {
    const file = path.join(t.dir, 'leads.csv');
    fs.writeFileSync(file, LIST);
    t.db.close();
    const column = await cli('--db', t.file, 'import', file, '--map', 'Fax=phone');
    expect(column.code).toBe(2);
    expect(column.err.join('\n')).toMatch(/no column "Fax"/);
    const field = await cli('--db', t.file, 'import', file, '--map', 'City=town');
    expect(field.err.join('\n')).toMatch(/"town" is not a field/);
    const fields = await cli('--db', t.file, 'fields');
    expect(fields.out.some((l) => l.startsWith('license_number'))).toBe(true);
  });

  it('--skip-problems leaves out every row with a problem', async () => {
    const file = path.join(t.dir, 'p.csv');
    fs.writeFileSync(file, 'Company,Phone\nAcme,555-01\nBright,415-555-0101\n');
    t.db.close();
    const run = await cli('--db', t.file, 'import', file, '--skip-problems', '--json');
    expect(run.json()).toMatchObject({ inserted: 1, skipped: 1, problems: { phone_not_10_digits: 1 } });
  });

  it('--no-header, --profile and --sheet read the file as told; the JSON line has the time taken', async () => {
    t.db.close();
    // No header: "Column N" names, mapped with --map.
    const plain = path.join(t.dir, 'plain.csv');
    fs.writeFileSync(plain, 'Acme Solar,415-555-0100\nBright Roofing,415-555-0101\n');
    const headerless = await cli(
      '--db',
      t.file,
      'import',
      plain,
      '--no-header',
      '--map',
      'Column 1=company_name',
      '--map',
      'Column 2=phone',
      '--json',
    );
    expect(headerless.json()).toMatchObject({ rowsRead: 2, inserted: 2 });
    expect((headerless.json() as { seconds: number }).seconds).toBeGreaterThan(0);
    // The built-in CSLB layout by name.
    const cslb = path.join(REAL_FIXTURES, 'cslb/cslb_masterlicensedata_sample_noheader.csv');
    const licensed = await cli('--db', t.file, 'import', cslb, '--profile', 'ca-cslb', '--json');
    expect(licensed.json()).toMatchObject({ companiesCreated: 123 });
    const unknown = await cli('--db', t.file, 'import', cslb, '--profile', 'no-such-layout');
    expect(unknown.code).not.toBe(0);
    expect(unknown.err.join('\n')).toMatch(/no mapping profile "no-such-layout"/);
    // The second sheet of a workbook.
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Read me').addRow(['Leads are on the next sheet']);
    const leads = book.addWorksheet('Leads');
    leads.addRow(['Company', 'Phone']);
    leads.addRow(['Corner Electric', '415-555-0102']);
    const xlsx = path.join(t.dir, 'book.xlsx');
    await book.xlsx.writeFile(xlsx);
    const sheet = await cli('--db', t.file, 'import', xlsx, '--sheet', 'Leads', '--json');
    expect(sheet.json()).toMatchObject({ rowsRead: 1, inserted: 1 });
    const db = new Database(t.file, { readonly: true });
    try {
      const names = db
        .prepare('SELECT name FROM companies WHERE license_number IS NULL ORDER BY id')
        .pluck()
        .all();
      expect(names).toEqual(['Acme Solar', 'Bright Roofing', 'Corner Electric']);
    } finally {
      db.close();
    }
  });
});
