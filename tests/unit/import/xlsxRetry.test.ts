import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { REAL_FIXTURES } from '../../helpers/paths';
import { openWorkbook, readXlsxRows, type WorkbookSheets } from '../../../src/main/core/import/read/xlsxRows';
import type { RawRow } from '../../../src/main/core/import/read/rawRow';
import { AppFailure } from '../../../src/shared/contract/result';

const FILE = path.join(REAL_FIXTURES, 'messytables', 'sw_gen.xlsx');

/** exceljs's race as it was seen: the sheet reached before the workbook's model. */
const raceError = () => new TypeError("Cannot read properties of undefined (reading 'sheets')");

/** The real reader, failing the way given on the calls listed (1-based). */
function flaky(failOn: number[], fail: (input: Readable) => WorkbookSheets) {
  let calls = 0;
  const open = (input: Readable): WorkbookSheets => {
    calls++;
    return failOn.includes(calls) ? fail(input) : openWorkbook(input);
  };
  return { open, calls: () => calls };
}

const failingAtOnce = (input: Readable): WorkbookSheets => ({
  [Symbol.asyncIterator]() {
    input.resume();
    return { next: () => Promise.reject(raceError()) };
  },
});

async function readAll(stream: ReturnType<typeof readXlsxRows>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  try {
    for await (const batch of stream.rows) out.push(...batch);
  } finally {
    stream.close();
  }
  return out;
}

describe('reading an .xlsx when exceljs fails before the first row', () => {
  it('reads the file once more and gives every row once', async () => {
    const expected = await readAll(readXlsxRows(FILE, 'sw_gen.xlsx', 0));
    expect(expected.length).toBeGreaterThan(10);
    const reader = flaky([1], failingAtOnce);
    const rows = await readAll(readXlsxRows(FILE, 'sw_gen.xlsx', 0, reader.open));
    expect(reader.calls()).toBe(2);
    expect(rows).toEqual(expected);
  });

  it('a second failure is a clear refusal, not a loop', async () => {
    const reader = flaky([1, 2], failingAtOnce);
    const error = await readAll(readXlsxRows(FILE, 'sw_gen.xlsx', 0, reader.open)).catch((e: unknown) => e);
    expect(reader.calls()).toBe(2);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).message).toMatch(
      /sw_gen\.xlsx could not be read \(Cannot read properties.*save it again as \.xlsx/,
    );
  });

  it('a failure after rows have gone out is not retried (they would be given twice)', async () => {
    // A workbook longer than one batch of 512 rows.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-xlsx-'));
    const big = path.join(dir, 'big.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('People');
    sheet.addRow(['Company', 'Name']);
    for (let i = 1; i <= 1500; i++) sheet.addRow([`Company ${i}`, `Person ${i}`]);
    await book.xlsx.writeFile(big);
    // The real reader for the first sheet's first rows, then the race.
    const failingLate = (input: Readable): WorkbookSheets => ({
      async *[Symbol.asyncIterator]() {
        for await (const sheet of openWorkbook(input)) {
          yield {
            async *[Symbol.asyncIterator]() {
              let n = 0;
              for await (const row of sheet as AsyncIterable<unknown>) {
                if (++n > 600) throw raceError(); // after one batch of 512 has gone out
                yield row;
              }
            },
          };
          return;
        }
      },
    });
    const reader = flaky([1], failingLate);
    const seen: number[] = [];
    const stream = readXlsxRows(big, 'big.xlsx', 0, reader.open);
    const error = await (async () => {
      for await (const batch of stream.rows) seen.push(...batch.map((r) => r.line));
    })().catch((e: unknown) => e);
    stream.close();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(seen.length).toBe(512);
    expect(reader.calls()).toBe(1);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).message).toMatch(/big\.xlsx could not be read/);
  });
});
