import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, count } from '../../helpers/importing';
import { seedPeople } from '../../helpers/exportSeed';
import { csvText, neutralise, FORMULA_START } from '../../../src/main/core/export/csvFile';
import { FORMATS } from '../../../src/main/core/export/formats';
import { rowLimitProblem } from '../../../src/shared/domain/export';
import { formatInfo, saveColumns } from '../../../src/main/core/export/columns';
import { fixedClock } from '../../helpers/exportSeed';
import { exportTo, readCsv } from './support';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('formula neutralisation', () => {
  it('puts a quote before anything a spreadsheet would run', () => {
    for (const cell of [
      '=HYPERLINK("http://evil.example","click")',
      '=1+1',
      "+1+cmd|' /C calc'!A0",
      '-2+3 and some text',
      '@SUM(A1:A2)',
      '\tcmd',
      '\rcmd',
      '-',
      '+',
      '=',
      '-cmd|x!A1',
      '+1 (512) 555-0100 =x',
    ]) {
      expect(neutralise(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    }
  });

  it('leaves numbers and phone numbers as they are, so a CRM still reads them', () => {
    for (const cell of [
      '-5',
      '+5',
      '-12.5',
      '+1 512 555 0100',
      '+15125550100',
      '+1 (512) 555-0100',
      '512-555-0100',
    ]) {
      expect(neutralise(cell), cell).toBe(cell);
      expect(FORMULA_START.test(cell)).toBe(false);
    }
    // Cells that merely contain the characters later on are text, not formulas.
    for (const cell of ['a=b', 'Sales - East', 'ann@acme.com', 'x+y']) expect(neutralise(cell)).toBe(cell);
  });

  it('writes RFC 4180: quotes doubled, fields with commas, quotes or line breaks quoted, CRLF records', () => {
    const text = csvText([
      ['plain', 'with, comma', 'say "hi"', 'two\nlines', ' padded ', null, 42, -5, '=cmd'],
      ['second', '', '', '', '', '', 0, 1.5, '+1 512 555 0100'],
    ]);
    expect(text).toBe(
      'plain,"with, comma","say ""hi""","two\nlines"," padded ",,42,-5,"\'=cmd"\r\n' +
        'second,,,,,,0,1.5,+1 512 555 0100\r\n',
    );
    const back = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(back[0]).toEqual([
      'plain',
      'with, comma',
      'say "hi"',
      'two\nlines',
      ' padded ',
      '',
      '42',
      '-5',
      "'=cmd",
    ]);
  });
});

describe('the CSV writer', () => {
  it('writes exactly what Papa Parse’s unparse writes, on awkward cells', () => {
    const pieces = [
      '',
      ' ',
      'a',
      ',',
      '"',
      '\n',
      '\r',
      '\r\n',
      '=',
      '+',
      '-',
      '@',
      '\t',
      '5',
      '+1 512 555 0100',
      'é',
      '“”',
      '\ufeff',
      "'",
      'x y',
    ];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const rows: (string | number | null)[][] = [];
    for (let r = 0; r < 500; r++) {
      const row: (string | number | null)[] = [];
      for (let c = 0; c < 6; c++) {
        const kind = next();
        if (kind < 0.1) row.push(null);
        else if (kind < 0.2) row.push(Math.round((next() - 0.5) * 1000) / 10);
        else
          row.push(
            Array.from(
              { length: 1 + Math.floor(next() * 4) },
              () => pieces[Math.floor(next() * pieces.length)],
            ).join(''),
          );
      }
      rows.push(row);
    }
    const papa = `${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: FORMULA_START })}\r\n`;
    expect(csvText(rows)).toBe(papa);
    expect(
      Papa.parse<string[]>(csvText(rows))
        .data.slice(0, 500)
        .map((r) => r.length),
    ).toEqual(rows.map(() => 6));
  });
});

describe('export files', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(async () => {
    t = freshDb();
    await seedPeople(t.db, t.dir, [
      {
        first: 'Ann',
        last: 'Lee',
        title: 'CEO',
        company: 'Acme Plumbing',
        email: 'ann@acme.com',
        mobile: '(512) 555-0100',
      },
      {
        first: 'Bob',
        last: 'Stone',
        title: 'VP Sales',
        company: 'Brightline Roofing',
        email: 'bob@brightline.com',
      },
      {
        first: 'Cy',
        last: 'Mora',
        title: 'Owner',
        company: 'Corner Electric',
        email: 'cy@cornerelectric.com',
      },
    ]);
  });
  afterEach(() => t.cleanup());

  it('neutralises formulas that arrived in the data, in every format, and keeps phones and numbers', () => {
    t.db
      .prepare(
        `UPDATE contacts SET title = '=HYPERLINK("http://evil.example","x")', first_name = '@SUM(A1)', last_name = '-2+3',
           email = char(13) || 'cmd@acme.com'
         WHERE full_name = 'Ann Lee'`,
      )
      .run();
    t.db
      .prepare(
        `UPDATE companies SET name = '+1+cmd|'' /C calc''!A0', employee_count = -5, industry = char(9) || 'tab' WHERE name = 'Acme Plumbing'`,
      )
      .run();
    for (const target of ['close', 'hubspot', 'salesforce', 'generic'] as const) {
      const file = path.join(t.dir, `${target}.csv`);
      exportTo(t.db, file, { target });
      const { rows, text } = readCsv(file);
      const cells = rows.flatMap((r) => Object.values(r));
      const dangerous = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d[\d ().-]*$/.test(c));
      expect(dangerous, target).toEqual([]);
      expect(text, target).toContain(`'=HYPERLINK`);
      expect(text, target).toContain(`'+1+cmd`);
      if (target !== 'close') expect(text, target).toContain(`'@SUM(A1)`);
      expect(cells, target).toContain('+15125550100');
    }
    const generic = readCsv(path.join(t.dir, 'generic.csv')).rows[0]!;
    expect(generic).toMatchObject({
      employees: '-5',
      industry: "'\ttab",
      last_name: "'-2+3",
      email: "'\rcmd@acme.com",
    });
  });

  it('the same set twice gives the same bytes; a BOM only when asked', () => {
    const a = path.join(t.dir, 'a.csv');
    const b = path.join(t.dir, 'b.csv');
    const first = exportTo(t.db, a, { target: 'close' }, { clock: '2026-11-20T10:00:00.000Z' });
    const second = exportTo(t.db, b, { target: 'close' }, { clock: '2026-12-24T23:59:00.000Z' });
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
    for (const target of ['hubspot', 'salesforce', 'generic'] as const) {
      const x = path.join(t.dir, `${target}-1.csv`);
      const y = path.join(t.dir, `${target}-2.csv`);
      exportTo(t.db, x, { target }, { clock: '2026-11-20T10:00:00.000Z' });
      exportTo(t.db, y, { target }, { clock: '2026-12-24T23:59:00.000Z' });
      expect(fs.readFileSync(x).equals(fs.readFileSync(y)), target).toBe(true);
    }
    expect(first.sha256).toBe(sha(a));
    expect(second.sha256).toBe(first.sha256);
    expect(
      fs
        .readFileSync(a)
        .subarray(0, 3)
        .equals(Buffer.from([0xef, 0xbb, 0xbf])),
    ).toBe(false);
    const withBom = path.join(t.dir, 'bom.csv');
    exportTo(t.db, withBom, { target: 'close', bom: true });
    const bytes = fs.readFileSync(withBom);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).equals(fs.readFileSync(a))).toBe(true);
    // The history keeps the file and its hash.
    expect(
      t.db.prepare('SELECT target, file_path, file_sha256, rows FROM exports ORDER BY id LIMIT 1').get(),
    ).toEqual({ target: 'close', file_path: a, file_sha256: first.sha256, rows: 3 });
    expect(count(t.db, 'export_items', `export_id = ${first.exportId}`)).toBe(3);
  });

  it('only new or changed since the last export to the same target', () => {
    const file = (n: string) => path.join(t.dir, n);
    expect(exportTo(t.db, file('1.csv'), { target: 'hubspot', sinceLast: true })).toMatchObject({
      rows: 3,
      written: true,
    });
    // Nothing changed: no file, no history entry.
    const again = exportTo(t.db, file('2.csv'), { target: 'hubspot', sinceLast: true });
    expect(again).toMatchObject({ written: false, rows: 0, unchanged: 3, exportId: null });
    expect(fs.existsSync(file('2.csv'))).toBe(false);
    expect(count(t.db, 'exports')).toBe(1);
    // Another target keeps its own history.
    expect(exportTo(t.db, file('sf.csv'), { target: 'salesforce', sinceLast: true }).rows).toBe(3);
    // One person changes: only they go.
    t.db.prepare(`UPDATE contacts SET title = 'Chief Executive Officer' WHERE full_name = 'Ann Lee'`).run();
    const changed = exportTo(t.db, file('3.csv'), { target: 'hubspot', sinceLast: true });
    expect(changed).toMatchObject({ rows: 1, unchanged: 2 });
    expect(readCsv(file('3.csv')).rows.map((r) => r['Job Title'])).toEqual(['Chief Executive Officer']);
    // A newly approved lead is new.
    t.db.prepare(`UPDATE contacts SET approval = NULL WHERE full_name = 'Cy Mora'`).run();
    exportTo(t.db, file('4.csv'), { target: 'hubspot', sinceLast: true });
    t.db.prepare(`UPDATE contacts SET approval = 'approved' WHERE full_name = 'Cy Mora'`).run();
    expect(exportTo(t.db, file('5.csv'), { target: 'hubspot', sinceLast: true }).rows).toBe(0);
    // Without the option, everything goes again.
    expect(exportTo(t.db, file('6.csv'), { target: 'hubspot' }).rows).toBe(3);
  });

  it('what the target has is the bytes it was sent: a record sent again unchanged or under a renamed column is not a change', () => {
    const file = (n: string) => path.join(t.dir, n);
    const first = exportTo(t.db, file('1.csv'), { target: 'hubspot' });
    const sent = () =>
      t.db
        .prepare(
          `SELECT contact_id AS id, data_hash AS hash, export_id AS exportId FROM export_sent WHERE target = 'hubspot' ORDER BY 1`,
        )
        .all() as { id: number; hash: string; exportId: number }[];
    const before = sent();
    expect(before.map((s) => s.exportId)).toEqual([first.exportId, first.exportId, first.exportId]);
    // The same file again: every record went again (the history says so), none changed, so what
    // the target has stays recorded as sent by the first export.
    const second = exportTo(t.db, file('2.csv'), { target: 'hubspot' });
    expect(second.rows).toBe(3);
    expect(count(t.db, 'export_items', `export_id = ${second.exportId}`)).toBe(3);
    expect(sent()).toEqual(before);
    // A column renamed: the rows are the same bytes, so none is new since the last export.
    saveColumns(
      t.db,
      'hubspot',
      formatInfo(t.db, 'hubspot').columns.map((c) => ({
        key: c.key,
        enabled: c.enabled,
        header: c.header === 'Job Title' ? 'Role' : c.header,
      })),
      fixedClock(),
    );
    expect(exportTo(t.db, file('3.csv'), { target: 'hubspot', sinceLast: true })).toMatchObject({
      rows: 0,
      unchanged: 3,
    });
    const ann = t.db.prepare(`SELECT id FROM contacts WHERE full_name = 'Ann Lee'`).get() as { id: number };
    // A real change is sent, and becomes what the target has, from the export that sent it.
    t.db.prepare(`UPDATE contacts SET title = 'Founder' WHERE id = ?`).run(ann.id);
    const changed = exportTo(t.db, file('4.csv'), { target: 'hubspot' });
    const after = sent();
    expect(after.filter((s) => s.exportId === changed.exportId).map((s) => s.id)).toEqual([ann.id]);
    expect(after.find((s) => s.id === ann.id)!.hash).not.toBe(before.find((s) => s.id === ann.id)!.hash);
  });

  it('a cancel leaves no file, no partial file and no history; a file already there stays as it was', () => {
    const target = path.join(t.dir, 'leads.csv');
    fs.writeFileSync(target, 'the seller’s earlier file');
    expect(() => exportTo(t.db, target, { target: 'close' }, { cancel: true })).toThrow(/cancelled/);
    expect(fs.readFileSync(target, 'utf8')).toBe('the seller’s earlier file');
    expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(count(t.db, 'exports')).toBe(0);
    expect(count(t.db, 'export_items')).toBe(0);
  });

  it('a file over the target’s row limit (HubSpot’s) is refused whole, saying how to narrow it', () => {
    const limit = FORMATS.hubspot.maxRows;
    FORMATS.hubspot.maxRows = 2; // three leads stand for 250,001
    try {
      const file = path.join(t.dir, 'hubspot.csv');
      expect(() => exportTo(t.db, file, { target: 'hubspot' })).toThrow(
        /HubSpot imports at most 2 rows per file; this export has 3\. Narrow the scope/,
      );
      expect(fs.existsSync(file)).toBe(false);
      expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
      expect(count(t.db, 'exports')).toBe(0);
    } finally {
      FORMATS.hubspot.maxRows = limit;
    }
  });

  it('a file that cannot be put in place is reported, and nothing is recorded', () => {
    const folder = path.join(t.dir, 'taken');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'keep.txt'), 'x');
    expect(() => exportTo(t.db, folder, { target: 'close' })).toThrow(/could not be written/);
    expect(count(t.db, 'exports')).toBe(0);
    expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(() => exportTo(t.db, path.join(t.dir, 'missing', 'x.csv'), { target: 'close' })).toThrow(
      /does not exist/,
    );
  });
});

describe('a target’s row limit, as the Export page and the export both say it', () => {
  it('is a problem only past the limit, and names the count and what to do', () => {
    const hubspot = { label: 'HubSpot', maxRows: 250_000 };
    expect(rowLimitProblem(hubspot, 250_000)).toBeNull();
    expect(rowLimitProblem({ label: 'Close', maxRows: null }, 9_000_000)).toBeNull();
    expect(rowLimitProblem(hubspot, 312_004)).toBe(
      'HubSpot imports at most 250,000 rows per file; this export has 312,004. Narrow the scope (a tier, a saved filter) or export only what is new since the last export.',
    );
  });
});
