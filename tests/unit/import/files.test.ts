import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REAL_FIXTURES, ROOT } from '../../helpers/paths';
import { count, freshDb, importFile } from '../../helpers/importing';
import { inspectFile } from '../../../src/main/core/import/inspect';
import { AppFailure } from '../../../src/shared/contract/result';

const MESSY = path.join(REAL_FIXTURES, 'messytables');

describe('real-world files (messytables): each imports or is refused with a clear message', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(() => (t = freshDb()));
  afterEach(() => t.cleanup());

  const expected: Record<string, RegExp | 'imports'> = {
    'begrotingsanalyse-2011.csv': 'imports',
    'bian-anal-mca-2005-dols-eng-1011-0312-tab3.xlsm': 'imports',
    'characters.csv': 'imports',
    'excel_pasting.csv': 'imports',
    'libreoffice.xlsx': /has no data: every row is empty/,
    'mixedGLB.csv': 'imports',
    'skip_initials.csv': 'imports',
    'span_rich.xls': /legacy Excel 97–2003 \(\.xls\).*save it as \.xlsx/,
    'spanish_chars.csv': 'imports',
    'sparse_with_column_errors.csv': 'imports',
    'sw_gen.xlsx': 'imports',
    'unicode_sheet_name.xls': /legacy Excel/,
    'utf-16le_encoded.csv': 'imports',
    // A header row and nothing else; the names read without the byte-order mark.
    'utf8bom.csv': /has column names \(kitten, win\) but no rows below them/,
    'weird_head_padding.csv': 'imports',
  };

  it('covers every file in the folder', () => {
    const files = fs.readdirSync(MESSY).filter((f) => f !== 'README.md');
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [file, outcome] of Object.entries(expected)) {
    it(`${file}: ${outcome === 'imports' ? 'imports' : 'is refused'}`, async () => {
      const run = importFile(t.db, { path: path.join(MESSY, file) });
      if (outcome === 'imports') {
        const report = await run;
        expect(report.rowsRead).toBeGreaterThan(0);
        expect(report.batchId).not.toBeNull();
        // Nothing is lost: every data row is kept raw, whatever it became.
        expect(count(t.db, 'source_rows')).toBe(report.rowsRead - report.blankRows);
      } else {
        await expect(run).rejects.toBeInstanceOf(AppFailure);
        await expect(importFile(t.db, { path: path.join(MESSY, file) })).rejects.toThrow(outcome);
        expect(count(t.db, 'import_batches')).toBe(0);
      }
    });
  }

  it('decodes the encodings it meets', async () => {
    const utf16 = await inspectFile(t.db, { path: path.join(MESSY, 'utf-16le_encoded.csv') });
    expect(utf16.encoding).toBe('utf-16le');
    expect(utf16.headers[0]).toBe('Organisation_code');
    const latin = await inspectFile(t.db, { path: path.join(MESSY, 'spanish_chars.csv') });
    expect(latin.encoding).toBe('windows-1252');
    expect(latin.headers).toContain('Descripción');
    const big5 = await inspectFile(t.db, { path: path.join(MESSY, 'characters.csv') });
    expect(big5.encoding).toBe('big5');
    expect(big5.headers[1]).toBe('景點編號');
    const bomFile = path.join(t.dir, 'bom.csv');
    fs.writeFileSync(
      bomFile,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('kitten,win\nTom,yes\n')]),
    );
    const bom = await inspectFile(t.db, { path: bomFile });
    expect(bom.encoding).toBe('utf-8');
    expect(bom.headers[0]).toBe('kitten');
  });

  it('finds the header below title rows and blank rows', async () => {
    const glb = await inspectFile(t.db, { path: path.join(MESSY, 'mixedGLB.csv') });
    expect(glb.headerRow).toBe(4);
    expect(glb.headers.slice(0, 3)).toEqual(['Year', 'Jan', 'Feb']);
  });
});

