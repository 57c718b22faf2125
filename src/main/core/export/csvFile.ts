import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '@shared/contract/result';
import type { Cell } from './formats';

/**
 * A cell a spreadsheet would run as a formula: it starts with = + - @, a tab or a carriage return
 * (OWASP's "CSV injection" list) — unless the whole cell is a number or a phone number, made only
 * of digits, spaces, dots, hyphens and parentheses after one leading + or -.
 *
 * Why the exception: these files are read by CRM importers first, and a quote in front of
 * "+1 512 555 0100" would land in the CRM's phone field and break its dialling; "-5" would stop
 * being a number. A cell of digits and that punctuation holds no letters, so it can name no
 * function (HYPERLINK, WEBSERVICE) and no DDE link (which needs `|` and `!`): at worst a
 * spreadsheet does arithmetic on it, as it would on any number. Everything else that starts so —
 * "=HYPERLINK(…)", "+1+cmd|' /C calc'!A0", "@SUM(…)", "-2+3 and text" — gets a single quote in
 * front, which spreadsheets show as text and never evaluate.
 */
export const FORMULA_START = /^(?![+-]?\d[\d ().-]*$)[=+\-@\t\r]/;

/** A cell as written after neutralisation (for tests and the preview). */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const UTF8_BOM = '\ufeff';

/**
 * When a field must be quoted (RFC 4180): it holds a comma, a double quote, a line break or a
 * byte-order mark, or starts or ends with a space (which some readers would trim). The same rule
 * as Papa Parse's `unparse`.
 */
const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;

function field(cell: Cell): string {
  if (cell === null) return '';
  // A number is never neutralised: it cannot be a formula.
  if (typeof cell === 'number') return String(cell);
  if (FORMULA_START.test(cell)) return `"'${cell.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Rows as CSV text (RFC 4180: commas, double quotes, CRLF after every record), formulas
 * neutralised. A small writer rather than Papa Parse's `unparse`: it writes the very same bytes
 * (the tests compare the two on awkward cells), but tests each cell once instead of five times,
 * which on 100,000 rows with long descriptions is the difference between meeting the 3-second
 * goal and missing it (bench/export).
 */
export function csvText(rows: readonly (readonly Cell[])[]): string {
  let out = '';
  for (const row of rows) out += `${csvLine(row)}\r\n`;
  return out;
}

/** One record as CSV, without its line break: what `csvText` writes for it. */
export function csvLine(row: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += i === 0 ? field(row[i]!) : `,${field(row[i]!)}`;
  return line;
}

/**
 * Writes a CSV beside its destination under a temporary name and moves it into place only when
 * asked: a cancel or a crash never leaves a half-written file at the seller's path, and a file
 * already there stays as it was until the new one is whole (rename replaces it in one step).
 */
export class CsvFileWriter {
  private readonly tempPath: string;
  private fd: number | null;
  private readonly hash = crypto.createHash('sha256');
  private bytes = 0;
  private rows = 0;

  constructor(
    readonly finalPath: string,
    headers: readonly string[],
    options: { bom: boolean },
  ) {
    const dir = path.dirname(finalPath);
    if (!fs.existsSync(dir)) throw new AppFailure('not_found', `The folder ${dir} does not exist.`);
    this.tempPath = path.join(
      dir,
      `.${path.basename(finalPath)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.part`,
    );
    this.fd = fs.openSync(this.tempPath, 'wx');
    this.write(`${options.bom ? UTF8_BOM : ''}${csvText([headers])}`);
  }

  /** Appends records already written as CSV lines (`csvLine`). */
  appendLines(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.write(`${lines.join('\r\n')}\r\n`);
    this.rows += lines.length;
  }

  private write(text: string): void {
    if (this.fd === null) throw new Error('The export file is already closed.');
    const buffer = Buffer.from(text, 'utf8');
    fs.writeSync(this.fd, buffer);
    this.hash.update(buffer);
    this.bytes += buffer.length;
  }

  /** Flushes the file to disk and closes it; then `commit` or `discard`. */
  finish(): { bytes: number; rows: number; sha256: string } {
    if (this.fd !== null) {
      fs.fsyncSync(this.fd);
      fs.closeSync(this.fd);
      this.fd = null;
    }
    return { bytes: this.bytes, rows: this.rows, sha256: this.hash.copy().digest('hex') };
  }

  /** Moves the finished file to its destination, replacing what was there. */
  commit(): void {
    this.finish();
    fs.renameSync(this.tempPath, this.finalPath);
  }

  /** Removes the temporary file (after a cancel or a failure). Safe to call twice. */
  discard(): void {
    if (this.fd !== null) {
      fs.closeSync(this.fd);
      this.fd = null;
    }
    fs.rmSync(this.tempPath, { force: true });
  }
}
