import type { InspectResult } from '@shared/domain/import/types';
import type { Db } from '../db/database';
import { openSheet, type SheetReadOptions } from './read/openSheet';
import { resolveMapping, type MappingChoice } from './mapping/resolveMapping';

/**
 * The first look at a file for the wizard: how it reads (format, encoding, delimiter, sheets,
 * header row), its first rows, and how its columns would map. Reads only the first rows.
 */
export async function inspectFile(db: Db, options: SheetReadOptions & MappingChoice): Promise<InspectResult> {
  const sheet = await openSheet(options);
  try {
    const resolved = resolveMapping(db, sheet, options);
    return {
      path: options.path,
      fileName: sheet.fileName,
      fileSize: sheet.fileSize,
      format: sheet.format,
      encoding: sheet.encoding,
      delimiter: sheet.delimiter,
      sheets: sheet.sheets,
      sheet: sheet.sheet,
      headerRow: sheet.headerLine,
      headers: resolved.headers,
      sampleRows: sheet.sample,
      mapping: resolved.mapping,
      profile: resolved.profile?.id ?? null,
      sourceKind: resolved.sourceKind,
    };
  } finally {
    sheet.close();
  }
}