describe('files made to go wrong', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(() => (t = freshDb()));
  afterEach(() => t.cleanup());
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(t.dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it.each([
    ['empty.csv', '', /empty/],
    ['blank.csv', '\ufeff \r\n\r\n', /empty/],
    ['report.pdf', '%PDF-1.7\nrest', /PDF/],
    ['page.csv', '<!doctype html><html></html>', /web page/],
    ['archive.zip', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]), /ZIP archive/],
    [
      'budget.numbers',
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('Index/Document.iwa')]),
      /Apple Numbers/,
    ],
    [
      'locked.xlsx',
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(64),
        Buffer.from('EncryptedPackage', 'utf16le'),
      ]),
      /protected with a password/,
    ],
    [
      'binary.csv',
      Buffer.from([1, 2, 0, 3, 4, 5, 0, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]),
      /does not look like a spreadsheet/,
    ],
  ])('%s is refused: %s', async (name, content, message) => {
    await expect(importFile(t.db, { path: write(name, content) })).rejects.toThrow(message);
    expect(count(t.db, 'import_batches')).toBe(0);
  });

  it('a damaged workbook is refused, not a crash', async () => {
    const good = path.join(MESSY, 'sw_gen.xlsx');
    const bytes = fs.readFileSync(good);
    const file = write('damaged.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(importFile(t.db, { path: file })).rejects.toThrow(/could not be read|damaged/);
  });

  it('a quote that is never closed is refused with the record where it starts', async () => {
    const file = write('broken.csv', 'name,phone\nAcme,5551234567\n"Bad Co,555\nOther,5551112222\n');
    await expect(importFile(t.db, { path: file })).rejects.toThrow(/record 3 is never closed/);
    expect(count(t.db, 'companies')).toBe(0);
  });

  it('reads tab-, semicolon- and pipe-separated files, and UTF-16 BE and Windows-1252 text', async () => {
    const rows = 'Company\tPhone\nAcme Solar\t(415) 555-0100\nBright Roofing\t415.555.0101\n';
    for (const [name, content] of [
      ['tabs.tsv', rows],
      ['semi.csv', rows.replaceAll('\t', ';')],
      ['pipes.txt', rows.replaceAll('\t', '|')],
      [
        'utf16be.csv',
        Buffer.concat([
          Buffer.from([0xfe, 0xff]),
          Buffer.from(rows.replaceAll('\t', ','), 'utf16le').swap16(),
        ]),
      ],
      ['latin.csv', Buffer.from('Company,City\nCafé Noir,Montréal\n', 'latin1')],
    ] as const) {
      const inspected = await inspectFile(t.db, { path: write(name, content) });
      expect(inspected.headers[0], name).toBe('Company');
      expect(inspected.mapping[0]?.field, name).toBe('company_name');
    }
    await importFile(t.db, { path: path.join(t.dir, 'latin.csv') });
    expect(t.db.prepare('SELECT name, city FROM companies').get()).toEqual({
      name: 'Café Noir',
      city: 'Montréal',
    });
  });
});

