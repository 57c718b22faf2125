import fs from 'node:fs';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppFailure } from '@shared/contract/result';
import { cellText } from './cellText';
import type { RawRow, RowStream } from './rawRow';

/** A workbook's sheets, as exceljs's streaming reader gives them. */
export type WorkbookSheets = AsyncIterable<unknown>;

/**
 * exceljs's streaming reader over a file's bytes. Styles are read because that is how Excel marks
 * a number as a date.
 */
export const openWorkbook = (input: Readable): WorkbookSheets =>
  new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });

/**
 * Streams one sheet of an .xlsx/.xlsm: rows as they are parsed, never the whole workbook in
 * memory. `open` is exceljs's reader but for tests.
 */
export function readXlsxRows(
  file: string,
  fileName: string,
  sheetIndex: number,
  open: (input: Readable) => WorkbookSheets = openWorkbook,
): RowStream {
  const size = fs.statSync(file).size;
  let input: fs.ReadStream | undefined;
  let bytesRead = 0;
  const openFile = () => {
    input = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
    bytesRead = 0;
    input.on('data', (chunk) => (bytesRead += chunk.length));
    return open(input);
  };

  async function* rows(): AsyncGenerator<RawRow[]> {
    let yielded = false;
    for (let attempt = 1; ; attempt++) {
      try {
        for await (const batch of sheetRows(openFile())) {
          yielded = true;
          yield batch;
        }
        return;
      } catch (error) {
        if (error instanceof AppFailure) throw error;
        // Seen once under heavy load on a small LibreOffice file that reads fine on every other run:
        // exceljs reached the sheet without the workbook's model ("reading 'sheets'"). Before any
        // row has gone out, reading the file once more is safe; a damaged file fails again.
        if (!yielded && attempt === 1 && error instanceof TypeError) {
          input?.destroy();
          continue;
        }
        throw new AppFailure(
          'unsupported_file',
          `${fileName} could not be read (${(error as Error).message}); it may be damaged. Open it in Excel or LibreOffice and save it again as .xlsx.`,
        );
      }
    }
  }

  async function* sheetRows(reader: WorkbookSheets): AsyncGenerator<RawRow[]> {
    let index = 0;
    let batch: RawRow[] = [];
    for await (const worksheet of reader) {
      const current = index++;
      if (current !== sheetIndex) continue;
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        // row.values is 1-based and sparse: index 0 is unused, empty cells are holes.
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c] ?? null));
        batch.push({ line: row.number, cells });
        if (batch.length >= 512) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
      return;
    }
  }

  return {
    rows: rows(),
    fraction: () => (size === 0 ? 1 : bytesRead / size),
    close: () => input?.destroy(),
  };
}
