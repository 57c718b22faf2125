import unzipper from 'unzipper';
import { decodeXML } from 'entities';
import { AppFailure } from '@shared/contract/result';

/**
 * The sheet names of a workbook, in tab order, read from xl/workbook.xml alone (the zip's
 * directory lets us open that one entry without reading the sheets).
 */
export async function listSheets(file: string, fileName: string): Promise<string[]> {
  let xml: string;
  try {
    const directory = await unzipper.Open.file(file);
    const entry = directory.files.find((f) => f.path === 'xl/workbook.xml');
    if (!entry) throw new Error('no xl/workbook.xml');
    xml = (await entry.buffer()).toString('utf8');
  } catch (error) {
    throw new AppFailure(
      'unsupported_file',
      `${fileName} could not be read as an Excel workbook (${(error as Error).message}); it may be damaged. ` +
        'Open it in Excel or LibreOffice and save it again as .xlsx.',
    );
  }
  const names = [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"[^>]*?>/g)].map((m) => decodeXML(m[1]!));
  if (names.length === 0) throw new AppFailure('unsupported_file', `${fileName} has no sheets.`);
  return names;
}
