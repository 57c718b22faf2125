import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '@shared/contract/result';
import type { FileFormat } from '@shared/domain/import/types';
import { sniffFormat } from './sniff';
import { detectEncoding, type TextEncodingName } from './encoding';
import { sniffDelimiter } from './delimiter';
import { readCsvRows } from './csvRows';
import { listSheets } from './xlsxSheets';
import { readXlsxRows } from './xlsxRows';
import { findHeaderRow, uniqueHeaders } from './headerRow';
import type { RawRow, RowStream } from './rawRow';

export interface SheetReadOptions {
  path: string;
  sheet?: string | null;
  noHeader?: boolean;
  /** 1-based line of the header, when the seller says where it is. */
  headerRow?: number | null;
}

/** A data row: its number among the data rows (1 = the first row under the header) and cells. */
export interface DataRow {
  row: number;
  cells: string[];
}

export interface OpenedSheet {
  fileName: string;
  fileSize: number;
  format: FileFormat;
  encoding: TextEncodingName | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  /** 1-based line of the header in the file; null without one. */
  headerLine: number | null;
  headers: string[];
  /** The first data rows (up to 20), for mapping and preview. */
  sample: string[][];
  /** The data rows, in batches (see RowStream). */
  rows: AsyncIterable<DataRow[]>;
  fraction(): number;
  close(): void;
}

const LOOKAHEAD = 50;

/**
 * Opens a spreadsheet for reading whatever it is: sniffs the format and encoding, picks the sheet,
 * finds the header row (or accepts there is none), and streams the data rows below it.
 */
export async function openSheet(options: SheetReadOptions): Promise<OpenedSheet> {
  const fileName = path.basename(options.path);
  const format = sniffFormat(options.path);
  const fileSize = fs.statSync(options.path).size;
  let stream: RowStream;
  let encoding: TextEncodingName | null = null;
  let delimiter: string | null = null;
  let sheets: string[] = [];
  let sheet: string | null = null;

  if (format === 'csv') {
    const fd = fs.openSync(options.path, 'r');
    const sample = Buffer.alloc(Math.min(fileSize, 256 * 1024));
    fs.readSync(fd, sample, 0, sample.length, 0);
    fs.closeSync(fd);
    const detected = detectEncoding(sample);
    encoding = detected.encoding;
    delimiter = sniffDelimiter(new TextDecoder(encoding).decode(sample.subarray(detected.bomLength)));
    stream = readCsvRows(options.path, encoding, detected.bomLength, delimiter);
  } else {
    sheets = await listSheets(options.path, fileName);
    const index = options.sheet ? sheets.indexOf(options.sheet) : 0;
    if (index < 0) {
      throw new AppFailure(
        'not_found',
        `${fileName} has no sheet named "${options.sheet}"; its sheets are ${sheets.join(', ')}.`,
      );
    }
    sheet = sheets[index]!;
    stream = readXlsxRows(options.path, fileName, index);
  }

  const iterator = stream.rows[Symbol.asyncIterator]();
  const head: RawRow[] = [];
  let rest: RawRow[] = [];
  try {
    while (head.length < LOOKAHEAD) {
      const next = await iterator.next();
      if (next.done) break;
      const room = LOOKAHEAD - head.length;
      head.push(...next.value.slice(0, room));
      rest = next.value.slice(room);
    }
  } catch (error) {
    stream.close();
    throw error;
  }
  if (head.every((r) => r.cells.every((c) => c.trim() === ''))) {
    stream.close();
    throw new AppFailure(
      'unsupported_file',
      `${fileName}${sheet ? ` (sheet "${sheet}")` : ''} has no data: every row is empty.`,
    );
  }

  let headerIndex: number | null;
  if (options.noHeader) headerIndex = null;
  else if (options.headerRow) {
    headerIndex = head.findIndex((r) => r.line === options.headerRow);
    if (headerIndex < 0)
      throw new AppFailure(
        'invalid_input',
        `Row ${options.headerRow} is not among the first rows of ${fileName}.`,
      );
  } else headerIndex = findHeaderRow(head.map((r) => r.cells));

  const headerLine = headerIndex === null ? null : head[headerIndex]!.line;
  const dataHead = headerIndex === null ? head : head.slice(headerIndex + 1);
  const width = Math.max(
    headerIndex === null ? 0 : head[headerIndex]!.cells.length,
    ...dataHead.map((r) => r.cells.length),
  );
  const headers = uniqueHeaders(headerIndex === null ? [] : head[headerIndex]!.cells, width);
  const toData = (r: RawRow): DataRow => ({
    row: headerLine === null ? r.line : r.line - headerLine,
    cells: r.cells,
  });
  const sample = dataHead.slice(0, 20).map((r) => r.cells);

  async function* rows(): AsyncGenerator<DataRow[]> {
    const first = [...dataHead, ...rest].map(toData);
    if (first.length > 0) yield first;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value.map(toData);
    }
  }

  return {
    fileName,
    fileSize,
    format,
    encoding,
    delimiter,
    sheets,
    sheet,
    headerLine,
    headers,
    sample,
    rows: rows(),
    fraction: stream.fraction,
    close: stream.close,
  };
}