describe('spreadsheets', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(() => (t = freshDb()));
  afterEach(() => t.cleanup());

  async function workbook(file: string) {
    const book = new ExcelJS.Workbook();
    const notes = book.addWorksheet('Read me');
    notes.addRow(['This workbook lists leads on the second sheet.']);
    const leads = book.addWorksheet('Leads');
    leads.addRow(['Acme export, November']);
    leads.addRow([]);
    leads.addRow(['Company', 'Phone', 'Employees', 'Score', 'License expires', 'Website']);
    leads.addRow([
      'Acme Solar',
      '(415) 555-0100',
      120,
      { formula: 'B5*0+42', result: 42 },
      new Date(Date.UTC(2026, 0, 31)),
      { text: 'acmesolar.com', hyperlink: 'https://acmesolar.com' },
    ]);
    leads.addRow(['Bright Roofing', '415-555-0101', 8, 7.5, '01/15/2027', 'https://www.brightroofing.com']);
    await book.xlsx.writeFile(file);
  }

  it('lists the sheets, reads the chosen one, finds its header and stores what cells show', async () => {
    const file = path.join(t.dir, 'leads.xlsx');
    await workbook(file);
    const first = await inspectFile(t.db, { path: file });
    expect(first.sheets).toEqual(['Read me', 'Leads']);
    expect(first.sheet).toBe('Read me');
    const leads = await inspectFile(t.db, { path: file, sheet: 'Leads' });
    expect(leads.headerRow).toBe(3);
    expect(leads.mapping.map((m) => m.field)).toEqual([
      'company_name',
      'phone',
      'employee_count',
      'icp_score',
      'license_expiration',
      'website',
    ]);
    const report = await importFile(t.db, { path: file, sheet: 'Leads' });
    expect(report.inserted).toBe(2);
    expect(
      t.db
        .prepare(
          'SELECT name, phone10, employee_count, icp_score, license_expires, domain FROM companies ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        name: 'Acme Solar',
        phone10: '4155550100',
        employee_count: 120,
        icp_score: 42,
        license_expires: '2026-01-31',
        domain: 'acmesolar.com',
      },
      {
        name: 'Bright Roofing',
        phone10: '4155550101',
        employee_count: 8,
        icp_score: 7.5,
        license_expires: '2027-01-15',
        domain: 'brightroofing.com',
      },
    ]);
    await expect(importFile(t.db, { path: file, sheet: 'Nope' })).rejects.toThrow(/no sheet named "Nope"/);
  });
});

