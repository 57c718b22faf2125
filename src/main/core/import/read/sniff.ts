import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '@shared/contract/result';
import type { FileFormat } from '@shared/domain/import/types';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** "EncryptedPackage" in UTF-16LE: the stream an Excel file saved with a password is wrapped in. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

const refuse = (message: string): never => {
  throw new AppFailure('unsupported_file', message);
};

/**
 * Decides how a file is read from its first bytes, not its name (a CSV saved as .xls, an .xlsx
 * renamed .csv). Files we cannot read are refused here with what to do instead.
 */
export function sniffFormat(file: string): FileFormat {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return refuse(`${path.basename(file)} could not be found or opened.`);
  }
  if (!stat.isFile()) refuse(`${path.basename(file)} is a folder, not a spreadsheet.`);
  const name = path.basename(file);
  if (stat.size === 0) refuse(`${name} is empty: there is nothing to import.`);
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(Math.min(stat.size, 64 * 1024));
  fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);

  if (head.subarray(0, 4).equals(ZIP)) {
    const text = head.toString('latin1');
    if (
      text.includes('Index/Document.iwa') ||
      text.includes('Index.zip') ||
      name.toLowerCase().endsWith('.numbers')
    ) {
      refuse(
        `${name} is an Apple Numbers file. In Numbers choose File → Export To → Excel (.xlsx) or CSV, then import that.`,
      );
    }
    if (text.includes('xl/') || text.includes('[Content_Types].xml')) return 'xlsx';
    refuse(`${name} is a ZIP archive, not a spreadsheet. Unzip it and import the .csv or .xlsx inside.`);
  }
  if (head.subarray(0, 8).equals(OLE2)) {
    if (head.includes(ENCRYPTED_PACKAGE) || /\.xls[xm]$/i.test(name)) {
      refuse(
        `${name} is protected with a password. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and import it again.`,
      );
    }
    refuse(
      `${name} is a legacy Excel 97–2003 (.xls) workbook. Open it in Excel or LibreOffice and save it as .xlsx (or CSV), then import that.`,
    );
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') refuse(`${name} is a PDF, not a spreadsheet.`);
  if (/^\s*<(\?xml|html|!doctype)/i.test(head.subarray(0, 200).toString('latin1'))) {
    refuse(`${name} is a web page or XML file, not a spreadsheet. Save the data as .xlsx or CSV first.`);
  }
  const textual = head.subarray(0, 8192);
  const bomless16 = textual.length > 8 && countZeros(textual) > textual.length / 4;
  if (!bomless16 && textual.includes(0)) {
    refuse(`${name} does not look like a spreadsheet or a text file. Save the data as .xlsx or CSV first.`);
  }
  if (isBlankText(head, stat.size)) refuse(`${name} is empty: there is nothing to import.`);
  return 'csv';
}

function countZeros(buffer: Buffer): number {
  let zeros = 0;
  for (const byte of buffer) if (byte === 0) zeros++;
  return zeros;
}

/** Only a byte-order mark, spaces and line breaks. */
function isBlankText(head: Buffer, size: number): boolean {
  if (size > head.length) return false;
  return (
    head
      .toString('latin1')
      .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
      .replace(/[\s\0]/g, '') === ''
  );
}