describe('LinkedIn Connections.csv', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(() => (t = freshDb()));
  afterEach(() => t.cleanup());

  it('current format: the Notes preamble, quoted names with commas, rows that hold only a date', async () => {
    const file = path.join(ROOT, 'tests/fixtures/import/Connections.csv');
    const inspected = await inspectFile(t.db, { path: file });
    expect(inspected.profile).toBe('linkedin-connections');
    expect(inspected.headerRow).toBe(4);
    const report = await importFile(t.db, { path: file });
    expect(report).toMatchObject({ rowsRead: 6, contactsCreated: 5, problems: { missing_company_name: 1 } });
    const people = t.db
      .prepare(
        `SELECT c.first_name, c.last_name, c.title, c.linkedin_key, c.email, c.connected_on, c.discovery_source, co.name AS company
         FROM contacts c LEFT JOIN companies co ON co.id = c.company_id ORDER BY c.id`,
      )
      .all();
    expect(people[0]).toEqual({
      first_name: 'Ann',
      last_name: 'Lee',
      title: 'Chief Executive Officer',
      linkedin_key: 'ann-lee-4b1a2c',
      email: null,
      connected_on: '2024-11-05',
      discovery_source: 'connection',
      company: 'Acme Solar',
    });
    expect(people[1]).toMatchObject({
      first_name: 'Brian "BJ"',
      company: 'Okafor Electric, Inc.',
      title: 'VP, Operations',
      email: 'bj@okafor-electric.com',
    });
    expect(people[2]).toMatchObject({
      last_name: 'Gómez',
      linkedin_key: 'carla-gómez-9a',
      company: 'Sunrise Builders & Co',
    });
    // Two connections at one company: one company.
    expect(count(t.db, 'companies', `name = 'Acme Solar'`)).toBe(1);
    // A work email teaches the company's domain; a free-mail one never does.
    expect(
      t.db.prepare(`SELECT domain FROM companies WHERE name = 'Okafor Electric, Inc.'`).pluck().get(),
    ).toBe('okafor-electric.com');
    expect(t.db.prepare(`SELECT domain FROM companies WHERE name = 'Acme Solar'`).pluck().get()).toBeNull();
    // The date-only row is kept raw and flagged, and creates nothing.
    expect(
      t.db.prepare(`SELECT status, company_id, contact_id, raw FROM source_rows WHERE row_number = 4`).get(),
    ).toEqual({
      status: 'flagged',
      company_id: null,
      contact_id: null,
      raw: '["","","","","","","22 Mar 2022"]',
    });
  });

  it('stores values that would be formulas in Excel as plain text', async () => {
    await importFile(t.db, { path: path.join(ROOT, 'tests/fixtures/import/Connections.csv') });
    expect(
      t.db
        .prepare(
          `SELECT co.name, c.title FROM contacts c JOIN companies co ON co.id = c.company_id WHERE c.last_name = 'Rossi'`,
        )
        .get(),
    ).toEqual({
      name: '=HYPERLINK("http://evil.example")',
      title: '+Owner',
    });
  });

  it('stores cells starting with - or @ as text too, and keeps them in the raw row', async () => {
    const file = path.join(t.dir, 'formulas.csv');
    fs.writeFileSync(
      file,
      'Company,First Name,Last Name,Title,Notes\n-Acme,@Ann,Lee,-5 units,@SUM(A1:A2)\n@Bright,Bob,-Stone,=1+1,-2+3\n',
    );
    const report = await importFile(t.db, { path: file });
    expect(report).toMatchObject({ rowsRead: 2, inserted: 2 });
    expect(
      t.db
        .prepare(
          `SELECT co.name, c.first_name, c.last_name, c.title FROM contacts c JOIN companies co ON co.id = c.company_id ORDER BY c.id`,
        )
        .all(),
    ).toEqual([
      { name: '-Acme', first_name: '@Ann', last_name: 'Lee', title: '-5 units' },
      { name: '@Bright', first_name: 'Bob', last_name: '-Stone', title: '=1+1' },
    ]);
    const raw = t.db.prepare('SELECT raw FROM source_rows ORDER BY id').pluck().all() as string[];
    expect(raw.map((r) => JSON.parse(r) as string[])).toEqual([
      ['-Acme', '@Ann', 'Lee', '-5 units', '@SUM(A1:A2)'],
      ['@Bright', 'Bob', '-Stone', '=1+1', '-2+3'],
    ]);
  });

  it('the 2018 format, without profile links', async () => {
    const file = path.join(ROOT, 'tests/fixtures/import/Connections-2018.csv');
    const inspected = await inspectFile(t.db, { path: file });
    expect(inspected.profile).toBe('linkedin-connections-2018');
    const report = await importFile(t.db, { path: file });
    expect(report).toMatchObject({ rowsRead: 2, contactsCreated: 2 });
    expect(t.db.prepare('SELECT email, connected_on FROM contacts ORDER BY id').all()).toEqual([
      { email: 'ann@acmesolar.com', connected_on: '2018-11-05' },
      { email: null, connected_on: '2018-03-02' },
    ]);
  });
});

describe('duplicate headers', () => {
  it('are kept apart, and both columns survive', async () => {
    const t = freshDb();
    const file = path.join(t.dir, 'dupes.csv');
    fs.writeFileSync(file, 'Company,Phone,Phone,Notes,Notes\nAcme,415-555-0100,415-555-0199,first,second\n');
    const inspected = await inspectFile(t.db, { path: file });
    expect(inspected.headers).toEqual(['Company', 'Phone', 'Phone (2)', 'Notes', 'Notes (2)']);
    expect(inspected.mapping.filter((m) => m.field === 'phone')).toHaveLength(1);
    await importFile(t.db, { path: file });
    expect(t.db.prepare('SELECT raw FROM source_rows').pluck().get()).toBe(
      '["Acme","415-555-0100","415-555-0199","first","second"]',
    );
    expect(t.db.prepare('SELECT notes FROM companies').pluck().get()).toBe('Notes: first\nNotes (2): second');
    t.cleanup();
  });
});
